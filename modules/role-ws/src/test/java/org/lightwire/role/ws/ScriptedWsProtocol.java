package org.lightwire.role.ws;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.lightwire.api.Options;
import org.lightwire.api.Protocol;
import org.lightwire.api.ProtocolProvider;
import org.lightwire.api.Vhost;
import org.lightwire.api.ws.WebSocket;
import org.lightwire.api.ws.WsLimits;
import org.lightwire.api.ws.WsMessageType;
import org.lightwire.api.ws.WsProtocol;
import org.lightwire.api.ws.WsRefusedException;
import org.lightwire.api.ws.WsSession;

/**
 * A WebSocket protocol for tests: records every event as text, and runs the actions the
 * test queued, one per writeable event.
 */
final class ScriptedWsProtocol implements ProtocolProvider {

    final String name;
    final List<String> events = new ArrayList<>();
    final ArrayDeque<Consumer<WebSocket>> writes = new ArrayDeque<>();
    WsLimits limits = WsLimits.DEFAULTS;
    WsRefusedException refuse;
    Consumer<WebSocket> onEstablished = s -> { };
    Consumer<WebSocket> onReceived = s -> { };
    RuntimeException failOnReceive;
    WebSocket socket;
    Throwable connectFailure;

    ScriptedWsProtocol(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    /** Queues an action for the next writeable event and asks for it. */
    void write(Consumer<WebSocket> action) {
        writes.add(action);
        if (socket != null) {
            socket.connection().requestWriteable();
        }
    }

    @Override
    public Protocol create(Vhost vhost, Options options) {
        return new WsProtocol() {
            @Override
            public WsSession newWsSession(WebSocket s) throws WsRefusedException {
                events.add("session " + s.upgradeRequest().map(r -> r.path()).orElse("-"));
                if (refuse != null) {
                    throw refuse;
                }
                socket = s;
                return new Session();
            }

            @Override
            public WsLimits limits() {
                return limits;
            }
        };
    }

    private final class Session implements WsSession {
        @Override
        public void established(WebSocket s) {
            events.add("established " + s.subprotocol().orElse("-") + " ua="
                    + s.upgradeRequest().flatMap(r -> r.headers().get("user-agent")).orElse("-"));
            onEstablished.accept(s);
            if (!writes.isEmpty()) {
                s.connection().requestWriteable();
            }
        }

        @Override
        public void received(WebSocket s, ByteBuffer data, WsMessageType type, boolean first, boolean last) {
            if (failOnReceive != null) {
                throw failOnReceive;
            }
            byte[] b = new byte[data.remaining()];
            data.get(b);
            events.add("rx " + type + " first=" + first + " last=" + last + " remaining=" + s.remainingPayload()
                    + " " + (type == WsMessageType.TEXT ? new String(b, StandardCharsets.UTF_8) : b.length + "B"));
            onReceived.accept(s);
        }

        @Override
        public void writeable(WebSocket s) {
            Consumer<WebSocket> action = writes.poll();
            if (action != null) {
                action.accept(s);
                if (!writes.isEmpty()) {
                    s.connection().requestWriteable();
                }
            }
        }

        @Override
        public void pong(WebSocket s, ByteBuffer payload) {
            events.add("pong " + StandardCharsets.UTF_8.decode(payload));
        }

        @Override
        public void peerClosing(WebSocket s, int code, String reason) {
            events.add("peer-closing " + code + " " + reason);
        }

        @Override
        public void closed(WebSocket s) {
            events.add("closed");
        }

        @Override
        public void connectFailed(WebSocket s, Throwable cause) {
            events.add("connect-failed " + cause.getClass().getSimpleName());
            connectFailure = cause;
        }
    }

    /** The events whose text starts with {@code prefix}. */
    List<String> events(String prefix) {
        return events.stream().filter(e -> e.startsWith(prefix)).toList();
    }
}
