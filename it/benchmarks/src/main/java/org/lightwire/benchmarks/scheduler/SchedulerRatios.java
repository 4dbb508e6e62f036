package org.lightwire.benchmarks.scheduler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the CSV that JMH wrote for {@link SchedulerBenchmark} ({@code -rf csv}) and prints
 * ops/s side by side with the Lightwire/reference ratio (above 1: Lightwire is faster).
 */
public final class SchedulerRatios {

    private static final String SUBJECT = "lightwire";

    private SchedulerRatios() {
    }

    /** One JMH result row. */
    private record Score(String benchmark, String impl, int pending, double opsPerSecond) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: SchedulerRatios JMH_RESULT.csv");
            System.exit(2);
        }
        print(read(Path.of(args[0])));
    }

    private static List<Score> read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = fields(lines.get(0));
        int benchmark = header.indexOf("Benchmark");
        int score = header.indexOf("Score");
        int impl = header.indexOf("Param: impl");
        int pending = header.indexOf("Param: pending");
        List<Score> scores = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = fields(line);
            String method = f.get(benchmark).substring(f.get(benchmark).lastIndexOf('.') + 1);
            scores.add(new Score(method, f.get(impl), Integer.parseInt(f.get(pending)),
                    Double.parseDouble(f.get(score))));
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
        // benchmark -> pending -> impl -> ops/s, in a stable order
        Map<String, Map<Integer, Map<String, Double>>> table = new TreeMap<>();
        List<String> references = new ArrayList<>();
        for (Score s : scores) {
            table.computeIfAbsent(s.benchmark(), k -> new TreeMap<>())
                    .computeIfAbsent(s.pending(), k -> new LinkedHashMap<>())
                    .put(s.impl(), s.opsPerSecond());
            if (!s.impl().equals(SUBJECT) && !references.contains(s.impl())) {
                references.add(s.impl());
            }
        }
        System.out.println();
        System.out.println("== scheduler ops/s (JMH); ratio = lightwire / reference, above 1: lightwire is faster");
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-15s %8s %14s", "benchmark", "pending", SUBJECT));
        for (String r : references) {
            head.append(String.format(Locale.ROOT, " %22s %8s", r, "ratio"));
        }
        System.out.println(head);
        List<String> ratioLines = new ArrayList<>();
        table.forEach((benchmark, byPending) -> byPending.forEach((pending, byImpl) -> {
            double subject = byImpl.getOrDefault(SUBJECT, Double.NaN);
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-15s %8d %14.0f", benchmark, pending, subject));
            StringBuilder ratio = new StringBuilder(String.format(Locale.ROOT, "RATIO scheduler %s pending=%d", benchmark, pending));
            for (String r : references) {
                double ref = byImpl.getOrDefault(r, Double.NaN);
                row.append(String.format(Locale.ROOT, " %22.0f %8.2f", ref, subject / ref));
                ratio.append(String.format(Locale.ROOT, " vs-%s=%.2f", r, subject / ref));
            }
            System.out.println(row);
            ratioLines.add(ratio.toString());
        }));
        System.out.println();
        ratioLines.forEach(System.out::println);
    }
}
