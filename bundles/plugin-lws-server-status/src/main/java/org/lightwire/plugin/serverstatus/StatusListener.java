package org.lightwire.plugin.serverstatus;

import java.nio.ByteBuffer;
import org.lightwire.api.Timer;
import org.lightwire.api.ws.WebSocket;
import org.lightwire.api.ws.WsMessageType;
import org.lightwire.api.ws.WsSession;

/**
 * One lws-server-status client: gets a report on connecting and then every period, from a
 * timer on its own loop (lws {@code lws_timed_callback_vh_protocol}).
 */
final class StatusListener implements WsSession {

    private final ServerStatusProtocol protocol;
    private final long periodMicros;
    private WebSocket socket;
    private Timer timer;
    private boolean fresh = true;

    StatusListener(ServerStatusProtocol protocol, long periodMicros) {
        this.protocol = protocol;
        this.periodMicros = periodMicros;
    }

    @Override
    public void established(WebSocket socket) {
        this.socket = socket;
        timer = socket.connection().loop().scheduler().newTimer(this::tick);
        timer.schedule(periodMicros);
        socket.connection().requestWriteable();
    }

    private void tick() {
        if (socket.connection().isOpen()) {
            socket.connection().requestWriteable();
            timer.schedule(periodMicros);
        }
    }

    @Override
    public void writeable(WebSocket socket) {
        byte[] report = protocol.report(fresh);
        fresh = false;
        socket.send(ByteBuffer.wrap(report), WsMessageType.TEXT, true, true);
    }

    @Override
    public void received(WebSocket socket, ByteBuffer data, WsMessageType type, boolean first, boolean last) {
        // clients only listen, as in lws
    }

    @Override
    public void closed(WebSocket socket) {
        if (timer != null) {
            timer.cancel();
        }
    }
}
