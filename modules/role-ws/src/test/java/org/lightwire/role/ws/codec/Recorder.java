package org.lightwire.role.ws.codec;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Records what a FrameDecoder delivers: frame events, and each frame's payload joined. */
final class Recorder implements FrameListener {
    final List<String> events = new ArrayList<>();
    final List<byte[]> payloads = new ArrayList<>();
    private ByteArrayOutputStream current;
    private long length;
    private long received;

    @Override
    public void frameStart(int opcode, boolean fin, boolean rsv1, long payloadLength) {
        events.add("start op=" + opcode + " fin=" + fin + " rsv1=" + rsv1 + " len=" + payloadLength);
        current = new ByteArrayOutputStream();
        length = payloadLength;
        received = 0;
    }

    @Override
    public void payload(ByteBuffer chunk, long remaining) {
        if (!chunk.hasRemaining()) {
            throw new AssertionError("empty payload chunk");
        }
        received += chunk.remaining();
        if (remaining != length - received) {
            throw new AssertionError("remaining " + remaining + " but " + (length - received) + " expected");
        }
        while (chunk.hasRemaining()) {
            current.write(chunk.get());
        }
    }

    @Override
    public void frameEnd() {
        if (received != length) {
            throw new AssertionError("frame ended after " + received + " of " + length);
        }
        events.add("end");
        payloads.add(current.toByteArray());
    }
}
