package org.lightwire.core.net;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SelectionKey;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.lightwire.api.ClientRequest;
import org.lightwire.api.Connection;
import org.lightwire.api.Protocol;
import org.lightwire.api.RetryPolicy;
import org.lightwire.api.SequencerEvent;
import org.lightwire.api.ServiceLoop;
import org.lightwire.api.Timer;
import org.lightwire.api.Vhost;
import org.lightwire.api.VhostStats;
import org.lightwire.api.WriteDisciplineException;
import org.lightwire.core.loop.EventLoop;
import org.lightwire.core.loop.Fatal;
import org.lightwire.core.loop.Resident;
import org.lightwire.core.loop.Selectable;
import org.lightwire.core.system.SequencerImpl;
import org.lightwire.spi.Role;
import org.lightwire.spi.RoleBinding;
import org.lightwire.spi.RoleHandler;
import org.lightwire.spi.RoleSwitch;
import org.lightwire.api.tls.TlsInfo;
import org.lightwire.api.tls.TlsObserver;
import org.lightwire.core.tls.TlsSessionInfo;
import org.lightwire.core.tls.TlsTransport;
import org.lightwire.core.tls.TransientHandshakeFailure;
import javax.net.ssl.SSLEngine;

/**
 * The service loop's side of one connection (lws {@code wsi}): its transport, role
 * handler and protocol, and the rules every connection obeys — the writeable discipline,
 * rx flow control, timeouts, validity, and closing exactly once.
 *
 * <p>All state is confined to the loop thread; the only cross-thread entry points are
 * {@link #requestWriteable()}, {@link #close()} and {@link #isOpen()}.
 */
public final class Wire extends Resident implements Connection, RoleBinding, Selectable {

    static final System.Logger LOG = System.getLogger("org.lightwire.core");

    // HANDSHAKING: transport attached, TLS (or the look at the first bytes of a TLS port) not done:
    // the role has not seen the connection yet
    private enum State { NEW, CONNECTING, HANDSHAKING, OPEN, CLOSED }

    private final long id;
    private final Kind kind;
    private final EventLoop loop;
    private VhostImpl vhost;
    private final boolean client;
    private final RetryPolicy retryPolicy;
    private final SequencerImpl sequencer;
    private Role role;
    // null between HTTP bindings
    private ProtocolSlot.Binding protocol;
    private ClientRequest clientRequest;
    private Listener listener;

    private Transport transport;
    private RoleHandler handler;
    private volatile State state = State.NEW;
    private Object userData;
    private Runnable onClosed;
    // clients: dials again when the role's handshake fails and may be retried
    private Dialer dialer;

    // writeable discipline
    private boolean writeableQueued;
    private boolean writeableWanted;
    private boolean inWriteable;
    private boolean wroteInEvent;
    private final AtomicBoolean foreignWriteablePosted = new AtomicBoolean();
    private final Runnable foreignWriteable = this::foreignWriteableRequested;
    private final Runnable queuedWriteable = this::serviceQueuedWriteable;

    // output the transport could not take yet
    private ByteBuffer pendingOut;
    private SocketAddress pendingDestination;
    // a zero-copy send was cut short: wait for OP_WRITE before more output
    private boolean socketFull;

    // rx flow control
    private boolean rxEnabled = true;
    // the peer half-closed and the role keeps the connection to finish its output
    private boolean inputClosed;
    // this side's half-close: asked for, and done once pending output has gone
    private boolean outputShutWanted;
    private boolean outputShut;
    private ByteBuffer heldRx;
    private final Runnable deliverHeld = this::deliverHeldRx;

    // timers
    private Timer timeoutTimer;
    private TimeoutReason timeoutReason;
    private Timer validityTimer;
    private boolean validityHangupArmed;

    // TLS: the layer once chosen, the session once handshaken
    private TlsTransport tls;
    private TlsInfo tlsInfo;
    private String tlsServerName;
    // server wires on a TLS port until the first bytes said what the peer speaks
    private TlsAccept accept;
    private Timer handshakeTimer;
    private boolean bufferedReadQueued;
    private final Runnable readBuffered = this::readBufferedInput;

    Wire(long id, Kind kind, EventLoop loop, VhostImpl vhost, boolean client, RetryPolicy retryPolicy,
            SequencerImpl sequencer, Role role, ProtocolSlot.Binding protocol) {
        this.id = id;
        this.kind = kind;
        this.loop = loop;
        this.vhost = vhost;
        this.client = client;
        this.retryPolicy = retryPolicy;
        this.sequencer = sequencer;
        this.role = role;
        this.protocol = protocol;
    }

    // ---- lifecycle, loop thread ----

    /**
     * Binds the role; done before connecting so a client's session can hear about failure.
     * A role that cannot serve the connection (e.g. a raw role given a protocol that is not
     * raw) leaves it closed: {@link #open} then releases the transport.
     */
    void bind() {
        loop.join(this);
        try {
            handler = role.bind(this);
        } catch (Throwable e) {
            Fatal.rethrowIfFatal(e);
            LOG.log(Level.ERROR, describe() + ": role '" + role.name() + "' cannot bind the connection, closing: " + e, e);
            state = State.CLOSED;
            release();
        }
    }

    /** Remembers the request a client wire was made for (the role reads it). */
    void clientRequest(ClientRequest request) {
        this.clientRequest = request;
    }

    /** Remembers the listen socket a server wire came from (Host / SNI vhost selection). */
    void listener(Listener listener) {
        this.listener = listener;
    }

    /** Runs {@code action} once the wire has closed (peer-limit release and the like). */
    void onClosed(Runnable action) {
        this.onClosed = action;
    }

    /** The dialer of a client wire: the role's failed handshakes count as its attempts. */
    void dialer(Dialer d) {
        this.dialer = d;
    }

    void markConnecting() {
        state = State.CONNECTING;
    }

    /** The transport is up: attach it and tell the role. */
    void open(Transport t) {
        if (state == State.CLOSED) {
            t.close(); // the role refused the connection in bind()
            return;
        }
        this.transport = t;
        try {
            t.attach(this);
        } catch (IOException e) {
            LOG.log(Level.WARNING, () -> describe() + ": cannot attach transport: " + e.getMessage());
            closeNow();
            return;
        }
        openAttached();
    }

    /** For a client whose socket was registered while connecting. */
    void openConnected(SocketTransport t, SelectionKey key) {
        this.transport = t;
        t.adoptKey(key);
        if (clientRequest != null && clientRequest.tls()) {
            startClientTls(t);
            return;
        }
        openAttached();
    }

    // ---- TLS, loop thread ----

    /**
     * An accepted socket on a TLS listen socket: the first bytes decide (lws
     * {@code lws_server_socket_service_ssl}): a ClientHello picks the vhost by SNI and
     * starts the handshake; anything else goes to redirect-http, allow-http-on-https or
     * fallback-listen-accept (README.http-fallback.md's order), or is dropped.
     */
    void openTlsServer(SocketTransport t) {
        if (state == State.CLOSED) {
            t.close();
            return;
        }
        this.transport = t;
        try {
            t.attach(this);
        } catch (IOException e) {
            LOG.log(Level.WARNING, () -> describe() + ": cannot attach transport: " + e.getMessage());
            closeNow();
            return;
        }
        state = State.HANDSHAKING;
        startHandshakeTimer(portTls().handshakeTimeoutSecs());
        t.interest(true, false);
    }

    /** The TLS settings that rule the listen socket: its first vhost's (lws applies the fallback options of the first vhost to the port). */
    private org.lightwire.api.TlsSettings portTls() {
        return portOwner().tls().settings();
    }

    private void startClientTls(SocketTransport t) {
        state = State.HANDSHAKING;
        String host = clientRequest.hostHeader().map(Wire::hostOnly).orElse(clientRequest.host());
        try {
            org.lightwire.core.tls.VhostTls vt = vhost.tls();
            SSLEngine engine;
            if (vt != null) {
                engine = vt.clientEngine(host, clientRequest.port(), clientRequest.tlsOptions(), clientAlpn());
            } else {
                engine = DefaultClientTls.engine(vhost, host, clientRequest.port(), clientRequest.tlsOptions(), clientAlpn());
            }
            tls = new TlsTransport(t, engine, loop.recordBuffers(), null);
        } catch (IOException | RuntimeException e) {
            tlsFailed(e);
            return;
        }
        transport = tls;
        tlsServerName = host;
        int secs = vhost.tls() != null ? vhost.tls().settings().handshakeTimeoutSecs()
                : org.lightwire.api.TlsSettings.DEFAULT_HANDSHAKE_TIMEOUT_SECS;
        startHandshakeTimer(secs);
        serviceHandshake();
    }

    private List<String> clientAlpn() {
        if (!clientRequest.alpn().isEmpty()) {
            return clientRequest.alpn();
        }
        return role.alpnIds();
    }

    private static String hostOnly(String hostHeader) {
        String h = hostHeader.trim();
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(1, end);
        }
        int colon = h.indexOf(':');
        return colon >= 0 && colon == h.lastIndexOf(':') ? h.substring(0, colon) : h;
    }

    private void startHandshakeTimer(int secs) {
        if (handshakeTimer == null) {
            handshakeTimer = loop.scheduler().newTimer(this::handshakeTimedOut);
        }
        handshakeTimer.schedule(secs * 1_000_000L);
    }

    private void handshakeTimedOut() {
        if (state != State.HANDSHAKING) {
            return;
        }
        LOG.log(Level.INFO, () -> describe() + ": TLS handshake not complete within the timeout"
                + " (tls-handshake-timeout-secs), dropping");
        tellObservers(null, "handshake timed out");
        if (client) {
            clientTlsFailed(new SocketTimeoutException("TLS handshake not complete within tls-handshake-timeout-secs"));
            return;
        }
        closeNow();
    }

    /** Readiness while handshaking: look at the first bytes, then move the handshake on. */
    private void serviceHandshake() {
        try {
            if (tls == null) {
                if (accept == null) {
                    accept = new TlsAccept(this, loop.recordBuffers());
                }
                if (!accept.step((StreamTransport) transport)) {
                    return;
                }
                accept = null;
            }
            switch (tls.handshake()) {
                case WANT_READ -> tls.interest(true, false);
                case WANT_WRITE -> tls.interest(false, true);
                case DONE -> handshakeDone();
            }
        } catch (IOException | RuntimeException e) {
            tlsFailed(e);
        }
    }

    /**
     * The counters of the vhost this wire is with, on its loop: for bytes that move without
     * the wire's own read and write (a TLS port's sniffed first bytes and redirect). Loop
     * thread only.
     */
    VhostCounters counters() {
        return vhost.counters(loop);
    }

    /** The first vhost of the listen socket: its TLS settings rule non-TLS bytes (lws applies them port-wide). */
    VhostImpl portOwner() {
        return listener != null ? listener.owner() : vhost;
    }

    /**
     * SNI picks the vhost and its certificate (exact name, dot-suffix, else the first vhost:
     * {@link Listener#vhostFor}); an HTTP connection follows it, as it binds per request.
     * Returns the vhost whose certificate to present.
     */
    VhostImpl followSni(String sni) {
        VhostImpl chosen = listener == null ? vhost : listener.vhostFor(sni);
        if (chosen.tls() == null || !chosen.tls().settings().servesTls()) {
            chosen = portOwner();
        }
        if (chosen != vhost && protocol == null) {
            vhost = chosen;
        }
        return chosen;
    }

    /** A ClientHello arrived: TLS runs under the role from now on. */
    void startServerTls(TlsTransport layer, String sni) {
        tls = layer;
        transport = layer;
        tlsServerName = sni;
    }

    /** The connection continues without TLS (allow-http-on-https): the bytes already read are its first input. */
    void continuePlain(ByteBuffer alreadyRead) {
        cancelHandshakeTimer();
        heldRx = alreadyRead;
        openAttached();
        if (state == State.OPEN) {
            loop.execute(deliverHeld);
            updateInterest();
        }
    }

    /** fallback-listen-accept: the listen-accept role and protocol take the connection, without TLS. */
    void fallBack(VhostImpl.Fallback fb, ByteBuffer alreadyRead) {
        // the role reads the protocol while binding: set it first
        vhost = portOwner();
        role = fb.role();
        protocol = fb.binding();
        try {
            handler = fb.role().bind(this);
        } catch (Throwable e) {
            Fatal.rethrowIfFatal(e);
            failed("fallback to role '" + fb.role().name() + "'", e);
            return;
        }
        LOG.log(Level.DEBUG, () -> describe() + ": not TLS, falls back to role '" + role.name() + "'");
        continuePlain(alreadyRead);
    }

    /** A TLS event for the protocol(s) about a failure before or during the handshake. */
    void tlsAlert(String description) {
        tellObservers(null, description);
    }

    private void cancelHandshakeTimer() {
        if (handshakeTimer != null) {
            handshakeTimer.cancel();
        }
    }

    /** The handshake completed: session info, the protocol's veto, ALPN's role, then the role opens. */
    private void handshakeDone() {
        cancelHandshakeTimer();
        tlsInfo = TlsSessionInfo.of(tls.engine(), tlsServerName);
        if (!tellObservers(tlsInfo, null)) {
            LOG.log(Level.INFO, () -> describe() + ": TLS session vetoed by the protocol, closing");
            closeNow();
            return;
        }
        String alpn = tlsInfo.alpn().orElse(null);
        if (alpn != null && !client && protocol == null) {
            Role wanted = vhost.roleForAlpn(alpn);
            if (wanted != null && wanted != role) {
                try {
                    handler = wanted.bind(this);
                    role = wanted;
                } catch (Throwable e) {
                    Fatal.rethrowIfFatal(e);
                    failed("ALPN '" + alpn + "' role '" + wanted.name() + "'", e);
                    return;
                }
            }
        }
        LOG.log(Level.DEBUG, () -> describe() + ": TLS " + tlsInfo.protocol() + " " + tlsInfo.cipherSuite()
                + tlsInfo.alpn().map(a -> " alpn " + a).orElse("") + tlsInfo.serverName().map(n -> " sni " + n).orElse(""));
        openAttached();
        if (state == State.OPEN) {
            updateInterest();
            queueBufferedRead();
        }
    }

    /** A TLS failure: one log line naming the peer, the observers hear it, the connection closes. */
    private void tlsFailed(Throwable e) {
        String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        LOG.log(Level.INFO, () -> describe() + ": TLS failed, closing: " + what);
        tellObservers(null, what);
        if (client && state != State.OPEN) {
            clientTlsFailed(e);
            return;
        }
        closeNow();
    }

    /**
     * A client's TLS failure before the role opened is a failed attempt of its dial: one that
     * may pass (the peer closed or reset the socket, the handshake timed out) drops this
     * transport and its engine and is retried as the request's RetryPolicy conceals; one that
     * cannot (certificate, trust, name, alert, protocol) is the connect failure at once.
     */
    private void clientTlsFailed(Throwable cause) {
        if (!TransientHandshakeFailure.test(cause)) {
            connectFailed(cause);
            return;
        }
        dropTransport();
        state = State.CONNECTING;
        dialer.attemptFailed(cause, true);
    }

    /**
     * Delivers a TLS event to the bound protocol, or to every protocol of the vhost that
     * observes TLS when none is bound yet; false if one vetoed the session.
     */
    private boolean tellObservers(TlsInfo done, String alert) {
        List<Protocol> targets = protocol != null ? List.of(protocol.instance()) : vhost.protocolInstances();
        boolean ok = true;
        for (Protocol p : targets) {
            if (!(p instanceof TlsObserver o)) {
                continue;
            }
            try {
                if (done != null) {
                    ok &= o.tlsHandshakeDone(this, done);
                } else {
                    o.tlsAlert(this, alert);
                }
            } catch (Throwable e) {
                Fatal.rethrowIfFatal(e);
                LOG.log(Level.ERROR, describe() + ": TLS event failed in protocol", e);
                ok = false;
            }
        }
        return ok;
    }

    /** TLS may hold whole records the socket will not announce again: read them without readiness. */
    private void queueBufferedRead() {
        if (tls != null && !bufferedReadQueued && state == State.OPEN && rxEnabled && heldRx == null
                && tls.hasBufferedInput()) {
            bufferedReadQueued = true;
            loop.execute(readBuffered);
        }
    }

    private void readBufferedInput() {
        bufferedReadQueued = false;
        if (state == State.OPEN && rxEnabled && !inputClosed) {
            onReadable();
        }
    }

    private void openAttached() {
        state = State.OPEN;
        if (sequencer != null) {
            sequencer.connectionEvent(SequencerEvent.Kind.CONNECTION_CONNECTED, this);
        }
        startValidity();
        try {
            handler.opened();
        } catch (Throwable e) {
            Fatal.rethrowIfFatal(e);
            failed("open", e);
            return;
        }
        if (writeableWanted && state == State.OPEN) {
            writeableWanted = false;
            requestWriteable();
        }
    }

    /** A client that never connected gives up: the role hears it once, no close event. */
    void connectFailed(Throwable cause) {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        cancelTimers();
        if (sequencer != null) {
            sequencer.connectionEvent(SequencerEvent.Kind.CONNECTION_FAILED, this);
        }
        try {
            handler.connectFailed(cause);
        } catch (Throwable e) {
            Fatal.rethrowIfFatal(e);
            LOG.log(Level.ERROR, describe() + ": error in connect-failed event", e);
        }
        release();
    }

    /** Closes on the loop thread: protocol's close event, then the transport. */
    public void closeNow() {
        if (state == State.CLOSED) {
            return;
        }
        if (client && state != State.OPEN) {
            connectFailed(new IOException("closed before the connection was established"));
            return;
        }
        boolean wasOpen = state == State.OPEN;
        state = State.CLOSED;
        cancelTimers();
        if (wasOpen) {
            try {
                handler.closed();
            } catch (Throwable e) {
                Fatal.rethrowIfFatal(e);
                LOG.log(Level.ERROR, describe() + ": error in close event", e);
            }
            if (sequencer != null) {
                sequencer.connectionEvent(SequencerEvent.Kind.CONNECTION_CLOSED, this);
            }
        }
        release();
    }

    private void release() {
        if (transport != null) {
            transport.close();
        }
        pendingOut = null;
        heldRx = null;
        if (accept != null) {
            accept.release();
            accept = null;
        }
        loop.leave(this);
        if (onClosed != null) {
            onClosed.run();
        }
    }

    private void cancelTimers() {
        if (timeoutTimer != null) {
            timeoutTimer.cancel();
        }
        if (validityTimer != null) {
            validityTimer.cancel();
        }
        cancelHandshakeTimer();
    }

    /** A protocol or role callback threw: log it and close only this connection. */
    private void failed(String event, Throwable e) {
        LOG.log(Level.ERROR, describe() + ": " + event + " event failed, closing: " + e, e);
        closeNow();
    }

    @Override
    protected boolean isConnection() {
        return true;
    }

    @Override
    protected void closeForShutdown() {
        if (state == State.OPEN) {
            try {
                handler.goingAway();
            } catch (Throwable e) {
                Fatal.rethrowIfFatal(e);
                LOG.log(Level.DEBUG, () -> describe() + ": going-away failed: " + e);
            }
        }
        closeNow();
    }

    // ---- I/O readiness, loop thread ----

    @Override
    public void onReady(int readyOps) {
        if (state == State.HANDSHAKING) {
            serviceHandshake();
            return;
        }
        if (state != State.OPEN) {
            return;
        }
        if ((readyOps & SelectionKey.OP_WRITE) != 0) {
            onWritable();
        }
        if ((readyOps & SelectionKey.OP_READ) != 0 && state == State.OPEN) {
            if (kind == Kind.DATAGRAM) {
                onDatagramsReadable();
            } else {
                onReadable();
            }
        }
    }

    private void onReadable() {
        if (!rxEnabled) {
            updateInterest();
            return;
        }
        if (heldRx != null) {
            // input held back across a pause goes first; new reads wait until it is consumed
            deliverHeldRx();
            if (heldRx != null || !rxEnabled || state != State.OPEN) {
                return;
            }
        }
        ByteBuffer buf = loop.streamRxBuffer();
        int n;
        try {
            n = ((StreamTransport) transport).read(buf);
        } catch (javax.net.ssl.SSLException e) {
            tlsFailed(e); // a broken or hostile record, a renegotiation: one log line, this connection only
            return;
        } catch (IOException e) {
            readFailed(e);
            return;
        }
        if (tls != null && tls.hasPendingOutput()) {
            updateInterest(); // a TLS 1.3 key update or close reply is waiting for the socket
        }
        if (n < 0) {
            endOfInput();
            return;
        }
        if (n == 0) {
            return;
        }
        vhost.counters(loop).addRx(n);
        buf.flip();
        deliver(buf);
        queueBufferedRead();
    }

    /** The role hears of it, then the connection closes, unless the role's handshake failed in it. */
    private void readFailed(IOException cause) {
        LOG.log(Level.DEBUG, () -> describe() + ": read failed: " + cause.getMessage());
        try {
            handler.readFailed(cause);
        } catch (Throwable e) {
            Fatal.rethrowIfFatal(e);
            failed("read-failed", e);
            return;
        }
        if (state == State.OPEN) {
            closeNow();
        }
    }

    /** The peer sent its last byte: the role may keep the connection to finish its output. */
    private void endOfInput() {
        boolean keep;
        try {
            keep = handler.inputEnded();
        } catch (Throwable e) {
            Fatal.rethrowIfFatal(e);
            failed("end-of-input", e);
            return;
        }
        if (state != State.OPEN) {
            return; // a client role's handshake failed in it: dialing again, or reported
        }
        if (!keep) {
            closeNow();
            return;
        }
        // nothing more can arrive: stop asking, or the end of stream stays readable forever
        inputClosed = true;
        updateInterest();
    }

    private void deliver(ByteBuffer buf) {
        try {
            handler.received(buf);
        } catch (Throwable e) {
            Fatal.rethrowIfFatal(e);
            failed("receive", e);
            return;
        }
        if (buf.hasRemaining() && state == State.OPEN) {
            // the role stopped part-way because reception was paused: keep the rest
            ByteBuffer held = ByteBuffer.allocate(buf.remaining());
            held.put(buf).flip();
            heldRx = held;
            if (rxEnabled) {
                loop.execute(deliverHeld);
            }
        }
    }

    private void deliverHeldRx() {
        ByteBuffer held = heldRx;
        if (held == null || !rxEnabled || state != State.OPEN) {
            return;
        }
        heldRx = null;
        int before = held.remaining();
        deliver(held);
        if (heldRx != null && heldRx.remaining() == before && rxEnabled) {
            failed("receive", new IllegalStateException(
                    "role '" + role.name() + "' consumed no input while reception was enabled"));
            return;
        }
        queueBufferedRead();
    }

    private void onDatagramsReadable() {
        DatagramTransport udp = (DatagramTransport) transport;
        // a bounded batch per pass keeps one busy socket from starving the rest
        for (int i = 0; i < 16 && rxEnabled && state == State.OPEN; i++) {
            ByteBuffer buf = loop.datagramRxBuffer();
            SocketAddress source;
            try {
                source = udp.receive(buf);
            } catch (IOException e) {
                LOG.log(Level.DEBUG, () -> describe() + ": receive failed: " + e.getMessage());
                return;
            }
            if (source == null) {
                return;
            }
            if (source == DatagramTransport.LOST) {
                continue;
            }
            buf.flip();
            vhost.counters(loop).addRx(buf.remaining());
            try {
                handler.receivedDatagram(buf, (InetSocketAddress) source);
            } catch (Throwable e) {
                Fatal.rethrowIfFatal(e);
                failed("receive", e);
                return;
            }
        }
    }

    private void onWritable() {
        if (!flushPending()) {
            return;
        }
        if (outputShutWanted) {
            shutOutputNow();
        }
        updateInterest();
        if (writeableWanted) {
            writeableWanted = false;
            dispatchWriteable();
        }
    }

    /** Sends pending output; true when none is left. */
    private boolean flushPending() {
        socketFull = false;
        try {
            if (tls != null && !tls.flush()) {
                return false; // ciphertext first: it belongs before anything still plain
            }
        } catch (IOException e) {
            LOG.log(Level.DEBUG, () -> describe() + ": write failed: " + e.getMessage());
            closeNow();
            return false;
        }
        if (pendingOut == null || !pendingOut.hasRemaining()) {
            return true;
        }
        try {
            if (kind == Kind.DATAGRAM) {
                if (((DatagramTransport) transport).send(pendingOut, pendingDestination)) {
                    pendingOut.clear().limit(0);
                }
            } else {
                ((StreamTransport) transport).write(pendingOut);
            }
        } catch (IOException e) {
            LOG.log(Level.DEBUG, () -> describe() + ": write failed: " + e.getMessage());
            closeNow();
            return false;
        }
        return !pendingOut.hasRemaining();
    }

    private boolean hasPending() {
        return socketFull || pendingOut != null && pendingOut.hasRemaining() || tls != null && tls.hasPendingOutput();
    }

    private void updateInterest() {
        if (transport != null && state == State.OPEN) {
            transport.interest(rxEnabled && !inputClosed, hasPending());
        }
    }

    // ---- writeable discipline ----

    @Override
    public void requestWriteable() {
        if (!loop.inLoop()) {
            if (foreignWriteablePosted.compareAndSet(false, true)) {
                loop.execute(foreignWriteable);
            }
            return;
        }
        switch (state) {
            case NEW, CONNECTING, HANDSHAKING -> writeableWanted = true;
            case OPEN -> {
                if (hasPending()) {
                    writeableWanted = true;
                } else if (!writeableQueued) {
                    writeableQueued = true;
                    loop.queueWriteable(queuedWriteable);
                }
            }
            case CLOSED -> { }
        }
    }

    private void foreignWriteableRequested() {
        foreignWriteablePosted.set(false);
        requestWriteable();
    }

    private void serviceQueuedWriteable() {
        writeableQueued = false;
        if (state != State.OPEN) {
            return;
        }
        if (hasPending()) {
            writeableWanted = true;
            return;
        }
        dispatchWriteable();
    }

    private void dispatchWriteable() {
        inWriteable = true;
        wroteInEvent = false;
        try {
            handler.writeable();
        } catch (Throwable e) {
            Fatal.rethrowIfFatal(e);
            failed("writeable", e);
        } finally {
            inWriteable = false;
        }
    }

    @Override
    public int write(ByteBuffer data) {
        if (kind == Kind.DATAGRAM) {
            throw new UnsupportedOperationException(describe() + " is a datagram connection: use sendTo");
        }
        checkWriteAllowed();
        int length = data.remaining();
        handler.write(data);
        return length;
    }

    @Override
    public void sendTo(ByteBuffer data, SocketAddress destination) {
        if (kind != Kind.DATAGRAM) {
            throw new UnsupportedOperationException(describe() + " is not a datagram connection");
        }
        checkWriteAllowed();
        handler.writeDatagram(data, destination);
    }

    private void checkWriteAllowed() {
        checkLoopThread("write");
        if (state != State.OPEN) {
            throw new WriteDisciplineException(describe() + ": write on a connection that is not open");
        }
        if (!inWriteable) {
            throw new WriteDisciplineException(describe()
                    + ": write outside a writeable event; call requestWriteable() and write from the writeable event");
        }
        if (wroteInEvent) {
            throw new WriteDisciplineException(describe()
                    + ": second write in one writeable event; only one write per writeable event is allowed,"
                    + " request another writeable event for the rest");
        }
        wroteInEvent = true;
    }

    // ---- RoleBinding: what the role uses ----

    @Override
    public Connection connection() {
        return this;
    }

    @Override
    public Protocol protocol() {
        return protocol == null ? null : protocol.instance();
    }

    @Override
    public long sendFile(FileChannel file, long position, long count) throws IOException {
        if (state != State.OPEN || count <= 0 || hasPending()) {
            return 0;
        }
        long sent;
        if (transport instanceof SocketTransport socket) {
            sent = socket.transferFrom(file, position, count);
        } else if (tls != null) {
            // no sendfile through TLS: one record's worth through a pooled buffer per call
            ByteBuffer chunk = loop.recordBuffers().take();
            try {
                chunk.limit((int) Math.min(16 * 1024, count));
                int n = file.read(chunk, position);
                if (n <= 0) {
                    return 0;
                }
                chunk.flip();
                send(chunk);
                return n;
            } finally {
                loop.recordBuffers().give(chunk);
            }
        } else {
            // files over bridged streams are rare: a buffer per call is fine here
            ByteBuffer chunk = ByteBuffer.allocate((int) Math.min(64 * 1024, count));
            int n = file.read(chunk, position);
            if (n <= 0) {
                return 0;
            }
            chunk.flip();
            send(chunk);
            return n;
        }
        vhost.counters(loop).addTx(sent);
        if (sent < count) {
            // the kernel's send buffer is full: the next writeable event waits for OP_WRITE
            socketFull = true;
            updateInterest();
        }
        return sent;
    }

    @Override
    public void shutdownOutput() {
        if (state != State.OPEN || kind == Kind.DATAGRAM || outputShut) {
            return;
        }
        outputShutWanted = true;
        if (!hasPending()) {
            shutOutputNow();
        }
    }

    private void shutOutputNow() {
        outputShutWanted = false;
        outputShut = true;
        try {
            ((StreamTransport) transport).shutdownOutput();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, () -> describe() + ": half-close failed: " + e.getMessage());
        }
    }

    @Override
    public boolean hasPendingOutput() {
        return hasPending();
    }

    @Override
    public Optional<ClientRequest> clientRequest() {
        return Optional.ofNullable(clientRequest);
    }

    @Override
    public Vhost selectVhost(String hostName) {
        checkLoopThread("selectVhost");
        if (listener == null) {
            return vhost;
        }
        VhostImpl chosen = listener.vhostFor(hostName);
        if (chosen != vhost) {
            protocol = null;
            vhost = chosen;
        }
        return vhost;
    }

    @Override
    public Optional<Protocol> bindProtocol(String name) {
        checkLoopThread("bindProtocol");
        protocol = name == null ? null : vhost.currentBinding(name);
        return protocol == null ? Optional.empty() : Optional.of(protocol.instance());
    }

    @Override
    public boolean switchRole(String roleName, RoleSwitch handoff) {
        checkLoopThread("switchRole");
        if (state != State.OPEN) {
            return false;
        }
        Role next = vhost.findRole(roleName);
        if (next == null) {
            return false;
        }
        RoleHandler nextHandler;
        try {
            nextHandler = next.bind(this);
        } catch (Throwable e) {
            Fatal.rethrowIfFatal(e);
            failed("role switch to '" + roleName + "'", e);
            return true;
        }
        role = next;
        handler = nextHandler;
        if (validityTimer != null) {
            validityTimer.cancel();
        }
        startValidity();
        try {
            nextHandler.switchedIn(handoff);
        } catch (Throwable e) {
            Fatal.rethrowIfFatal(e);
            failed("role switch to '" + roleName + "'", e);
        }
        return true;
    }

    @Override
    public void handshakeFailed(Throwable cause, boolean retry) {
        checkLoopThread("handshakeFailed");
        if (dialer == null) {
            throw new IllegalStateException(describe() + ": handshakeFailed is for client connections only");
        }
        if (state != State.OPEN) {
            return;
        }
        dropTransport();
        state = State.CONNECTING;
        dialer.attemptFailed(cause, retry);
    }

    /**
     * Forgets the failed attempt's transport and everything that belonged to it, keeping the
     * handler, protocol and user data for the next attempt; no close event.
     */
    private void dropTransport() {
        cancelTimers();
        transport.close();
        transport = null;
        tls = null;
        tlsInfo = null;
        tlsServerName = null;
        pendingOut = null;
        pendingDestination = null;
        socketFull = false;
        heldRx = null;
        rxEnabled = true;
        inputClosed = false;
        outputShutWanted = false;
        outputShut = false;
        writeableWanted = false;
    }

    @Override
    public void count(VhostStats.Event event) {
        checkLoopThread("count");
        VhostCounters c = vhost.counters(loop);
        switch (event) {
            case HTTP_TRANSACTION -> c.countTransaction();
            case WS_UPGRADE -> c.countUpgrade();
        }
    }

    @Override
    public void send(ByteBuffer data) {
        if (state != State.OPEN || !data.hasRemaining()) {
            return;
        }
        // counted when handed over, as lws counts tx when the role writes (queued bytes go later)
        vhost.counters(loop).addTx(data.remaining());
        if (hasPending()) {
            appendPending(data);
            return;
        }
        try {
            ((StreamTransport) transport).write(data);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, () -> describe() + ": write failed: " + e.getMessage());
            closeNow();
            return;
        }
        if (data.hasRemaining()) {
            appendPending(data);
            updateInterest();
        }
    }

    @Override
    public void sendDatagram(ByteBuffer data, SocketAddress destination) {
        if (state != State.OPEN) {
            return;
        }
        vhost.counters(loop).addTx(data.remaining());
        if (hasPending()) {
            throw new WriteDisciplineException(describe() + ": a datagram is still waiting for the socket");
        }
        try {
            if (((DatagramTransport) transport).send(data, destination)) {
                return;
            }
        } catch (IOException e) {
            LOG.log(Level.DEBUG, () -> describe() + ": send to " + destination + " failed: " + e.getMessage());
            return;
        }
        pendingDestination = destination;
        appendPending(data);
        updateInterest();
    }

    private void appendPending(ByteBuffer data) {
        int need = data.remaining() + (pendingOut == null ? 0 : pendingOut.remaining());
        if (pendingOut == null || pendingOut.capacity() < need) {
            // direct: flushing it later needs no copy into a temporary direct buffer
            ByteBuffer bigger = ByteBuffer.allocateDirect(Math.max(need, 4096));
            if (pendingOut != null) {
                bigger.put(pendingOut);
            }
            pendingOut = bigger;
        } else {
            pendingOut.compact();
        }
        pendingOut.put(data).flip();
    }

    // ---- rx flow control ----

    @Override
    public void rxFlowControl(boolean enable) {
        checkLoopThread("rxFlowControl");
        if (rxEnabled == enable) {
            return;
        }
        rxEnabled = enable;
        updateInterest();
        if (enable && heldRx != null) {
            loop.execute(deliverHeld);
        } else if (enable) {
            queueBufferedRead();
        }
    }

    @Override
    public boolean isRxEnabled() {
        return rxEnabled;
    }

    // ---- timeouts and validity ----

    @Override
    public void setTimeout(TimeoutReason reason, int seconds) {
        checkLoopThread("setTimeout");
        if (seconds <= 0) {
            if (timeoutTimer != null) {
                timeoutTimer.cancel();
            }
            return;
        }
        if (timeoutTimer == null) {
            timeoutTimer = loop.scheduler().newTimer(this::timedOut);
        }
        timeoutReason = reason;
        timeoutTimer.schedule(seconds * 1_000_000L);
    }

    private void timedOut() {
        LOG.log(Level.INFO, () -> describe() + ": timeout (" + timeoutReason + "), closing");
        if (state == State.CONNECTING) {
            return; // the dialer owns connect timeouts
        }
        closeNow();
    }

    private void startValidity() {
        if (!handler.hasValidityPing()
                || (retryPolicy.secsSinceValidPing() == 0 && retryPolicy.secsSinceValidHangup() == 0)) {
            return;
        }
        if (validityTimer == null) {
            validityTimer = loop.scheduler().newTimer(this::validityDue);
        }
        armValidity();
    }

    private void armValidity() {
        validityHangupArmed = false;
        int ping = retryPolicy.secsSinceValidPing();
        int hangup = retryPolicy.secsSinceValidHangup();
        if (ping > 0) {
            validityTimer.schedule(ping * 1_000_000L);
        } else {
            validityHangupArmed = true;
            validityTimer.schedule(hangup * 1_000_000L);
        }
    }

    private void validityDue() {
        if (state != State.OPEN) {
            return;
        }
        if (validityHangupArmed) {
            LOG.log(Level.INFO, () -> describe() + ": no proof of validity within "
                    + retryPolicy.secsSinceValidHangup() + "s, hanging up");
            closeNow();
            return;
        }
        try {
            handler.sendValidityPing();
        } catch (Throwable e) {
            Fatal.rethrowIfFatal(e);
            failed("validity ping", e);
            return;
        }
        // lws counts the rest of the hangup window from when the ping actually went out
        int rest = retryPolicy.secsSinceValidHangup() - retryPolicy.secsSinceValidPing();
        if (retryPolicy.secsSinceValidHangup() > 0 && rest > 0) {
            validityHangupArmed = true;
            validityTimer.schedule(rest * 1_000_000L);
        }
    }

    @Override
    public void confirmValidity() {
        checkLoopThread("confirmValidity");
        if (validityTimer != null && state == State.OPEN) {
            armValidity();
        }
    }

    // ---- Connection accessors ----

    @Override
    public long id() {
        return id;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    public Vhost vhost() {
        return vhost;
    }

    @Override
    public ServiceLoop loop() {
        return loop;
    }

    public EventLoop eventLoop() {
        return loop;
    }

    @Override
    public String roleName() {
        return role.name();
    }

    @Override
    public String protocolName() {
        return protocol == null ? "" : protocol.name();
    }

    /** The binding of this wire's protocol, to close wires of a departing protocol. */
    ProtocolSlot.Binding protocolBinding() {
        return protocol;
    }

    Role role() {
        return role;
    }

    @Override
    public boolean isClient() {
        return client;
    }

    @Override
    public boolean isOpen() {
        return state != State.CLOSED;
    }

    @Override
    public Optional<TlsInfo> tls() {
        return Optional.ofNullable(tlsInfo);
    }

    @Override
    public Optional<SocketAddress> peerAddress() {
        return transport == null ? Optional.empty() : transport.remoteAddress();
    }

    @Override
    public Optional<SocketAddress> localAddress() {
        return transport == null ? Optional.empty() : transport.localAddress();
    }

    @Override
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    @Override
    public void close() {
        if (loop.inLoop()) {
            closeNow();
        } else {
            loop.execute(this::closeNow);
        }
    }

    @Override
    public Object userData() {
        return userData;
    }

    @Override
    public void setUserData(Object userData) {
        this.userData = userData;
    }

    private void checkLoopThread(String what) {
        if (!loop.inLoop()) {
            throw new IllegalStateException(describe() + ": " + what + " called from thread '"
                    + Thread.currentThread().getName() + "'; only the connection's loop thread may call it");
        }
    }

    /** "vhost 'x' protocol 'y' connection #n (peer)", for log lines. */
    public String describe() {
        String peer = transport == null ? "" : transport.remoteAddress().map(a -> " " + a).orElse("");
        return "vhost '" + vhost.name() + "' protocol '" + protocolName() + "' connection #" + id + peer;
    }

    @Override
    public String toString() {
        return describe();
    }
}
