package org.lightwire.it.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The launcher's open sockets, counted in {@code /proc/<pid>/fd} (entries linking to
 * "socket:[inode]") as WsFuzzIT does: a connection the server failed to close shows up here.
 */
final class SshHostileSockets {
    private static final long WAIT_NANOS = 15_000_000_000L;

    private SshHostileSockets() {
    }

    static long count(long pid) throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().startsWith("socket:");
                } catch (IOException gone) {
                    return false; // closed while listing
                }
            }).count();
        }
    }

    /**
     * The count once it has stopped changing (the start-up probe's connection may still be
     * closing): two equal readings 500 ms apart.
     */
    static long settled(long pid) throws Exception {
        long deadline = System.nanoTime() + WAIT_NANOS;
        long last = count(pid);
        while (true) {
            // polling another process' descriptor table while it finishes its closes
            Thread.sleep(500);
            long now = count(pid);
            if (now == last) {
                return now;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the launcher's socket count does not settle: " + last + ", then " + now);
            }
            last = now;
        }
    }

    /** Waits until the process holds {@code baseline} sockets again; fails after 15 s. */
    static void await(long pid, long baseline) throws Exception {
        long deadline = System.nanoTime() + WAIT_NANOS;
        long now;
        while ((now = count(pid)) != baseline) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("launcher holds " + now + " sockets, " + baseline + " before the attacks");
            }
            // polling another process' descriptor table while it finishes its closes
            Thread.sleep(100);
        }
    }
}
