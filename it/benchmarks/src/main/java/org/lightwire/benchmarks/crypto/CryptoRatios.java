package org.lightwire.benchmarks.crypto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the CSV JMH wrote for {@link CryptoBenchmark} ({@code -rf csv}) and prints the
 * backends side by side as a Markdown table, ops/s with the jca/bc ratio (above 1: the
 * JDK backend is faster), plus one {@code RATIO} line per benchmark for grep.
 */
public final class CryptoRatios {

    private static final String JCA = "jca";
    private static final String BC = "bc";

    private CryptoRatios() {
    }

    /** One JMH result row. */
    private record Score(String benchmark, String backend, double opsPerSecond, double error) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: CryptoRatios JMH_RESULT.csv");
            System.exit(2);
        }
        print(read(Path.of(args[0])));
    }

    private static List<Score> read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = fields(lines.get(0));
        int benchmark = header.indexOf("Benchmark");
        int score = header.indexOf("Score");
        int error = header.indexOf("Score Error (99.9%)");
        int backend = header.indexOf("Param: backend");
        if (benchmark < 0 || score < 0 || backend < 0) {
            throw new IOException(csv + " is not a JMH CSV of CryptoBenchmark (header: " + header + ")");
        }
        List<Score> scores = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = fields(line);
            String method = f.get(benchmark).substring(f.get(benchmark).lastIndexOf('.') + 1);
            double err = error < 0 || f.get(error).equals("NaN") ? Double.NaN : Double.parseDouble(f.get(error));
            scores.add(new Score(method, f.get(backend), Double.parseDouble(f.get(score)), err));
        }
        return scores;
    }

    /** JMH's CSV quotes text and has no commas inside fields. */
    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        for (String f : line.split(",", -1)) {
            out.add(f.replace("\"", "").trim());
        }
        return out;
    }

    private static void print(List<Score> scores) {
        Map<String, Map<String, Score>> table = new LinkedHashMap<>();
        for (Score s : scores) {
            table.computeIfAbsent(s.benchmark(), k -> new LinkedHashMap<>()).put(s.backend(), s);
        }
        System.out.println();
        System.out.println("| benchmark | jca ops/s | bc ops/s | jca/bc |");
        System.out.println("|---|---:|---:|---:|");
        List<String> ratios = new ArrayList<>();
        table.forEach((benchmark, byBackend) -> {
            Score jca = byBackend.get(JCA);
            Score bc = byBackend.get(BC);
            double ratio = jca == null || bc == null ? Double.NaN : jca.opsPerSecond() / bc.opsPerSecond();
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %.2f |%n", benchmark, cell(jca), cell(bc), ratio);
            ratios.add(String.format(Locale.ROOT, "RATIO crypto %s jca/bc=%.2f", benchmark, ratio));
        });
        System.out.println();
        ratios.forEach(System.out::println);
    }

    private static String cell(Score s) {
        if (s == null) {
            return "—";
        }
        return Double.isNaN(s.error()) ? String.format(Locale.ROOT, "%,.0f", s.opsPerSecond())
                : String.format(Locale.ROOT, "%,.0f ± %,.0f", s.opsPerSecond(), s.error());
    }
}
