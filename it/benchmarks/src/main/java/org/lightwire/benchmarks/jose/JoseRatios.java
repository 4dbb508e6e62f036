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
 * (above 1: Lightwire is faster) with its error, per backend; then, for rows that have a
 * {@code xJdk} method, each library against that JDK floor; and one {@code RATIO} line per
 * row for grep.
 */
public final class JoseRatios {

    private static final String NIMBUS = "Nimbus";
    private static final String JDK = "Jdk";
    private static final int OURS = 0;
    private static final int THEIRS = 1;
    private static final int FLOOR = 2;

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
        int error = header.indexOf("Score Error (99.9%)");
        int backend = header.indexOf("Param: backend");
        if (benchmark < 0 || score < 0 || error < 0 || backend < 0) {
            throw new IOException(args[0] + " is not a JMH CSV of JoseBenchmark (header: " + header + ")");
        }
        // backend -> row -> {score, error} of ours, nimbus's, the JDK floor's
        Map<String, Map<String, double[][]>> table = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = fields(line);
            String method = f.get(benchmark).substring(f.get(benchmark).lastIndexOf('.') + 1);
            int side = method.endsWith(NIMBUS) ? THEIRS : method.endsWith(JDK) ? FLOOR : OURS;
            String row = side == THEIRS ? method.substring(0, method.length() - NIMBUS.length())
                    : side == FLOOR ? method.substring(0, method.length() - JDK.length()) : method;
            double[][] r = table.computeIfAbsent(f.get(backend), k -> new LinkedHashMap<>()).computeIfAbsent(row, k -> new double[][] {
                {Double.NaN, Double.NaN}, {Double.NaN, Double.NaN}, {Double.NaN, Double.NaN}});
            r[side][0] = Double.parseDouble(f.get(score));
            r[side][1] = parseError(f.get(error));
        }
        List<String> ratios = new ArrayList<>();
        System.out.println();
        System.out.println("| operation | backend | Lightwire ops/s | nimbus ops/s | Lightwire/nimbus |");
        System.out.println("|---|---|---:|---:|---:|");
        table.forEach((b, rows) -> rows.forEach((row, r) -> {
            double[] ratio = ratio(r[OURS], r[THEIRS]);
            System.out.printf(Locale.ROOT, "| %s | %s | %,.0f ± %,.0f | %,.0f ± %,.0f | %.2f ± %.2f |%n", row, b, r[OURS][0], r[OURS][1],
                    r[THEIRS][0], r[THEIRS][1], ratio[0], ratio[1]);
            ratios.add(String.format(Locale.ROOT, "RATIO jose %s %s lightwire/nimbus=%.3f+-%.3f", row, b, ratio[0], ratio[1]));
        }));
        boolean floors = table.values().stream().anyMatch(rows -> rows.values().stream().anyMatch(r -> !Double.isNaN(r[FLOOR][0])));
        if (floors) {
            // the floor does not depend on the backend parameter: print it once, with the jca figures
            System.out.println();
            System.out.println("| operation | JDK asymmetric step alone ops/s | Lightwire/floor | nimbus/floor |");
            System.out.println("|---|---:|---:|---:|");
            Map<String, double[][]> rows = table.getOrDefault("jca", table.values().iterator().next());
            rows.forEach((row, r) -> {
                if (!Double.isNaN(r[FLOOR][0])) {
                    double[] ours = ratio(r[OURS], r[FLOOR]);
                    double[] theirs = ratio(r[THEIRS], r[FLOOR]);
                    System.out.printf(Locale.ROOT, "| %s | %,.0f ± %,.0f | %.3f ± %.3f | %.3f ± %.3f |%n", row, r[FLOOR][0], r[FLOOR][1],
                            ours[0], ours[1], theirs[0], theirs[1]);
                }
            });
        }
        System.out.println();
        ratios.forEach(System.out::println);
    }

    /** a/b and its error, the relative errors (JMH's 99.9 % intervals) added in quadrature. */
    private static double[] ratio(double[] a, double[] b) {
        double q = a[0] / b[0];
        double ea = Double.isNaN(a[1]) ? 0 : a[1] / a[0];
        double eb = Double.isNaN(b[1]) ? 0 : b[1] / b[0];
        return new double[] {q, q * Math.sqrt(ea * ea + eb * eb)};
    }

    /** JMH writes NaN for the error of a single measurement. */
    private static double parseError(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
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
