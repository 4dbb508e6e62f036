package org.lightwire.benchmarks.ws;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A server process' CPU time and resident memory as Linux shows them in /proc, for servers
 * that are not in this JVM (the launcher, Netty's child JVM, lws).
 */
final class ProcessStats {

    /** USER_HZ: Linux reports utime/stime in these ticks; 100 on every mainstream kernel. */
    private static final long TICKS_PER_SECOND = 100;

    private ProcessStats() {
    }

    /** User plus system CPU time of all the process' threads, in nanoseconds. */
    static long cpuNanos(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        // the command name may hold spaces: fields are counted from after its closing ')'
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return ticks * (1_000_000_000L / TICKS_PER_SECOND);
    }

    /** Resident set size in KiB. */
    static long residentKibibytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmRSS in /proc/" + pid + "/status");
    }
}
