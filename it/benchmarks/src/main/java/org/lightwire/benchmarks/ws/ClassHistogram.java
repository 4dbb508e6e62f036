package org.lightwire.benchmarks.ws;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live objects of another JVM, taken with {@code jcmd PID GC.class_histogram} (which
 * runs a full GC first, so only reachable objects count): bytes and instances per class
 * and in total.
 *
 * @param totalBytes    bytes of all live objects
 * @param perClassBytes bytes per class name
 * @param perClassCount instances per class name
 */
record ClassHistogram(long totalBytes, Map<String, Long> perClassBytes, Map<String, Long> perClassCount) {

    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+).*$");
    private static final Pattern TOTAL = Pattern.compile("^Total\\s+(\\d+)\\s+(\\d+)\\s*$");

    /**
     * A full GC first, then a pause, then the histogram (itself after another full GC):
     * objects that only a Cleaner still holds (a dropped FileChannel's descriptor waits for
     * the Cleaner thread after the GC that found it unreachable) are gone by then, so the
     * figure is what the server really keeps.
     */
    static ClassHistogram of(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        Thread.sleep(500); // the other JVM's Cleaner thread runs the cleanups that GC queued
        byte[] out = jcmd(pid, "GC.class_histogram");
        Map<String, Long> bytes = new HashMap<>();
        Map<String, Long> count = new HashMap<>();
        long total = -1;
        for (String line : new String(out, StandardCharsets.UTF_8).split("\n")) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                bytes.merge(m.group(3), Long.parseLong(m.group(2)), Long::sum);
                count.merge(m.group(3), Long.parseLong(m.group(1)), Long::sum);
                continue;
            }
            Matcher t = TOTAL.matcher(line);
            if (t.matches()) {
                total = Long.parseLong(t.group(2));
            }
        }
        if (total < 0) {
            throw new IOException("jcmd " + pid + " GC.class_histogram: no Total line in "
                    + new String(out, StandardCharsets.UTF_8));
        }
        return new ClassHistogram(total, bytes, count);
    }

    private static byte[] jcmd(long pid, String command) throws IOException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        Process p = new ProcessBuilder(jcmd, String.valueOf(pid), command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("jcmd " + pid + " " + command + " failed: " + new String(out, StandardCharsets.UTF_8));
        }
        return out;
    }

    /** One class' growth from {@code before} to this histogram. */
    record Growth(String className, long bytes, long instances) {
    }

    /** The {@code n} classes that grew most in bytes since {@code before}. */
    List<Growth> topGrowth(ClassHistogram before, int n) {
        List<Growth> all = new ArrayList<>();
        for (Map.Entry<String, Long> e : perClassBytes.entrySet()) {
            long db = e.getValue() - before.perClassBytes.getOrDefault(e.getKey(), 0L);
            long dc = perClassCount.get(e.getKey()) - before.perClassCount.getOrDefault(e.getKey(), 0L);
            if (db > 0) {
                all.add(new Growth(e.getKey(), db, dc));
            }
        }
        all.sort((a, b) -> Long.compare(b.bytes, a.bytes));
        return all.subList(0, Math.min(n, all.size()));
    }
}
