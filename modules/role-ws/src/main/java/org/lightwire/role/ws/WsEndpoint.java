package org.lightwire.role.ws;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.lightwire.api.ClientRequest;
import org.lightwire.api.Connection;
import org.lightwire.api.Protocol;
import org.lightwire.api.Timer;
import org.lightwire.api.VhostStats;
import org.lightwire.api.WriteDisciplineException;
import org.lightwire.api.http.HttpFields;
import org.lightwire.api.http.HttpRequest;
import org.lightwire.api.http.HttpStatus;
import org.lightwire.api.ws.WebSocket;
import org.lightwire.api.ws.WsLimits;
import org.lightwire.api.ws.WsMessageType;
import org.lightwire.api.ws.WsProtocol;
import org.lightwire.api.ws.WsRefusedException;
import org.lightwire.api.ws.WsSession;
import org.lightwire.role.ws.codec.CloseCodes;
import org.lightwire.role.ws.codec.CloseFrames;
import org.lightwire.role.ws.codec.DeflateParameters;
import org.lightwire.role.ws.codec.FrameDecoder;
import org.lightwire.role.ws.codec.FrameEncoder;
import org.lightwire.role.ws.codec.FrameLimits;
import org.lightwire.role.ws.codec.FrameListener;
import org.lightwire.role.ws.codec.MalformedExtensionException;
import org.lightwire.role.ws.codec.MessageDeflater;
import org.lightwire.role.ws.codec.Opcodes;
import org.lightwire.role.ws.codec.ViolationException;
import org.lightwire.spi.RoleBinding;
import org.lightwire.spi.RoleHandler;
import org.lightwire.spi.RoleSwitch;

/**
 * One WebSocket connection, server or client (lws' ws role ops on one {@code wsi}): the
 * opening handshake, then frames to {@link WsSession} events and
 * {@link WebSocket} calls to frames.
 *
 * <h2>Receiving</h2>
 * Frames are decoded in the loop's receive buffer without copying; the
 * {@link MessageAssembler} shapes data for the protocol (fragments with first/final flags
 * and the frame's remaining payload, chunks, or whole messages) and validates text as it
 * arrives. Pings are answered by the role, pongs confirm validity. A protocol that pauses
 * rx stops decoding at once; core holds the rest of that read and the kernel the rest.
 *
 * <h2>Sending and the memory bound</h2>
 * Each writeable event writes exactly one frame (the protocol's fragment, ping or close, or
 * one of the role's own: pong, close, validity ping), and the next writeable event comes
 * only once that frame has left, so output waiting in the connection never exceeds one
 * frame. A pong owed is one 125-byte slot that a newer ping overwrites (RFC 6455 section
 * 5.5.3 lets us answer only the latest), so a peer that floods pings without reading grows
 * nothing. Input held per connection: at most one read (core) plus, in whole-message mode,
 * the message being assembled (at most {@link WsLimits#maxMessageBytes()}).
 *
 * <h2>Closing</h2>
 * A protocol violation sends a close frame with its code, then half-closes and discards
 * input until the peer closes or {@code timeout-secs} pass (lingering, so the peer reads
 * the close frame rather than a reset). A peer close is answered with the same code, then
 * the same linger. A close we start waits as long for the peer's answer, and a close frame
 * that cannot be written (a peer that does not read) is given up after that time too.
 */
final class WsEndpoint implements RoleHandler, WebSocket, FrameListener {

    private static final System.Logger LOG = System.getLogger("org.lightwire.role.ws");

    /** How long a closing connection waits for the peer's close frame or end of stream: {@code timeout-secs}. */
    private final long lingerMicros;

    // encoders hold no per-connection state (client keys come from the loop thread's generator)
    private static final FrameEncoder SERVER_ENCODER = FrameEncoder.forServer();
    private static final FrameEncoder CLIENT_ENCODER = FrameEncoder.forClient(SecureMaskKeys.INSTANCE);

    private enum Phase { HANDSHAKE, OPEN, CLOSING, CLOSED }

    /** A session event threw: the connection fails with 1011. Unchecked to cross the decoder. */
    private static final class SessionFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SessionFailure(Throwable cause) {
            super(cause);
        }
    }

    private final RoleBinding binding;
    private final Connection connection;
    private final boolean server;

    private Phase phase = Phase.HANDSHAKE;
    private WsSession session;
    private WsLimits limits = WsLimits.DEFAULTS;
    private String subprotocol;
    private String extensions;
    private HttpRequest upgradeRequest;
    private HttpFields upgradeResponse;
    // client handshake, until the 101 is accepted
    private ClientHandshake handshake;

    private FrameDecoder decoder;
    private FrameEncoder encoder;
    private DeflateParameters deflate;
    // zlib state is large (hundreds of KiB native for a compressor): made on first use, so idle
    // connections that negotiated permessage-deflate hold none
    private MessageDeflater deflater;
    private int compressionLevel;

    // the frame and message being received
    private int frameOpcode;
    private boolean frameFin;
    private long frameRemaining;
    private MessageAssembler messages;
    private ByteBuffer control;

    // sending
    private boolean inProtocolWriteable;
    private boolean wroteInEvent;
    private WsMessageType txType;
    private ByteBuffer pong;
    private boolean pongOwed;
    private boolean pingOwed;
    private int closeCode = -1;
    private String closeReason = "";
    private boolean closeSent;
    private boolean closeReceived;
    private boolean failing;

    // one timer: handshake timeout, ws-pingpong-secs, closing linger
    private Timer timer;
    private long pingpongMicros;
    private long lastRxMicros;
    private boolean pingpongAwaiting;

    WsEndpoint(RoleBinding binding) {
        this.binding = binding;
        this.connection = binding.connection();
        this.server = !connection.isClient();
        this.lingerMicros = Math.max(1, connection.vhost().context().settings().timeoutSecs()) * 1_000_000L;
    }

    // ---- RoleHandler: the opening handshake ----

    /** Server: h1 accepted an upgrade request and handed the connection over. */
    @Override
    public void switchedIn(RoleSwitch handoff) throws Exception {
        if (!server || handoff.request().isEmpty()) {
            throw new IllegalStateException(describe() + ": the ws role takes server connections from h1 with"
                    + " their upgrade request");
        }
        upgradeRequest = handoff.request().get();
        ServerHandshake.Outcome outcome = ServerHandshake.negotiate(binding, upgradeRequest);
        if (outcome instanceof ServerHandshake.Refused r) {
            refuse(r.status(), r.reason());
            return;
        }
        ServerHandshake.Accepted a = (ServerHandshake.Accepted) outcome;
        subprotocol = a.subprotocol();
        limits = a.options().limits();
        WsProtocol protocol = a.protocol();
        try {
            session = protocol.newWsSession(this);
        } catch (WsRefusedException e) {
            LOG.log(Level.INFO, () -> describe() + ": protocol '" + connection.protocolName() + "' refused the upgrade: "
                    + e.getMessage());
            refuse(e.status(), e.getMessage());
            return;
        } catch (Exception e) {
            LOG.log(Level.ERROR, describe() + ": protocol '" + connection.protocolName() + "' failed to create a session", e);
            refuse(500, "the protocol failed to accept the connection");
            return;
        }
        if (session == null) {
            LOG.log(Level.ERROR, () -> describe() + ": protocol '" + connection.protocolName() + "' returned no WsSession");
            refuse(500, "the protocol returned no session");
            return;
        }
        StringBuilder head = new StringBuilder(256).append("HTTP/1.1 101 Switching Protocols\r\n")
                .append("Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ")
                .append(AcceptKey.accept(upgradeRequest.headers().get("sec-websocket-key").orElseThrow().trim()))
                .append("\r\n");
        if (subprotocol != null) {
            head.append("Sec-WebSocket-Protocol: ").append(subprotocol).append("\r\n");
        }
        if (a.deflate() != null) {
            useDeflate(a.deflate(), a.options().deflate().compressionLevel());
            extensions = a.deflate().toHeaderValue();
            head.append("Sec-WebSocket-Extensions: ").append(extensions).append("\r\n");
        }
        head.append("\r\n");
        binding.send(ByteBuffer.wrap(head.toString().getBytes(StandardCharsets.ISO_8859_1)));
        binding.count(VhostStats.Event.WS_UPGRADE); // lws ws_upg: the 101 went out
        encoder = SERVER_ENCODER;
        decoder = new FrameDecoder(true, frameLimits(), this);
        messages = new MessageAssembler(limits, deflate, true, new ToSession());
        if (deflate != null) {
            decoder.claimRsv1();
        }
        establish();
        if (phase == Phase.OPEN && handoff.leftover().hasRemaining()) {
            // frames the client sent right behind its request; a pause taking effect inside them is
            // bounded by h1's one read, so they are all decoded here
            ByteBuffer leftover = handoff.leftover();
            if (leftover.isReadOnly()) {
                leftover = ByteBuffer.allocate(leftover.remaining()).put(leftover).flip();
            }
            decodeAll(leftover);
        }
    }

    /**
     * Client: the socket is connected; write the upgrade request (lws {@code lws_client_ws_upgrade}).
     * Again after a retried handshake, on the new socket: a fresh handshake, the same session.
     */
    @Override
    public void opened() throws Exception {
        if (server) {
            throw new IllegalStateException(describe() + ": ws server connections arrive from h1 by a role switch;"
                    + " 'ws' cannot be a listen-accept role");
        }
        ClientRequest request = binding.clientRequest().orElseThrow(
                () -> new IllegalStateException(describe() + ": client connection without a request"));
        if (session == null && !createClientSession()) {
            return;
        }
        WsOptions options = WsOptions.of(connection.vhost(), request.protocol(),
                ((WsProtocol) binding.protocol()).limits());
        limits = options.limits();
        if (options.deflate() != null) {
            compressionLevel = options.deflate().compressionLevel();
        }
        handshake = new ClientHandshake(request, options.deflate(),
                connection.vhost().context().settings().httpLimits());
        binding.send(handshake.request());
        timer().schedule(Math.max(1, connection.vhost().context().settings().timeoutSecs()) * 1_000_000L);
    }

    private boolean createClientSession() {
        Protocol bound = binding.protocol();
        if (!(bound instanceof WsProtocol protocol)) {
            LOG.log(Level.ERROR, () -> describe() + ": client protocol '" + connection.protocolName()
                    + "' is not a WsProtocol");
            phase = Phase.CLOSED;
            connection.close();
            return false;
        }
        try {
            session = protocol.newWsSession(this);
        } catch (Exception e) {
            LOG.log(Level.INFO, () -> describe() + ": protocol '" + connection.protocolName()
                    + "' did not create a client session: " + e);
            phase = Phase.CLOSED;
            connection.close();
            return false;
        }
        if (session == null) {
            phase = Phase.CLOSED;
            connection.close();
            return false;
        }
        return true;
    }

    /** Client: reads the 101 and checks it (RFC 6455 section 4.1, the client's checks). */
    private void readHandshakeResponse(ByteBuffer data) throws Exception {
        ClientHandshake.Agreed agreed;
        try {
            agreed = handshake.feed(data);
        } catch (HandshakeResponse.BadResponseException e) {
            data.position(data.limit()); // the rest belongs to the failed attempt
            handshakeFailed(e.getMessage(), e.retryable());
            return;
        } catch (MalformedExtensionException e) {
            data.position(data.limit());
            handshakeFailed(e.getMessage(), false);
            return;
        }
        if (agreed == null) {
            return;
        }
        handshake = null;
        subprotocol = agreed.subprotocol();
        upgradeResponse = agreed.fields();
        if (agreed.deflate() != null) {
            useDeflate(agreed.deflate(), compressionLevel);
            extensions = agreed.deflate().toHeaderValue();
        }
        encoder = CLIENT_ENCODER;
        decoder = new FrameDecoder(false, frameLimits(), this);
        messages = new MessageAssembler(limits, deflate, false, new ToSession());
        if (deflate != null) {
            decoder.claimRsv1();
        }
        establish();
        if (phase == Phase.OPEN && data.hasRemaining()) {
            decodeAll(data);
        }
    }

    /**
     * Client: this attempt's handshake failed. Core dials again while the retry policy allows
     * a {@code retry} (then {@link #opened} starts over), else the session hears
     * {@link #connectFailed} once.
     */
    private void handshakeFailed(String why, boolean retry) {
        LOG.log(Level.INFO, () -> describe() + ": WebSocket handshake failed" + (retry ? " (retryable): " : ": ") + why);
        handshake = null;
        if (timer != null) {
            timer.cancel();
        }
        binding.handshakeFailed(new WsHandshakeException(connection, why), retry);
    }

    /** Client: still waiting for the server's answer to our upgrade request. */
    private boolean awaitingHandshakeResponse() {
        return !server && phase == Phase.HANDSHAKE && handshake != null;
    }

    private FrameLimits frameLimits() {
        long max = Math.max(125, limits.maxMessageBytes());
        return new FrameLimits(max, max);
    }

    private void useDeflate(DeflateParameters params, int level) {
        deflate = params;
        compressionLevel = level;
    }

    /** The handshake is complete: lws {@code ESTABLISHED}; headers readable during the call only. */
    private void establish() {
        phase = Phase.OPEN;
        pingpongMicros = connection.vhost().context().settings().wsPingpongSecs() * 1_000_000L;
        if (timer != null) {
            timer.cancel();
        }
        lastRxMicros = now();
        if (pingpongMicros > 0) {
            timer().schedule(pingpongMicros);
        }
        try {
            session.established(this);
        } catch (Exception e) {
            sessionFailed("established", e);
        } finally {
            upgradeRequest = null;
            upgradeResponse = null;
        }
    }

    /** Server: answers the upgrade request with an HTTP status instead of 101, then closes. */
    private void refuse(int status, String reason) {
        phase = Phase.CLOSING;
        session = null;
        String text = reason == null ? "" : reason.replaceAll("[^\\x20-\\x7e]", "?");
        byte[] body = (text + "\n").getBytes(StandardCharsets.US_ASCII);
        String head = "HTTP/1.1 " + status + " " + HttpStatus.reason(status) + "\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\nContent-Length: " + body.length + "\r\n"
                + "Connection: close\r\n\r\n";
        ByteBuffer out = ByteBuffer.allocate(head.length() + body.length);
        out.put(head.getBytes(StandardCharsets.US_ASCII)).put(body).flip();
        binding.send(out);
        linger();
    }

    // ---- RoleHandler: input ----

    @Override
    public void received(ByteBuffer data) throws Exception {
        switch (phase) {
            case HANDSHAKE -> {
                if (handshake != null) {
                    readHandshakeResponse(data);
                } else {
                    data.position(data.limit());
                }
            }
            case OPEN -> {
                if (pingpongMicros > 0) {
                    lastRxMicros = now();
                }
                decodeAll(data);
            }
            case CLOSING -> {
                if (readingFrames()) {
                    decodeAll(data); // closing: look for the peer's close frame, data is ignored
                } else {
                    data.position(data.limit()); // lingering: read and drop
                }
            }
            case CLOSED -> data.position(data.limit());
        }
    }

    private void decodeAll(ByteBuffer data) {
        try {
            decoder.decode(data);
        } catch (ViolationException e) {
            data.position(data.limit());
            fail(e.closeCode(), e.getMessage());
        } catch (SessionFailure e) {
            data.position(data.limit());
            sessionFailed("receive", e.getCause());
        }
        if (!readingFrames()) {
            data.position(data.limit());
        }
    }

    /** Whether input is still decoded: open, or closing on our side and waiting for the peer's close. */
    private boolean readingFrames() {
        return phase == Phase.OPEN
                || phase == Phase.CLOSING && decoder != null && !closeReceived && !failing;
    }

    @Override
    public boolean inputEnded() {
        if (awaitingHandshakeResponse()) {
            handshakeFailed("connection closed before the handshake completed", true);
            return false;
        }
        if (phase == Phase.OPEN) {
            LOG.log(Level.DEBUG, () -> describe() + ": peer ended its stream without a close frame");
        }
        return false;
    }

    @Override
    public void readFailed(IOException cause) {
        if (awaitingHandshakeResponse()) {
            handshakeFailed("read failed before the handshake completed: " + cause.getMessage(), true);
        }
    }

    // ---- FrameListener ----

    @Override
    public void frameStart(int opcode, boolean fin, boolean rsv1, long payloadLength) throws ViolationException {
        frameOpcode = opcode;
        frameFin = fin;
        frameRemaining = payloadLength;
        if (Opcodes.isControl(opcode)) {
            if (control == null) {
                control = ByteBuffer.allocate(125);
            }
            control.clear();
            return;
        }
        messages.frameStart(opcode, rsv1);
    }

    @Override
    public void payload(ByteBuffer chunk, long remaining) throws ViolationException {
        frameRemaining = remaining;
        if (Opcodes.isControl(frameOpcode)) {
            control.put(chunk);
            return;
        }
        messages.payload(chunk, frameFin && remaining == 0);
        if (!connection.isRxEnabled() || phase != Phase.OPEN) {
            decoder.stopAfterCallback();
        }
    }

    @Override
    public void frameEnd() throws ViolationException {
        frameRemaining = 0;
        if (Opcodes.isControl(frameOpcode)) {
            control.flip();
            control(frameOpcode, control);
            return;
        }
        messages.frameEnd(frameFin);
    }

    /** The {@link MessageAssembler}'s sink: the protocol's receive event. */
    private final class ToSession implements MessageAssembler.Sink {
        @Override
        public void received(ByteBuffer data, WsMessageType type, boolean first, boolean last) {
            try {
                session.received(WsEndpoint.this, data, type, first, last);
            } catch (Exception e) {
                throw new SessionFailure(e);
            }
        }

        @Override
        public boolean open() {
            return phase == Phase.OPEN;
        }
    }

    private void control(int opcode, ByteBuffer payload) throws ViolationException {
        switch (opcode) {
            case Opcodes.PING -> {
                if (closeSent || closeCode >= 0) {
                    return; // closing: a pong would follow our close frame
                }
                if (pong == null) {
                    pong = ByteBuffer.allocate(125);
                }
                // only the latest ping is answered (RFC 6455 section 5.5.3): one slot, bounded
                pong.clear();
                pong.put(payload).flip();
                pongOwed = true;
                connection.requestWriteable();
            }
            case Opcodes.PONG -> {
                pingpongAwaiting = false;
                connection.confirmValidity();
                try {
                    session.pong(this, payload);
                } catch (Exception e) {
                    throw new SessionFailure(e);
                }
            }
            case Opcodes.CLOSE -> peerClose(CloseFrames.parse(payload));
            default -> throw new IllegalStateException("control opcode " + opcode);
        }
    }

    private void peerClose(CloseFrames.CloseStatus status) {
        closeReceived = true;
        decoder.stopAfterCallback();
        if (closeSent) {
            // the handshake we started is complete: our end of stream follows what is still
            // queued, and the peer closes its side (RFC 6455 section 7.1.1)
            linger();
            return;
        }
        phase = Phase.CLOSING;
        try {
            session.peerClosing(this, status.code(), status.reason());
        } catch (Exception e) {
            LOG.log(Level.ERROR, describe() + ": error in the protocol's peer-closing event", e);
        }
        if (closeCode < 0) {
            // echo the peer's code (section 5.5.1); an empty close is answered with an empty one
            closeCode = status.code();
            closeReason = "";
        }
        // a peer that does not read our answer is dropped after the linger time
        timer().schedule(lingerMicros);
        connection.requestWriteable();
    }

    // ---- failing ----

    /** Fails the connection (RFC 6455 section 7.1.7): close frame with {@code code}, then linger and close. */
    private void fail(int code, String why) {
        LOG.log(Level.INFO, () -> describe() + ": failing the WebSocket with " + code + ": " + why);
        failing = true;
        if (phase == Phase.CLOSED) {
            return;
        }
        if (closeSent) {
            closeConnection();
            return;
        }
        phase = Phase.CLOSING;
        closeCode = code;
        closeReason = shortReason(why);
        // the close frame waits for room in the socket: a peer that never reads is dropped
        timer().schedule(lingerMicros);
        connection.requestWriteable();
    }

    private void sessionFailed(String event, Throwable e) {
        LOG.log(Level.ERROR, describe() + ": error in the protocol's " + event + " event", e);
        fail(CloseCodes.INTERNAL_ERROR, "server error");
    }

    private static String shortReason(String why) {
        String ascii = why.replaceAll("[^\\x20-\\x7e]", "?");
        return ascii.length() > CloseFrames.MAX_REASON_BYTES ? ascii.substring(0, CloseFrames.MAX_REASON_BYTES) : ascii;
    }

    // ---- RoleHandler: output ----

    @Override
    public void writeable() throws Exception {
        if (phase == Phase.CLOSED || phase == Phase.HANDSHAKE) {
            return;
        }
        if (pongOwed && !closeSent) {
            pongOwed = false;
            sendFrame(Opcodes.PONG, true, false, pong.duplicate());
            connection.requestWriteable(); // the protocol may be waiting for this event
            return;
        }
        if (closeCode >= 0 && !closeSent) {
            sendClose();
            return;
        }
        if (pingOwed && !closeSent) {
            pingOwed = false;
            sendFrame(Opcodes.PING, true, false, ByteBuffer.allocate(0));
            connection.requestWriteable();
            return;
        }
        if (phase == Phase.OPEN && session != null) {
            inProtocolWriteable = true;
            wroteInEvent = false;
            try {
                session.writeable(this);
            } catch (WriteDisciplineException e) {
                throw e;
            } catch (Exception e) {
                sessionFailed("writeable", e);
            } finally {
                inProtocolWriteable = false;
            }
        }
    }

    @Override
    public void goingAway() {
        // the server is stopping: say so with 1001 if the socket takes it now, then the context closes us
        if (phase != Phase.OPEN || closeSent || closeCode >= 0 || binding.hasPendingOutput()) {
            return;
        }
        closeCode = CloseCodes.GOING_AWAY;
        closeReason = "server going away";
        ByteBuffer payload = ByteBuffer.allocate(125);
        CloseFrames.write(closeCode, closeReason, payload);
        payload.flip();
        sendFrame(Opcodes.CLOSE, true, false, payload);
        closeSent = true;
        phase = Phase.CLOSING;
    }

    private void sendClose() {
        ByteBuffer payload = ByteBuffer.allocate(125);
        if (closeCode != CloseCodes.NO_STATUS_RECEIVED) {
            CloseFrames.write(closeCode, closeReason, payload);
        }
        payload.flip();
        sendFrame(Opcodes.CLOSE, true, false, payload);
        closeSent = true;
        phase = Phase.CLOSING;
        if (closeReceived || failing) {
            linger();
        } else {
            // wait for the peer's close frame, reading (and ignoring data) meanwhile
            timer().schedule(lingerMicros);
        }
    }

    /** Half-closes once output has gone and drops input until the peer closes or the linger ends. */
    private void linger() {
        phase = Phase.CLOSING;
        binding.shutdownOutput();
        connection.rxFlowControl(true);
        timer().schedule(lingerMicros);
    }

    private void sendFrame(int opcode, boolean fin, boolean rsv1, ByteBuffer payload) {
        int length = payload.remaining();
        ByteBuffer out = FrameScratch.current().frame(encoder.headerLength(length) + length);
        encoder.writeFrame(out, opcode, fin, rsv1, payload);
        out.flip();
        binding.send(out);
    }

    @Override
    public void write(ByteBuffer data) {
        throw new IllegalStateException(describe() + ": a WebSocket protocol sends with WebSocket.send, not"
                + " Connection.write (the role frames the bytes)");
    }

    // ---- validity ----

    @Override
    public boolean hasValidityPing() {
        return true;
    }

    @Override
    public void sendValidityPing() {
        if (phase == Phase.OPEN && !closeSent) {
            pingOwed = true;
            connection.requestWriteable();
        }
    }

    private void timerDue() {
        switch (phase) {
            case HANDSHAKE -> handshakeFailed("no handshake response within "
                    + connection.vhost().context().settings().timeoutSecs() + "s", true);
            case CLOSING -> {
                LOG.log(Level.DEBUG, () -> describe() + ": closing handshake not completed in " + lingerMicros / 1_000_000 + "s");
                closeConnection();
            }
            case OPEN -> pingpong();
            case CLOSED -> { }
        }
    }

    /** ws-pingpong-secs: ping a connection idle that long; hang up if nothing came back a period later. */
    private void pingpong() {
        long idle = now() - lastRxMicros;
        if (idle < pingpongMicros) {
            pingpongAwaiting = false;
            timer.schedule(pingpongMicros - idle);
            return;
        }
        if (pingpongAwaiting) {
            LOG.log(Level.INFO, () -> describe() + ": no answer to the ws-pingpong-secs ping, hanging up");
            closeConnection();
            return;
        }
        pingpongAwaiting = true;
        pingOwed = true;
        connection.requestWriteable();
        timer.schedule(pingpongMicros);
    }

    private Timer timer() {
        if (timer == null) {
            timer = connection.loop().scheduler().newTimer(this::timerDue);
        }
        return timer;
    }

    private long now() {
        return connection.loop().scheduler().nowMicros();
    }

    // ---- closing ----

    private void closeConnection() {
        if (phase != Phase.CLOSED) {
            connection.close();
        }
    }

    @Override
    public void closed() {
        Phase was = phase;
        phase = Phase.CLOSED;
        if (timer != null) {
            timer.cancel();
        }
        if (deflater != null) {
            deflater.close();
            deflater = null;
        }
        if (messages != null) {
            messages.close();
        }
        WsSession s = session;
        session = null;
        if (s == null) {
            return;
        }
        try {
            if (was == Phase.HANDSHAKE && !server) {
                // never established: the client hears connect-failed, not closed
                s.connectFailed(this, new WsHandshakeException(connection, "connection closed before the handshake"
                        + " completed"));
            } else {
                s.closed(this);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, describe() + ": error in the protocol's closed event", e);
        }
    }

    @Override
    public void connectFailed(Throwable cause) {
        if (session == null && binding.protocol() instanceof WsProtocol protocol) {
            try {
                session = protocol.newWsSession(this);
            } catch (Exception e) {
                LOG.log(Level.DEBUG, () -> describe() + ": no session to report the connect failure to: " + e);
            }
        }
        phase = Phase.CLOSED;
        if (session != null) {
            WsSession s = session;
            session = null;
            s.connectFailed(this, cause);
        }
    }

    // ---- WebSocket ----

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public Optional<String> subprotocol() {
        return Optional.ofNullable(subprotocol);
    }

    @Override
    public Optional<HttpRequest> upgradeRequest() {
        return Optional.ofNullable(upgradeRequest);
    }

    @Override
    public Optional<HttpFields> upgradeResponse() {
        return Optional.ofNullable(upgradeResponse);
    }

    @Override
    public void send(ByteBuffer payload, WsMessageType type, boolean first, boolean last) {
        checkWrite("send");
        if (closeCode >= 0 || closeSent || phase != Phase.OPEN) {
            throw new IllegalStateException(describe() + ": send after the close started");
        }
        if (first && txType != null) {
            throw new IllegalStateException(describe() + ": a new message before the fragmented " + txType
                    + " message ended (send its last fragment first)");
        }
        if (!first && txType == null) {
            throw new IllegalStateException(describe() + ": a continuation fragment with no message started");
        }
        if (!first && type != txType) {
            throw new IllegalStateException(describe() + ": fragment of type " + type + " inside a " + txType
                    + " message");
        }
        int opcode = !first ? Opcodes.CONTINUATION : type == WsMessageType.TEXT ? Opcodes.TEXT : Opcodes.BINARY;
        wroteInEvent = true;
        txType = last ? null : type;
        if (deflate != null) {
            if (deflater == null) {
                deflater = new MessageDeflater(compressionLevel, deflate.senderResetsContext(server));
            }
            // a streamed message is one DEFLATE stream across its fragments, RSV1 on the first
            // frame only (RFC 7692 section 6.1); each fragment is flushed so it inflates on arrival
            ByteBuffer z = FrameScratch.current().deflated(MessageDeflater.maxCompressedLength(payload.remaining()));
            deflater.compress(payload, last, z);
            z.flip();
            sendFrame(opcode, last, first, z);
            return;
        }
        sendFrame(opcode, last, false, payload);
    }

    @Override
    public void ping(ByteBuffer payload) {
        checkWrite("ping");
        if (payload.remaining() > 125) {
            throw new IllegalArgumentException("a ping carries at most 125 bytes, not " + payload.remaining());
        }
        if (closeCode >= 0 || closeSent || phase != Phase.OPEN) {
            throw new IllegalStateException(describe() + ": ping after the close started");
        }
        wroteInEvent = true;
        sendFrame(Opcodes.PING, true, false, payload);
    }

    private void checkWrite(String what) {
        if (!inProtocolWriteable) {
            throw new WriteDisciplineException(describe() + ": WebSocket." + what + " outside the writeable event;"
                    + " call connection().requestWriteable() and " + what + " from WsSession.writeable");
        }
        if (wroteInEvent) {
            throw new WriteDisciplineException(describe() + ": a second WebSocket." + what + " in one writeable event;"
                    + " request another writeable event for the next frame");
        }
    }

    @Override
    public void close(int code, String reason) {
        if (!(code == 1000 || code == 1001 || code == 1003 || (code >= 1007 && code <= 1011)
                || (code >= 3000 && code <= 4999))) {
            throw new IllegalArgumentException("close code " + code + " may not be sent by a protocol");
        }
        if (reason.getBytes(StandardCharsets.UTF_8).length > CloseFrames.MAX_REASON_BYTES) {
            throw new IllegalArgumentException("close reason over " + CloseFrames.MAX_REASON_BYTES + " UTF-8 bytes");
        }
        if (closeCode >= 0 || closeSent || phase == Phase.CLOSED) {
            return;
        }
        closeCode = code;
        closeReason = reason;
        if (phase == Phase.OPEN) {
            phase = Phase.CLOSING;
            timer().schedule(lingerMicros);
        }
        connection.requestWriteable();
    }

    @Override
    public long remainingPayload() {
        return frameRemaining;
    }

    @Override
    public void setExtensionOption(String extension, String option, String value) {
        if (!DeflateParameters.EXTENSION_NAME.equals(extension) || deflate == null) {
            throw new IllegalArgumentException("extension '" + extension + "' is not active on " + describe());
        }
        int n;
        try {
            n = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + option + " of " + extension + " takes an integer, not '"
                    + value + "'");
        }
        switch (option) {
            case "compression_level" -> {
                if (n < 0 || n > 9) {
                    throw new IllegalArgumentException("compression_level must be 0..9, not " + n);
                }
                if (txType != null) {
                    throw new IllegalArgumentException("compression_level cannot change inside a fragmented message");
                }
                // a new compressor starts a fresh context: allowed, the peer's inflater takes any stream
                if (deflater != null) {
                    deflater.close();
                    deflater = null;
                }
                compressionLevel = n;
            }
            case "rx_buf_size" -> messages.inflateStep(n);
            default -> throw new IllegalArgumentException("permessage-deflate has no run-time option '" + option
                    + "' (compression_level, rx_buf_size)");
        }
    }

    @Override
    public Optional<String> extensions() {
        return Optional.ofNullable(extensions);
    }

    private String describe() {
        return "ws connection " + connection.id() + " (" + connection.vhost().name() + ", "
                + connection.peerAddress().map(Object::toString).orElse("?") + ")";
    }
}
