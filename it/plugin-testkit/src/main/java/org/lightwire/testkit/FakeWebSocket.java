package org.lightwire.testkit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.lightwire.api.http.HttpFields;
import org.lightwire.api.http.HttpRequest;
import org.lightwire.api.ws.WebSocket;
import org.lightwire.api.ws.WsMessageType;

/**
 * An established WebSocket over a {@link FakeConnection} that enforces lws' writeable discipline
 * (exactly one {@code lws_write} per {@code LWS_CALLBACK_SERVER_WRITEABLE}, none outside one, none
 * after close) by throwing {@link IllegalStateException}, and records every fragment sent and the
 * first close asked for. No extensions; the protocols under test never ping.
 */
public final class FakeWebSocket implements WebSocket {

    /** One fragment as the protocol sent it. */
    public record Sent(byte[] payload, WsMessageType type, boolean first, boolean last) {

        /** The payload read as UTF-8. */
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private final FakeConnection connection;
    private final List<Sent> sent = new ArrayList<>();
    private Optional<HttpRequest> request;
    private boolean inWriteable;
    private boolean wroteInEvent;
    private int closeCode;
    private String closeReason;

    /** A socket on {@code connection} upgraded by {@code request} (null: none to show). */
    public FakeWebSocket(FakeConnection connection, HttpRequest request) {
        this.connection = connection;
        this.request = Optional.ofNullable(request);
    }

    @Override
    public FakeConnection connection() {
        return connection;
    }

    @Override
    public Optional<String> subprotocol() {
        return Optional.of(connection.protocolName());
    }

    /** Present until the session is established; the role drops the headers then, as lws does. */
    @Override
    public Optional<HttpRequest> upgradeRequest() {
        return request;
    }

    @Override
    public Optional<HttpFields> upgradeResponse() {
        return Optional.empty();
    }

    @Override
    public void send(ByteBuffer payload, WsMessageType type, boolean first, boolean last) {
        if (!inWriteable || wroteInEvent) {
            throw new IllegalStateException("send outside a writeable event or twice in one");
        }
        if (closeCode != 0) {
            throw new IllegalStateException("send after close");
        }
        wroteInEvent = true;
        byte[] copy = new byte[payload.remaining()];
        payload.get(copy);
        sent.add(new Sent(copy, type, first, last));
    }

    @Override
    public void ping(ByteBuffer payload) {
        throw new AssertionError("the test protocols do not ping");
    }

    /** Only the first close counts, as only one close frame goes out. */
    @Override
    public void close(int code, String reason) {
        if (closeCode == 0) {
            closeCode = code;
            closeReason = reason;
        }
    }

    @Override
    public long remainingPayload() {
        return 0;
    }

    @Override
    public void setExtensionOption(String extension, String option, String value) {
        throw new IllegalArgumentException("no extension active");
    }

    @Override
    public Optional<String> extensions() {
        return Optional.empty();
    }

    /** Every fragment sent so far, oldest first (a read-only view). */
    public List<Sent> sent() {
        return Collections.unmodifiableList(sent);
    }

    /** The close code the protocol asked for; 0 while it has not closed. */
    public int closeCode() {
        return closeCode;
    }

    /** The reason given with {@link #closeCode()}; null while not closed. */
    public String closeReason() {
        return closeReason;
    }

    /**
     * The text of every whole message sent, fragments joined; a message still missing its last
     * fragment is left out, and a continuation with no first fragment fails the test.
     */
    public List<String> messages() {
        List<String> out = new ArrayList<>();
        StringBuilder current = null;
        for (Sent s : sent) {
            if (s.first()) {
                current = new StringBuilder();
            }
            if (current == null) {
                throw new AssertionError("continuation without a first fragment");
            }
            current.append(s.text());
            if (s.last()) {
                out.add(current.toString());
                current = null;
            }
        }
        return out;
    }

    /** The role is delivering a writeable event: the protocol may send once. */
    void beginWriteable() {
        inWriteable = true;
        wroteInEvent = false;
    }

    void endWriteable() {
        inWriteable = false;
    }

    void dropUpgradeRequest() {
        request = Optional.empty();
    }
}
