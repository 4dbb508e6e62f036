package org.lightwire.plugin.sshddemo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The bridge between a child's pipes and the loop never holds more than its fixed
 * buffers: a consumer that does not drain stops the producer.
 */
class PumpBackPressureTest {

    /** An endless child stdout that counts what was taken from it. */
    static final class EndlessOutput extends InputStream {
        final AtomicLong delivered = new AtomicLong();
        volatile boolean end;

        @Override
        public int read() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (end) {
                return -1;
            }
            for (int i = 0; i < len; i++) {
                b[off + i] = (byte) (delivered.get() + i);
            }
            delivered.addAndGet(len);
            return len;
        }
    }

    /** A child stdin that takes bytes only when permitted, like a child that reads slowly. */
    static final class GatedInput extends OutputStream {
        final Semaphore permits = new Semaphore(0);
        final ByteArrayOutputStream taken = new ByteArrayOutputStream();
        volatile boolean closed;

        @Override
        public void write(int b) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int i = 0; i < len; i++) {
                permits.acquireUninterruptibly();
                synchronized (taken) {
                    taken.write(b[off + i]);
                }
            }
        }

        byte[] bytes() {
            synchronized (taken) {
                return taken.toByteArray();
            }
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within 10 s: " + what);
            }
            Thread.sleep(5); // polling the helper thread's progress
        }
    }

    static void awaitWaiting(String threadName) throws InterruptedException {
        await(() -> Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(threadName)
                && (t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING)),
                threadName + " parked");
    }

    @Test
    void undrainedOutputStopsReadingTheChildAtTheRingSize() throws Exception {
        EndlessOutput child = new EndlessOutput();
        AtomicInteger wakeups = new AtomicInteger();
        OutputPump pump = new OutputPump("test stdout", child, 4096, wakeups::incrementAndGet);
        pump.start("pump-out-1");
        await(() -> pump.available() == 4096, "ring full");
        awaitWaiting("pump-out-1");
        assertEquals(4096, child.delivered.get(), "not one byte more than the ring was read from the child");
        assertEquals(1, wakeups.get(), "one wake-up for empty -> non-empty");

        ByteBuffer window = ByteBuffer.allocate(1000); // what the client's window lets out
        assertEquals(1000, pump.drainTo(window));
        await(() -> child.delivered.get() == 5096, "refilled by what was drained");
        awaitWaiting("pump-out-1");
        assertEquals(5096, child.delivered.get());
        window.flip();
        for (int i = 0; i < 1000; i++) {
            assertEquals((byte) i, window.get(), "bytes in order at " + i);
        }
        pump.stop();
    }

    @Test
    void endOfStreamIsReportedAfterTheLastByteIsDrained() throws Exception {
        InputStream child = new java.io.ByteArrayInputStream("hello".getBytes());
        AtomicInteger wakeups = new AtomicInteger();
        OutputPump pump = new OutputPump("test stdout", child, 64, wakeups::incrementAndGet);
        pump.start("pump-out-2");
        await(pump::reachedEnd, "end seen");
        assertFalse(pump.finished(), "bytes still held");
        ByteBuffer out = ByteBuffer.allocate(3);
        assertEquals(3, pump.drainTo(out));
        out = ByteBuffer.allocate(10);
        assertEquals(2, pump.drainTo(out));
        assertTrue(pump.finished());
        assertTrue(wakeups.get() >= 2, "data and end both woke the loop");
    }

    @Test
    void slowChildStdinFillsTheRingThenOfferTakesNothingMore() throws Exception {
        GatedInput child = new GatedInput();
        AtomicInteger freed = new AtomicInteger();
        InputPump pump = new InputPump("test stdin", child, 1024, freed::incrementAndGet);
        pump.start("pump-in-1");
        byte[] data = new byte[3000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7);
        }
        ByteBuffer src = ByteBuffer.wrap(data);
        assertEquals(1024, pump.offer(src), "only what fits");
        assertEquals(0, pump.room());
        assertEquals(0, pump.offer(src), "full: nothing taken, the rest stays with the caller");
        assertEquals(1024, src.position());

        child.permits.release(1024); // the child reads the held run
        await(() -> pump.room() == 1024, "the child read what was held");
        assertTrue(freed.get() >= 1, "room freed was signalled");
        while (src.hasRemaining()) {
            pump.offer(src);
            child.permits.release(100);
        }
        pump.finish();
        child.permits.release(10_000);
        await(() -> child.closed, "stdin closed after finish");
        assertArrayEquals(data, child.bytes(), "every byte, in order, before the close");
    }

    @Test
    void inputAfterTheChildClosedItsStdinIsDropped() throws Exception {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        InputPump pump = new InputPump("test stdin", broken, 16, () -> { });
        pump.start("pump-in-2");
        pump.offer(ByteBuffer.wrap(new byte[4]));
        await(() -> pump.failure() != null, "write failure seen");
        ByteBuffer more = ByteBuffer.wrap(new byte[100]);
        assertEquals(100, pump.offer(more), "consumed and dropped, never held");
        assertEquals(16, pump.room());
    }
}
