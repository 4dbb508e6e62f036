package org.lightwire.benchmarks.jose;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the CSV JMH wrote for {@link JoseBenchmark} ({@code -rf csv}) and prints each row —
 * method {@code x} (Lightwire) against {@code xNimbus} — as a Markdown table with the ratio
 * (above 1: Lightwire is faster), per backend, plus one {@code RATIO} line per row for grep.
 */
public final class JoseRatios {

    private static final String NIMBUS = "Nimbus";

    private JoseRatios() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: JoseRatios JMH_RESULT.csv");
            System.exit(2);
        }
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        List<String> header = fields(lines.get(0));
        int benchmark = header.indexOf("Benchmark");
        int score = header.indexOf("Score");
        int backend = header.indexOf("Param: backend");
        if (benchmark < 0 || score < 0 || backend < 0) {
            throw new IOException(args[0] + " is not a JMH CSV of JoseBenchmark (header: " + header + ")");
        }
        // backend -> row -> [ours, nimbus]
        Map<String, Map<String, double[]>> table = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = fields(line);
            String method = f.get(benchmark).substring(f.get(benchmark).lastIndexOf('.') + 1);
            boolean nimbus = method.endsWith(NIMBUS);
            String row = nimbus ? method.substring(0, method.length() - NIMBUS.length()) : method;
            double[] pair = table.computeIfAbsent(f.get(backend), k -> new LinkedHashMap<>()).computeIfAbsent(row, k -> new double[] {Double.NaN, Double.NaN});
            pair[nimbus ? 1 : 0] = Double.parseDouble(f.get(score));
        }
        List<String> ratios = new ArrayList<>();
        System.out.println();
        System.out.println("| operation | backend | Lightwire ops/s | nimbus ops/s | Lightwire/nimbus |");
        System.out.println("|---|---|---:|---:|---:|");
        table.forEach((b, rows) -> rows.forEach((row, pair) -> {
            double ratio = pair[0] / pair[1];
            System.out.printf(Locale.ROOT, "| %s | %s | %,.0f | %,.0f | %.2f |%n", row, b, pair[0], pair[1], ratio);
            ratios.add(String.format(Locale.ROOT, "RATIO jose %s %s lightwire/nimbus=%.2f", row, b, ratio));
        }));
        System.out.println();
        ratios.forEach(System.out::println);
    }

    /** JMH's CSV quotes text and has no commas inside fields. */
    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        for (String f : line.split(",", -1)) {
            out.add(f.replace("\"", "").trim());
        }
        return out;
    }
}
