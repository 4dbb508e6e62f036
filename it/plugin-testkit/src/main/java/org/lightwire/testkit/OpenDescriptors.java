package org.lightwire.testkit;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntPredicate;

/** Counts this process' open file descriptors on a file (Linux {@code /proc/self/fd}): leak checks in tests. */
public final class OpenDescriptors {

    private OpenDescriptors() {
    }

    /** How many descriptors of this process point at {@code file}. */
    public static int on(Path file) throws IOException {
        Path target = file.toRealPath();
        int n = 0;
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path fd : fds) {
                try {
                    if (Files.readSymbolicLink(fd).equals(target)) {
                        n++;
                    }
                } catch (IOException e) {
                    // the descriptor that listed the directory, or one closed meanwhile
                }
            }
        }
        return n;
    }

    /**
     * The count on {@code file} once it satisfies {@code wanted}, polling for up to five
     * seconds (a file may be closed on another thread); the last count otherwise.
     */
    public static int awaitOn(Path file, IntPredicate wanted) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        int n = on(file);
        while (!wanted.test(n) && System.nanoTime() < deadline) {
            Thread.sleep(10); // polling the writer thread's progress; no event to wait on
            n = on(file);
        }
        return n;
    }
}
