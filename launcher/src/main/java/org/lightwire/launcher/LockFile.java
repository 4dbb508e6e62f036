package org.lightwire.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A pid lock file like the lws test server's: holds the pid of the running server,
 * refuses a second server while that process lives, replaces a stale lock, and is
 * deleted on exit.
 */
final class LockFile implements AutoCloseable {

    private final Path path;

    private LockFile(Path path) {
        this.path = path;
    }

    /**
     * Takes the lock.
     *
     * @throws IOException naming the file and the holder if a live process holds it
     */
    static LockFile acquire(Path path) throws IOException {
        long me = ProcessHandle.current().pid();
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                Files.writeString(path, me + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                return new LockFile(path);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                long holder = readPid(path);
                if (holder > 0 && ProcessHandle.of(holder).map(ProcessHandle::isAlive).orElse(false)) {
                    throw new IOException("already running: pid " + holder + " holds the lock " + path);
                }
                // stale: its process is gone
                Files.deleteIfExists(path);
            }
        }
        throw new IOException("cannot take the lock " + path + ": another process keeps recreating it");
    }

    private static long readPid(Path path) {
        try {
            return Long.parseLong(Files.readString(path, StandardCharsets.US_ASCII).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        try {
            if (readPid(path) == ProcessHandle.current().pid()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException ignored) {
            // best effort at exit
        }
    }
}
