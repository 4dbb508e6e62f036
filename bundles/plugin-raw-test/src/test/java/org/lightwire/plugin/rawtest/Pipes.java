package org.lightwire.plugin.rawtest;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.TimeUnit;

/** Reading the test's end of a pipe without hanging the test when nothing comes. */
final class Pipes {

    private Pipes() {
    }

    /** Reads exactly {@code n} bytes from {@code source}, failing after 10 s. */
    static byte[] readExactly(Pipe.SourceChannel source, int n) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(n);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        source.configureBlocking(false);
        try (Selector selector = Selector.open()) {
            source.register(selector, SelectionKey.OP_READ);
            while (buf.hasRemaining()) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new AssertionError("only " + buf.position() + " of " + n + " bytes arrived within 10 s");
                }
                selector.select(left);
                selector.selectedKeys().clear();
                if (source.read(buf) < 0) {
                    throw new EOFException("pipe ended after " + buf.position() + " of " + n + " bytes");
                }
            }
        }
        return buf.array();
    }

    /** Writes all of {@code data} to a blocking sink. */
    static void writeAll(Pipe.SinkChannel sink, byte[] data) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(data);
        while (b.hasRemaining()) {
            sink.write(b);
        }
    }
}
