package org.lightwire.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A {@link BodyOutput} standing in for the role: records what a body sends, checks the one
 * transport operation per writeable event rule, and can act like a slow socket (short
 * file transfers, a full transport every other event).
 */
public final class RecordingOutput implements BodyOutput {

    public final ByteArrayOutputStream sink = new ByteArrayOutputStream();
    private final ByteBuffer scratch;
    private int opsThisEvent;
    public int sendFileCalls;
    public int sendCalls;
    /** Largest transfer one sendFile makes (a socket send buffer). */
    public long maxPerTransfer = Long.MAX_VALUE;
    /** When set, every other sendFile reports a full transport (0). */
    public boolean fullEveryOther;
    private boolean full;

    public RecordingOutput() {
        this(16 * 1024);
    }

    public RecordingOutput(int scratchBytes) {
        scratch = ByteBuffer.allocateDirect(scratchBytes);
    }

    @Override
    public long sendFile(FileChannel file, long position, long count) throws IOException {
        opsThisEvent++;
        sendFileCalls++;
        if (fullEveryOther && (full = !full)) {
            return 0;
        }
        long n = Math.min(count, maxPerTransfer);
        ByteBuffer b = ByteBuffer.allocate((int) Math.min(n, 1 << 20));
        long done = 0;
        while (done < n) {
            b.clear().limit((int) Math.min(b.capacity(), n - done));
            int r = file.read(b, position + done);
            if (r <= 0) {
                break;
            }
            sink.write(b.array(), 0, r);
            done += r;
        }
        return done;
    }

    @Override
    public ByteBuffer buffer() {
        return scratch.clear();
    }

    @Override
    public void send(ByteBuffer data) {
        opsThisEvent++;
        sendCalls++;
        while (data.hasRemaining()) {
            sink.write(data.get());
        }
    }

    /** Runs writeable events until the body says it is done; checks the rules on the way. */
    public byte[] drain(ResponseBody body) throws IOException {
        long total = 0;
        for (int events = 0; events < 1_000_000; events++) {
            opsThisEvent = 0;
            long n = body.sendNext(this);
            assertTrue(opsThisEvent <= 1, "a body made " + opsThisEvent + " transport operations in one event");
            if (n < 0) {
                assertEquals(-1, n);
                assertEquals(body.length(), total, "bytes sent vs declared length");
                assertEquals(total, sink.size(), "bytes reported vs bytes that reached the transport");
                body.close();
                return sink.toByteArray();
            }
            total += n;
            assertTrue(total <= body.length(), "sent past the declared length");
        }
        fail("body never finished");
        return null;
    }
}
