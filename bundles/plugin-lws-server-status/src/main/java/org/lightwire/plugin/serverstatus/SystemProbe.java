package org.lightwire.plugin.serverstatus;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The process and system figures lws' {@code lws_json_dump_context} reports: load averages,
 * {@code /proc/self/statm}, heap in use, process uptime, and the first bytes of configured
 * files. Reads are small and bounded; only regular files are read, so a FIFO or device named
 * in {@code filespath} cannot block the loop.
 */
class SystemProbe {

    /** lws reads at most 255 bytes of each file. */
    static final int FILE_BYTES = 255;

    /** Load averages over 1, 5 and 15 minutes, if the system says. */
    Optional<String[]> loadAverages() {
        return readSmall(Path.of("/proc/loadavg")).map(s -> s.trim().split("\\s+")).filter(a -> a.length >= 3);
    }

    /** The process' {@code /proc/self/statm} line. */
    Optional<String> statm() {
        return readSmall(Path.of("/proc/self/statm")).map(String::trim);
    }

    /** Bytes of Java heap in use (lws: bytes its allocator has handed out). */
    long heapInUse() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    /** Seconds since the process started. */
    long uptimeSecs() {
        return ProcessHandle.current().info().startInstant()
                .map(start -> Duration.between(start, Instant.now()).toSeconds()).orElse(0L);
    }

    /** The first {@value #FILE_BYTES} bytes of a regular file, decoded leniently; empty if unreadable. */
    Optional<String> readSmall(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate(FILE_BYTES);
            while (buf.hasRemaining() && ch.read(buf) > 0) {
                // /proc files arrive in pieces; stop at the limit or the end
            }
            buf.flip();
            return Optional.of(StandardCharsets.UTF_8.decode(buf).toString());
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }
}
