package org.lightwire.plugin.dumbincrement;

import java.nio.ByteBuffer;
import org.lightwire.api.Timer;
import org.lightwire.api.ws.WebSocket;
import org.lightwire.api.ws.WsMessageType;
import org.lightwire.api.ws.WsSession;

/**
 * One connection's counter (lws {@code pss__dumb_increment}). A timer on the connection's
 * loop asks for a writeable event every period; each writeable event sends the number as
 * decimal text and increments it. "reset\n" sets it back to 0, "closeme\n" closes with
 * 1001 "seeya"; shorter messages are ignored, as lws does. Sending allocates nothing.
 */
final class Counter implements WsSession {

    static final int GOING_AWAY = 1001;
    private static final byte[] RESET = {'r', 'e', 's', 'e', 't', '\n'};
    private static final byte[] CLOSEME = {'c', 'l', 'o', 's', 'e', 'm', 'e', '\n'};

    private final DumbIncrementSettings settings;
    /** Long enough for any int in decimal with its sign. */
    private final ByteBuffer digits = ByteBuffer.allocate(11);
    private final byte[] scratch = new byte[11];
    private int number;
    private Timer timer;
    private WebSocket socket;

    Counter(DumbIncrementSettings settings) {
        this.settings = settings;
    }

    @Override
    public void established(WebSocket socket) {
        this.socket = socket;
        number = 0;
        if (settings.ticking()) {
            timer = socket.connection().loop().scheduler().newTimer(this::tick);
            timer.schedule(settings.periodMicros());
        }
    }

    private void tick() {
        if (!socket.connection().isOpen()) {
            return;
        }
        socket.connection().requestWriteable();
        timer.schedule(settings.periodMicros());
    }

    @Override
    public void writeable(WebSocket socket) {
        digits.clear();
        appendDecimal(number++);
        digits.flip();
        socket.send(digits, WsMessageType.TEXT, true, true);
    }

    private void appendDecimal(int value) {
        // what lws' "%d" prints; the counter wraps like lws' int would
        long v = value;
        if (v < 0) {
            digits.put((byte) '-');
            v = -v;
        }
        int n = 0;
        do {
            scratch[n++] = (byte) ('0' + (v % 10));
            v /= 10;
        } while (v != 0);
        while (n > 0) {
            digits.put(scratch[--n]);
        }
    }

    @Override
    public void received(WebSocket socket, ByteBuffer data, WsMessageType type, boolean first, boolean last) {
        if (!first || data.remaining() < RESET.length) {
            return; // lws looks only at the start of a message of at least 6 bytes
        }
        if (startsWith(data, RESET)) {
            number = 0;
        } else if (startsWith(data, CLOSEME)) {
            socket.close(GOING_AWAY, "seeya");
        }
    }

    private static boolean startsWith(ByteBuffer data, byte[] prefix) {
        if (data.remaining() < prefix.length) {
            return false;
        }
        int p = data.position();
        for (int i = 0; i < prefix.length; i++) {
            if (data.get(p + i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void closed(WebSocket socket) {
        if (timer != null) {
            timer.cancel();
        }
    }

    /** The number the next writeable event sends. */
    int next() {
        return number;
    }
}
