package org.lightwire.benchmarks.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * The files every server serves: lws' own favicon (the small file, byte for byte what the
 * lws test server serves) and a 1 MiB file. The lws test server of Debian serves only its
 * compiled-in directory, so the large file is also put there for the run and removed after.
 */
final class DocRoot implements AutoCloseable {

    static final Path LWS_DIR = Path.of("/usr/share/libwebsockets-test-server");
    static final String SMALL = "favicon.ico";
    static final String LARGE = "lightwire-bench-1m.jpg";

    private final Path dir;
    private final Path lwsCopy;

    private DocRoot(Path dir, Path lwsCopy) {
        this.dir = dir;
        this.lwsCopy = lwsCopy;
    }

    static DocRoot create(boolean forLws) throws IOException {
        Path small = LWS_DIR.resolve(SMALL);
        if (!Files.isRegularFile(small)) {
            throw new IOException(small + " is missing: install Debian's libwebsockets-test-server");
        }
        Path dir = Files.createTempDirectory("lightwire-http-bench-");
        Files.copy(small, dir.resolve(SMALL));
        byte[] large = new byte[1 << 20];
        new Random(42).nextBytes(large);
        Files.write(dir.resolve(LARGE), large);
        Path lwsCopy = null;
        if (forLws) {
            lwsCopy = LWS_DIR.resolve(LARGE);
            try {
                Files.write(lwsCopy, large);
            } catch (IOException e) {
                throw new IOException("cannot put the 1 MiB file into " + LWS_DIR + " for the lws test server"
                        + " (run as root, or leave lws out with --servers lightwire,jetty): " + e.getMessage(), e);
            }
        }
        return new DocRoot(dir, lwsCopy);
    }

    Path dir() {
        return dir;
    }

    @Override
    public void close() throws IOException {
        if (lwsCopy != null) {
            Files.deleteIfExists(lwsCopy);
        }
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }
}
