package org.lightwire.plugin.rawtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightwire.api.Connection;

/** The raw-file role: adopted pipes, files and FIFOs, bridged into the loop without blocking it. */
class RawFileTest {

    @TempDir
    Path dir;

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void adoptedPipeIsEchoedToTheOtherPipe() throws Exception {
        Pipe toServer = Pipe.open();
        Pipe fromServer = Pipe.open();
        try (RawServer server = RawServer.start()) {
            Connection c = server.vhost.adoptStreams("pipes", toServer.source(), fromServer.sink(), RawTestProvider.NAME);

            Pipes.writeAll(toServer.sink(), "through the pipe".getBytes(StandardCharsets.UTF_8));

            assertEquals("through the pipe", new String(Pipes.readExactly(fromServer.source(), 16), StandardCharsets.UTF_8));
            assertEquals(Connection.Kind.FILE, c.kind());
            assertEquals("raw-file", c.roleName());
        }
    }

    @Test
    void megabyteThroughPipesComesBackWhole() throws Exception {
        Pipe toServer = Pipe.open();
        Pipe fromServer = Pipe.open();
        byte[] data = random(1 << 20, 3);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try (RawServer server = RawServer.start()) {
            server.vhost.adoptStreams("pipes", toServer.source(), fromServer.sink(), RawTestProvider.NAME);

            Future<?> writing = writer.submit(() -> {
                Pipes.writeAll(toServer.sink(), data);
                return null;
            });

            assertArrayEquals(data, Pipes.readExactly(fromServer.source(), data.length));
            writing.get(10, TimeUnit.SECONDS);
        } finally {
            writer.shutdownNow();
        }
    }

    @Test
    void closingTheWritingEndOfTheInputPipeClosesTheConnection() throws Exception {
        Pipe toServer = Pipe.open();
        Recorder recorder = new Recorder();
        try (RawServer server = RawServer.start(recorder)) {
            server.vhost.adoptStreams("in-only", toServer.source(), null, Recorder.NAME);
            Pipes.writeAll(toServer.sink(), "last words".getBytes(StandardCharsets.UTF_8));

            toServer.sink().close();

            recorder.awaitClosed();
            assertEquals("last words", new String(recorder.received(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void adoptedFileDeliversItsContentThenCloses() throws Exception {
        byte[] content = random(200 * 1024, 5); // several stream buffers' worth
        Path file = Files.write(dir.resolve("content.bin"), content);
        Recorder recorder = new Recorder();
        try (RawServer server = RawServer.start(recorder)) {
            Connection c = server.vhost.adoptFile(file, Recorder.NAME);

            recorder.awaitClosed();

            assertArrayEquals(content, recorder.received());
            assertFalse(c.isOpen());
        }
    }

    @Test
    void emptyFileJustOpensAndCloses() throws Exception {
        Path file = Files.createFile(dir.resolve("empty"));
        Recorder recorder = new Recorder();
        try (RawServer server = RawServer.start(recorder)) {
            server.vhost.adoptFile(file, Recorder.NAME);

            recorder.awaitClosed();

            assertTrue(recorder.isOpened());
            assertEquals(0, recorder.received().length);
        }
    }

    @Test
    void fifoWithoutAWriterDoesNotBlockTheLoop() throws Exception {
        Path fifo = dir.resolve("fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertEquals(0, mkfifo.waitFor(), "mkfifo failed");
        Recorder recorder = new Recorder();
        try (RawServer server = RawServer.start(recorder)) {
            server.vhost.adoptFile(fifo, Recorder.NAME); // opening it waits for a writer, off the loop

            try (Socket s = new Socket()) {
                s.connect(server.tcpAddress(), 5_000);
                s.setSoTimeout(5_000);
                s.getOutputStream().write("still serving".getBytes(StandardCharsets.UTF_8));
                assertEquals("still serving", new String(s.getInputStream().readNBytes(13), StandardCharsets.UTF_8),
                        "the loop keeps echoing while the FIFO has no writer");
            }
            assertFalse(recorder.isClosed());

            try (OutputStream writer = Files.newOutputStream(fifo)) {
                writer.write("via the fifo".getBytes(StandardCharsets.UTF_8));
            }

            recorder.awaitClosed(); // the writer went away: end of stream
            assertEquals("via the fifo", new String(recorder.received(), StandardCharsets.UTF_8));
        }
    }
}
