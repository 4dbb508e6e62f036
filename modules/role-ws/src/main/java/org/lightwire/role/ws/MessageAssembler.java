package org.lightwire.role.ws;

import java.nio.ByteBuffer;
import org.lightwire.api.ws.WsLimits;
import org.lightwire.api.ws.WsMessageType;
import org.lightwire.role.ws.codec.DeflateParameters;
import org.lightwire.role.ws.codec.MessageInflater;
import org.lightwire.role.ws.codec.Opcodes;
import org.lightwire.role.ws.codec.Utf8Validator;
import org.lightwire.role.ws.codec.Violation;
import org.lightwire.role.ws.codec.ViolationException;

/**
 * Turns the payload of data frames into the protocol's receive events, in the shape its
 * {@link WsLimits} ask for (lws {@code RECEIVE} with first/final flags): fragments as they
 * arrive, cut to {@code rxChunkBytes}, or whole messages buffered up to
 * {@code maxMessageBytes}. Inflates permessage-deflate messages (bounded: a bomb fails with
 * 1009 after at most one step more than the limit) and validates text as it goes (1007 at
 * the first bad byte, before any of that chunk reaches the protocol).
 *
 * <p>Memory: the inflate step buffer is the loop thread's (its content is delivered before
 * the receive event returns); zlib state is made on the first compressed message; a whole
 * message buffer up to {@value #WHOLE_KEPT} bytes is kept for the next message, a bigger
 * one is dropped after delivery.
 */
final class MessageAssembler implements AutoCloseable {

    /** Where assembled data goes. */
    interface Sink {
        /** One receive event; the sink consumes {@code data} (position to limit). */
        void received(ByteBuffer data, WsMessageType type, boolean first, boolean last);

        /** Whether data may still be delivered (false once the connection started closing). */
        boolean open();
    }

    /** The largest whole-message buffer kept between messages. */
    static final int WHOLE_KEPT = 4096;
    /** Inflated bytes per step unless permessage-deflate's rx_buf_size says otherwise. */
    static final int DEFAULT_INFLATE_STEP = 16 * 1024;

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final WsLimits limits;
    private final DeflateParameters deflate;
    private final boolean server;
    private final Sink sink;
    private final Utf8Validator utf8 = new Utf8Validator();
    private MessageInflater inflater;
    private int inflateStep = DEFAULT_INFLATE_STEP;
    private ByteBuffer whole;

    private WsMessageType type;
    private boolean compressed;
    private boolean first;
    private boolean lastDelivered;

    /**
     * @param deflate the agreed permessage-deflate parameters, null when none
     * @param server  which side we are (decides whose context takeover applies)
     */
    MessageAssembler(WsLimits limits, DeflateParameters deflate, boolean server, Sink sink) {
        this.limits = limits;
        this.deflate = deflate;
        this.server = server;
        this.sink = sink;
    }

    /** A data frame starts: {@code opcode} text, binary or continuation; {@code rsv1} marks compression. */
    void frameStart(int opcode, boolean rsv1) {
        if (opcode != Opcodes.CONTINUATION) {
            type = opcode == Opcodes.TEXT ? WsMessageType.TEXT : WsMessageType.BINARY;
            compressed = rsv1;
            first = true;
            utf8.reset();
        }
        lastDelivered = false;
    }

    /** Payload of the current frame; {@code last} when it ends the message. */
    void payload(ByteBuffer chunk, boolean last) throws ViolationException {
        if (compressed) {
            inflate(chunk, last);
        } else {
            deliver(chunk, last);
        }
        lastDelivered = last;
    }

    /** The current frame ended; an empty final frame still ends the message for the protocol. */
    void frameEnd(boolean fin) throws ViolationException {
        if (fin && !lastDelivered && sink.open()) {
            payload(EMPTY, true);
        }
    }

    /** permessage-deflate's run-time option rx_buf_size: the inflate step. */
    void inflateStep(int bytes) {
        if (bytes < 128 || bytes > FrameScratch.MAX_INFLATE_CHUNK) {
            throw new IllegalArgumentException("rx_buf_size must be 128.." + FrameScratch.MAX_INFLATE_CHUNK + ", not "
                    + bytes);
        }
        inflateStep = bytes;
    }

    private void inflate(ByteBuffer chunk, boolean last) throws ViolationException {
        ByteBuffer out = FrameScratch.current().inflated(inflateStep);
        if (inflater == null) {
            inflater = new MessageInflater(deflate.receiverResetsContext(server), limits.maxMessageBytes());
        }
        while (!inflater.inflate(chunk, last, out)) {
            out.flip();
            deliver(out, false);
            out.clear().limit(inflateStep);
            if (!sink.open()) {
                return;
            }
        }
        out.flip();
        if (out.hasRemaining() || last) {
            deliver(out, last);
        }
    }

    private void deliver(ByteBuffer data, boolean last) throws ViolationException {
        if (!sink.open()) {
            return;
        }
        if (type == WsMessageType.TEXT) {
            utf8.validate(data);
            if (last) {
                utf8.finish();
            }
        }
        if (limits.wholeMessages()) {
            if (last && (whole == null || whole.position() == 0)) {
                // the whole message is in this one piece (an unfragmented frame read at once, or a
                // message inflated in one step): the protocol gets it where it is, without a copy
                emit(data, true);
                return;
            }
            appendWhole(data);
            if (last) {
                whole.flip();
                emit(whole, true);
                whole = whole.capacity() > WHOLE_KEPT ? null : whole.clear();
            }
            return;
        }
        int step = limits.rxChunkBytes();
        if (step == 0 || data.remaining() <= step) {
            emit(data, last);
            return;
        }
        int limit = data.limit();
        while (data.hasRemaining() && sink.open()) {
            int end = Math.min(limit, data.position() + step);
            data.limit(end);
            emit(data, last && end == limit);
            data.limit(limit).position(end);
        }
    }

    private void emit(ByteBuffer data, boolean last) {
        int end = data.limit();
        sink.received(data, type, first, last);
        data.position(end);
        first = false;
    }

    private void appendWhole(ByteBuffer data) throws ViolationException {
        if (whole == null) {
            whole = ByteBuffer.allocate((int) Math.min(WHOLE_KEPT, limits.maxMessageBytes()));
        }
        if (whole.remaining() < data.remaining()) {
            long need = (long) whole.position() + data.remaining();
            if (need > limits.maxMessageBytes()) {
                throw new ViolationException(Violation.MESSAGE_TOO_BIG, "over " + limits.maxMessageBytes());
            }
            long size = Math.min(limits.maxMessageBytes(), Math.max(need, (long) whole.capacity() * 2));
            ByteBuffer bigger = ByteBuffer.allocate((int) size);
            whole.flip();
            bigger.put(whole);
            whole = bigger;
        }
        whole.put(data);
    }

    /** Releases zlib's native memory. */
    @Override
    public void close() {
        if (inflater != null) {
            inflater.close();
            inflater = null;
        }
    }
}
