package org.lightwire.role.h1.internal;

import java.io.Closeable;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.lightwire.api.Connection;
import org.lightwire.api.HttpLimits;
import org.lightwire.api.Mount;
import org.lightwire.api.Protocol;
import org.lightwire.api.Timer;
import org.lightwire.api.Vhost;
import org.lightwire.api.VhostStats;
import org.lightwire.api.http.HttpFields;
import org.lightwire.api.http.HttpProtocol;
import org.lightwire.api.http.HttpSession;
import org.lightwire.api.http.HttpStatus;
import org.lightwire.http.AccessLogs;
import org.lightwire.http.BodyOutput;
import org.lightwire.http.ErrorPage;
import org.lightwire.http.Route;
import org.lightwire.http.RouteRequest;
import org.lightwire.http.VhostRoutes;
import org.lightwire.role.h1.wire.BodyFraming;
import org.lightwire.role.h1.wire.ChunkedDecoder;
import org.lightwire.role.h1.wire.HeadReader;
import org.lightwire.role.h1.wire.HttpWireException;
import org.lightwire.spi.RoleBinding;
import org.lightwire.spi.RoleHandler;
import org.lightwire.spi.RoleSwitch;
import org.lightwire.role.h1.H1Role;

/**
 * The h1 server state machine of one connection (lws' h1 server role: {@code lws_read_h1}
 * → {@code lws_http_action} → {@code lws_http_transaction_completed}). It reads one request
 * head at a time, picks the vhost by Host, routes, answers or hands the request to a
 * callback protocol, reads (or discards) the body, and only after the response has ended
 * reads the next request, so pipelined responses leave in order.
 *
 * <h2>Input states</h2>
 * {@code IDLE} (keep-alive, between requests) → {@code HEAD} (first byte seen: the header
 * timeout runs from here and is never extended, the ip-limit-ah slot is held) →
 * {@code BODY} (to the protocol) or {@code DISCARD} (nobody wants it; bounded) →
 * {@code DONE} (request read; further bytes stay unread with rx paused, so a pipelining
 * client cannot make us buffer more than one receive) → back to {@code IDLE} when the
 * response has ended. {@code LINGER} follows a response that closes the connection while
 * input may be unread: input is read and dropped for a short, bounded while so the peer
 * gets our response instead of a reset.
 *
 * <h2>Timers (one per connection)</h2>
 * idle: the vhost's (or last mount's) keep-alive timeout; head: {@code
 * http-header-timeout-secs} from the first byte (slowloris); body and stalled output: {@code
 * timeout-secs} since the last progress; linger: {@code http-linger-secs}.
 *
 * <h2>Limits</h2>
 * The context's {@link HttpLimits}, besides those of the head: the chunk-size line and
 * trailer of chunked bodies ({@code http-max-chunk-line}, {@code http-max-trailer-bytes}),
 * how much of an unread body is drained to keep the connection
 * ({@code http-discard-body-bytes}), and how long and how much a closing connection
 * lingers ({@code http-linger-secs}, {@code http-linger-bytes}).
 */
public final class H1ServerHandler implements RoleHandler {

    private static final System.Logger LOG = System.getLogger("org.lightwire.role.h1");

    /** The role an accepted WebSocket upgrade goes to (lws role ws). */
    static final String WS_ROLE = "ws";

    private enum Read { IDLE, HEAD, BODY, DISCARD, DONE, LINGER, CLOSED }

    private final RoleBinding binding;
    private final Connection connection;
    private final ServerServices services;
    private final HttpLimits limits;
    private final int timeoutSecs;
    private final HeadReader head;
    private final BodyOutput bodyOutput = new WireBodyOutput();
    // the scratch buffers of the loop thread this connection lives on (bound there for good)
    private final LoopBuffers buffers = LoopBuffers.current();
    private ChunkedDecoder chunked;
    private Timer timer;
    private String peerKey = "";

    private Read read = Read.IDLE;
    private long deadline;
    private boolean slotHeld;

    // the request body being read
    private BodyFraming framing = BodyFraming.NONE;
    private long bodyLeft;
    private long discarded;
    private boolean heldInput;

    // the transaction in progress
    private H1Exchange tx;
    private boolean closeRequested;
    // the client half-closed: close once the requests it sent are answered
    private boolean peerDone;
    private boolean closeWhenFlushed;
    private boolean lingering;
    private int keepaliveSecs;

    // the callback protocol binding (lws bind / drop protocol)
    private HttpSession session;
    private Mount sessionMount;
    private String sessionVhost;

    // a valid WebSocket upgrade request waiting to be handed to the ws role
    private H1Request upgrade;

    // the vhost whose routes were last used
    private Vhost routedVhost;
    private ServerServices.VhostEntry routes;

    // the vhost this connection last logged for and its access log (the vhost's lease, not ours)
    private Vhost loggedVhost;
    private AccessLogs.Lease accessLog;

    public H1ServerHandler(RoleBinding binding, ServerServices services) {
        this.binding = binding;
        this.connection = binding.connection();
        this.services = services;
        this.limits = services.settings().httpLimits();
        this.timeoutSecs = services.settings().timeoutSecs();
        this.head = new HeadReader(limits.maxRequestLine(), limits.maxHeaderBytes(), limits.maxHeaderCount(), 414);
        this.keepaliveSecs = connection.vhost().settings().keepaliveTimeoutSecs();
    }

    // ---- RoleHandler ----

    @Override
    public void opened() {
        timer = connection.loop().scheduler().newTimer(this::timedOut);
        peerKey = connection.peerAddress().map(H1ServerHandler::hostOf).orElse("");
        enterIdle();
    }

    private static String hostOf(SocketAddress a) {
        return a instanceof InetSocketAddress i ? i.getHostString() : a.toString();
    }

    @Override
    public void received(ByteBuffer data) throws Exception {
        while (data.hasRemaining() && read != Read.CLOSED) {
            switch (read) {
                case IDLE -> {
                    if (!startHead()) {
                        return;
                    }
                }
                case HEAD -> {
                    if (!readHead(data)) {
                        return;
                    }
                }
                case BODY, DISCARD -> {
                    if (!readBody(data)) {
                        return;
                    }
                }
                case DONE -> {
                    // the next request waits until this response has ended: core holds the bytes
                    heldInput = true;
                    connection.rxFlowControl(false);
                    return;
                }
                case LINGER -> {
                    discarded += data.remaining();
                    data.position(data.limit());
                    if (discarded > limits.lingerBytes()) {
                        connection.close();
                    }
                    return;
                }
                case CLOSED -> {
                    return;
                }
            }
        }
    }

    @Override
    public void writeable() throws Exception {
        if (closeWhenFlushed) {
            if (binding.hasPendingOutput()) {
                connection.requestWriteable();
            } else {
                closeOrLinger();
            }
            return;
        }
        if (tx != null) {
            tx.onWriteable();
            if (read == Read.DONE && tx != null && !tx.isComplete()) {
                progress();
            }
        }
    }

    @Override
    public void write(ByteBuffer data) {
        // Connection.write by a protocol: the body of its streamed response (the core checked the discipline)
        if (tx == null || tx.isComplete()) {
            throw new IllegalStateException(describe() + ": no HTTP response in progress to write to;"
                    + " HTTP protocols answer through HttpExchange");
        }
        tx.write(data, false);
    }

    /**
     * The client half-closed (sent FIN after its requests, as {@code nc -q0} or a shell pipe
     * does): requests already read are still answered, pipelined ones held by core too; the
     * connection closes once nothing is left. A request cut short cannot be answered.
     */
    @Override
    public boolean inputEnded() {
        if (read != Read.DONE) {
            return false; // idle, or a head or body that will never be complete
        }
        peerDone = true;
        return true;
    }

    @Override
    public void closed() {
        read = Read.CLOSED;
        releaseSlot();
        if (timer != null) {
            timer.cancel();
        }
        if (tx != null) {
            tx.connectionClosed();
        }
        dropSession();
    }

    // ---- reading the head ----

    private boolean startHead() {
        if (!services.headerSlots().tryAcquire(peerKey)) {
            LOG.log(Level.INFO, () -> describe() + ": ip-limit-ah (" + services.settings().ipLimitAh()
                    + ") reached for " + peerKey + ", answering 503");
            fail(503, "too many requests in header processing from this address",
                    HttpFields.builder().add("retry-after", "1").build());
            return false;
        }
        slotHeld = true;
        read = Read.HEAD;
        deadline = now() + limits.headerTimeoutSecs() * 1_000_000L;
        armTimer();
        return true;
    }

    private boolean readHead(ByteBuffer data) throws Exception {
        try {
            if (!head.feed(data)) {
                return false;
            }
        } catch (HttpWireException e) {
            fail(e.status(), e.getMessage(), HttpFields.EMPTY);
            return false;
        }
        releaseSlot();
        try {
            dispatch();
        } catch (HttpWireException e) {
            fail(e.status(), e.getMessage(), HttpFields.EMPTY);
            return false;
        }
        if (upgrade != null) {
            return switchToWebSocket(data);
        }
        return read != Read.LINGER && read != Read.CLOSED;
    }

    private void dispatch() throws Exception {
        RequestLine line = RequestLine.parse(head.startLine());
        HttpFields fields = head.fields();
        boolean http10 = line.minor() == 0;
        String host = host(line, fields, http10);
        framing = BodyFraming.ofRequest(fields, http10);
        if (framing.kind() == BodyFraming.Kind.LENGTH && framing.length() > limits.maxBodyBytes()) {
            throw new HttpWireException(413, "Content-Length " + framing.length() + " exceeds http-max-body-bytes "
                    + limits.maxBodyBytes());
        }
        boolean expectContinue = expectContinue(fields, http10);
        boolean keepAlive = keepAlive(fields, http10);

        Vhost vhost = binding.selectVhost(host == null ? "" : host);
        // lws h1_trans: every request that reaches its vhost, upgrade requests included
        binding.count(VhostStats.Event.HTTP_TRANSACTION);
        if (session != null && !vhost.name().equals(sessionVhost)) {
            dropSession(); // core already unbound the protocol when the vhost changed
        }
        if (vhost.settings().strictHostCheck() && !hostNames(vhost, host)) {
            throw new HttpWireException(400, "Host '" + host + "' does not name vhost '" + vhost.name()
                    + "' (strict-host-check)");
        }
        ServerServices.VhostEntry entry = routesOf(vhost);
        keepaliveSecs = vhost.settings().keepaliveTimeoutSecs();

        if (line.rawPath().equals("*")) {
            // OPTIONS * asks about the server as a whole
            H1Request request = new H1Request(line, "*", fields, stripPort(host), framing.length(),
                    framing.kind() != BodyFraming.Kind.NONE, null, "", null, secure());
            tx = new H1Exchange(this, request, keepAlive, null);
            tx.respondBytes(200, HttpFields.builder().add("allow", "OPTIONS, GET, HEAD, POST").build(), new byte[0]);
            beginBody(false, expectContinue);
            return;
        }
        if (entry.routes() == null) {
            tx = new H1Exchange(this, plainRequest(line, fields, host), keepAlive, null);
            answerError(tx, 500, "the vhost's routes could not be prepared", HttpFields.EMPTY);
            beginBody(false, expectContinue);
            return;
        }
        Route route;
        try {
            route = entry.routes().route(new RouteRequest(line.method(), line.rawPath(), line.query(), fields, secure()));
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, describe() + ": routing " + line.method() + " " + line.target() + " failed", e);
            tx = new H1Exchange(this, plainRequest(line, fields, host), keepAlive, null);
            answerError(tx, 500, "internal error", HttpFields.EMPTY);
            beginBody(false, expectContinue);
            return;
        }
        // lws checks a mount's basic auth before upgrading: a challenge is answered as for any request
        if (!(route instanceof Route.Challenge) && WebSocketUpgrade.isRequested(fields)) {
            if (route instanceof Route.Serve served) {
                // routing opened the mount's file for a plain GET; an upgrade never sends it
                closeQuietly(served.body());
            }
            Mount routeMount = route instanceof Route.Serve sv ? sv.mount() : route instanceof Route.Callback cb ? cb.mount() : null;
            WebSocketUpgrade.Refusal refusal = routeMount != null && routeMount.noWsUpgrades()
                    ? new WebSocketUpgrade.Refusal(403, "mount '" + routeMount.mountpoint() + "' refuses WebSocket upgrades (no-ws-upgrades)")
                    : WebSocketUpgrade.refusal(line, fields, framing.kind() != BodyFraming.Kind.NONE);
            if (refusal == null) {
                Route.Callback c = route instanceof Route.Callback cb ? cb : null;
                upgrade = new H1Request(line, c == null ? null : c.path(), fields, stripPort(host), -1, false,
                        c == null ? null : c.mount(), c == null ? "" : c.pathInMount(),
                        route.authenticatedUser().orElse(null), secure());
                return;
            }
            tx = new H1Exchange(this, plainRequest(line, fields, host), false, null);
            answerError(tx, refusal.status(), refusal.message(), refusal.status() == 426
                    ? HttpFields.builder().add("sec-websocket-version", WebSocketUpgrade.VERSION).build()
                    : HttpFields.EMPTY);
            beginBody(false, expectContinue);
            return;
        }
        if (route instanceof Route.Callback c) {
            dispatchCallback(c, line, fields, host, keepAlive, expectContinue, vhost);
            return;
        }
        dropSession();
        Mount mount = route instanceof Route.Serve s ? s.mount() : null;
        tx = new H1Exchange(this, plainRequest(line, fields, host), keepAlive, mount);
        applyMountKeepalive(mount);
        if (route instanceof Route.Serve s) {
            tx.serve(s.status(), s.headers(), s.body());
        } else if (route instanceof Route.Redirect r) {
            tx.respondBytes(r.status(), r.headers().toBuilder().set("location", r.location()).build(), new byte[0]);
        } else if (route instanceof Route.Refuse r) {
            answerError(tx, r.status(), r.message(), r.headers());
        } else if (route instanceof Route.Challenge ch) {
            answerError(tx, 401, "authentication required",
                    HttpFields.builder().add("www-authenticate", ch.wwwAuthenticate()).build());
        }
        beginBody(false, expectContinue);
    }

    private void dispatchCallback(Route.Callback c, RequestLine line, HttpFields fields, String host, boolean keepAlive,
            boolean expectContinue, Vhost vhost) throws Exception {
        H1Request request = new H1Request(line, c.path(), fields, stripPort(host), framing.length(),
                framing.kind() != BodyFraming.Kind.NONE, c.mount(), c.pathInMount(), c.authenticatedUser().orElse(null), secure());
        tx = new H1Exchange(this, request, keepAlive, c.mount());
        applyMountKeepalive(c.mount());
        HttpSession s = bindSession(c, vhost);
        if (s == null) {
            answerError(tx, 503, "protocol '" + c.protocol() + "' is not available", HttpFields.EMPTY);
            beginBody(false, expectContinue);
            return;
        }
        tx.session(s);
        // the body state is set before the protocol sees the request, which may answer at once
        beginBody(true, expectContinue);
        H1Exchange current = tx;
        s.request(current);
        if (tx == current && request.hasBody() && expectContinue && read == Read.BODY) {
            if (current.headersSent()) {
                // answered before asking for the body: the client may never send it, so do not wait for it
                requestClose();
            } else {
                current.sendContinue();
            }
        }
    }

    /**
     * Hands the connection to the "ws" role with the upgrade request and the bytes read
     * behind it (lws {@code lws_role_transition}); h1 lets go of everything first, since
     * after a successful switch it is never called again. Without an installed ws role the
     * request is answered 501.
     *
     * @return whether to keep reading this receive as HTTP (only when the switch failed)
     */
    private boolean switchToWebSocket(ByteBuffer data) throws Exception {
        H1Request request = upgrade;
        upgrade = null;
        int start = data.position();
        ByteBuffer leftover = ByteBuffer.allocate(data.remaining());
        leftover.put(data).flip();
        if (timer != null) {
            timer.cancel();
        }
        dropSession();
        Read before = read;
        read = Read.CLOSED;
        if (binding.switchRole(WS_ROLE, new RoleSwitch(H1Role.NAME, Optional.of(request), leftover))) {
            return false;
        }
        read = before;
        data.position(start);
        tx = new H1Exchange(this, request, false, null);
        answerError(tx, 501, "WebSocket is not available: no '" + WS_ROLE + "' role is installed", HttpFields.EMPTY);
        beginBody(false, false);
        return read != Read.LINGER && read != Read.CLOSED;
    }

    private H1Request plainRequest(RequestLine line, HttpFields fields, String host) {
        return new H1Request(line, null, fields, stripPort(host), framing.length(),
                framing.kind() != BodyFraming.Kind.NONE, null, "", null, secure());
    }

    private boolean secure() {
        return connection.tls().isPresent();
    }

    private void applyMountKeepalive(Mount mount) {
        if (mount != null && mount.keepaliveTimeoutSecs().isPresent()) {
            keepaliveSecs = mount.keepaliveTimeoutSecs().getAsInt();
        }
    }

    /**
     * The Host to route by: the absolute-form authority if given, else the Host field. An
     * HTTP/1.1 request needs exactly one Host field (RFC 9112 section 3.2); its value must be
     * a plausible authority.
     */
    private static String host(RequestLine line, HttpFields fields, boolean http10) throws HttpWireException {
        List<String> hosts = fields.getAll("host");
        if (hosts.size() > 1) {
            throw new HttpWireException(400, "more than one Host field");
        }
        if (hosts.isEmpty() && !http10) {
            throw new HttpWireException(400, "HTTP/1.1 request without Host");
        }
        String host = line.authority() != null ? line.authority() : hosts.isEmpty() ? null : hosts.get(0);
        if (host != null) {
            for (int i = 0; i < host.length(); i++) {
                char c = host.charAt(i);
                boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                        || "-._~!$&'()*+,;=:[]%".indexOf(c) >= 0;
                if (!ok) {
                    throw new HttpWireException(400, "invalid character in Host");
                }
            }
        }
        return host;
    }

    private static String stripPort(String host) {
        if (host == null) {
            return null;
        }
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    private static boolean hostNames(Vhost vhost, String host) {
        String h = stripPort(host);
        if (h == null) {
            return false;
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equalsIgnoreCase(vhost.name());
    }

    /** Expect: only "100-continue" is defined (RFC 9110 section 10.1.1); anything else is 417. HTTP/1.0 ignores it. */
    private static boolean expectContinue(HttpFields fields, boolean http10) throws HttpWireException {
        List<String> expect = fields.getAll("expect");
        if (expect.isEmpty() || http10) {
            return false;
        }
        if (expect.size() == 1 && expect.get(0).equalsIgnoreCase("100-continue")) {
            return true;
        }
        throw new HttpWireException(417, "unsupported expectation");
    }

    /** HTTP/1.1 stays open unless "close"; HTTP/1.0 only with "keep-alive" (RFC 9112 section 9.3). */
    private static boolean keepAlive(HttpFields fields, boolean http10) {
        boolean close = false;
        boolean keep = false;
        for (String v : fields.getAll("connection")) {
            for (String token : v.split(",")) {
                String t = token.trim();
                close |= t.equalsIgnoreCase("close");
                keep |= t.equalsIgnoreCase("keep-alive");
            }
        }
        return !close && (!http10 || keep);
    }

    private ServerServices.VhostEntry routesOf(Vhost vhost) {
        if (vhost != routedVhost) {
            routes = services.vhost(vhost);
            routedVhost = vhost;
        }
        return routes;
    }

    // ---- the callback protocol binding ----

    private HttpSession bindSession(Route.Callback c, Vhost vhost) {
        if (session != null && c.mount().equals(sessionMount) && vhost.name().equals(sessionVhost)
                && c.protocol().equals(connection.protocolName())) {
            return session; // same mount area: the binding and its session stay (lws keeps the user space)
        }
        dropSession();
        Optional<Protocol> bound = binding.bindProtocol(c.protocol());
        if (bound.isEmpty() || !(bound.get() instanceof HttpProtocol protocol)) {
            binding.bindProtocol(null);
            LOG.log(Level.WARNING, () -> describe() + ": callback mount '" + c.mount().mountpoint() + "' names protocol '"
                    + c.protocol() + "', which is " + (bound.isEmpty() ? "not enabled or not installed" : "not an HttpProtocol"));
            return null;
        }
        HttpSession s = protocol.newHttpSession(connection);
        if (s == null) {
            binding.bindProtocol(null);
            throw new IllegalStateException("protocol '" + c.protocol() + "' returned no HttpSession");
        }
        session = s;
        sessionMount = c.mount();
        sessionVhost = vhost.name();
        return s;
    }

    /** Ends the binding: lws {@code LWS_CALLBACK_HTTP_DROP_PROTOCOL}. */
    private void dropSession() {
        HttpSession s = session;
        if (s == null) {
            return;
        }
        session = null;
        sessionMount = null;
        sessionVhost = null;
        if (read != Read.CLOSED) {
            binding.bindProtocol(null);
        }
        try {
            s.dropped(connection);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, describe() + ": error in the protocol's dropped event", e);
        }
    }

    // ---- reading the body ----

    private void beginBody(boolean toProtocol, boolean expectContinue) {
        discarded = 0;
        switch (framing.kind()) {
            case NONE, UNTIL_CLOSE -> read = Read.DONE;
            case LENGTH -> {
                bodyLeft = framing.length();
                if (toProtocol) {
                    read = Read.BODY;
                } else if (bodyLeft <= limits.discardBodyBytes() && !expectContinue) {
                    read = Read.DISCARD;
                } else {
                    // not worth reading: answer, then close instead of draining it
                    requestClose();
                    read = Read.DONE;
                }
            }
            case CHUNKED -> {
                if (chunked == null) {
                    chunked = new ChunkedDecoder(limits.maxBodyBytes(), limits.maxChunkLine(), limits.maxTrailerBytes());
                }
                chunked.reset();
                if (toProtocol) {
                    read = Read.BODY;
                } else {
                    requestClose();
                    read = Read.DONE;
                }
            }
        }
        if (read == Read.BODY || read == Read.DISCARD) {
            progress();
        } else {
            armTimer();
        }
    }

    /** @return false to stop reading this receive (paused, failed or closed) */
    private boolean readBody(ByteBuffer data) throws Exception {
        H1Exchange current = tx;
        int n;
        if (framing.kind() == BodyFraming.Kind.LENGTH) {
            n = (int) Math.min(data.remaining(), bodyLeft);
        } else {
            try {
                n = chunked.payloadAvailable(data);
            } catch (HttpWireException e) {
                fail(e.status(), e.getMessage(), HttpFields.EMPTY);
                return false;
            }
        }
        if (n > 0) {
            deliver(data, n);
            if (read == Read.CLOSED || read == Read.LINGER) {
                return false;
            }
            if (framing.kind() == BodyFraming.Kind.LENGTH) {
                bodyLeft -= n;
            } else {
                chunked.payloadConsumed(n);
            }
        }
        boolean ended = framing.kind() == BodyFraming.Kind.LENGTH ? bodyLeft == 0 : chunked.isComplete();
        if (ended) {
            bodyFinished(current);
        } else if (read == Read.DISCARD && discarded > limits.discardBodyBytes()) {
            LOG.log(Level.DEBUG, () -> describe() + ": unread request body over http-discard-body-bytes ("
                    + limits.discardBodyBytes() + "), closing");
            requestClose();
            if (tx == null || tx.isComplete()) {
                closeOrLinger();
                return false;
            }
            read = Read.DONE;
        }
        if (read == Read.BODY || read == Read.DISCARD) {
            progress();
        }
        // a protocol that paused reception gets no more of this receive: core holds the rest
        return connection.isRxEnabled() && read != Read.CLOSED;
    }

    private void deliver(ByteBuffer data, int n) throws Exception {
        int pos = data.position();
        if (read == Read.BODY && session != null) {
            int limit = data.limit();
            data.limit(pos + n);
            try {
                session.body(tx, data);
            } finally {
                if (read != Read.CLOSED) {
                    data.limit(limit);
                    data.position(pos + n);
                }
            }
        } else {
            discarded += n;
            data.position(pos + n);
        }
    }

    private void bodyFinished(H1Exchange current) throws Exception {
        boolean toProtocol = read == Read.BODY;
        read = Read.DONE;
        if (toProtocol && session != null && current == tx) {
            session.bodyComplete(current);
        }
        maybeNextRequest();
    }

    // ---- ending a transaction ----

    /** Called by the exchange when the last byte of its response went to the transport. */
    void responseComplete(H1Exchange done) {
        log(done);
        if (read == Read.BODY) {
            // the protocol answered without reading the whole body: drain a little, else close
            if (framing.kind() == BodyFraming.Kind.LENGTH && bodyLeft <= limits.discardBodyBytes()
                    || framing.kind() == BodyFraming.Kind.CHUNKED) {
                read = Read.DISCARD;
                discarded = 0;
                connection.rxFlowControl(true); // the protocol may have paused it
            } else {
                requestClose();
                read = Read.DONE;
            }
        }
        if (closeRequested || !done.keptAlive()) {
            closeAfterFlush();
            return;
        }
        maybeNextRequest();
    }

    private void maybeNextRequest() {
        if (tx == null || !tx.isComplete() || read != Read.DONE || closeWhenFlushed) {
            armTimer();
            return;
        }
        if (closeRequested) {
            closeAfterFlush();
            return;
        }
        tx = null;
        framing = BodyFraming.NONE;
        head.reset();
        heldInput = false;
        enterIdle();
        // the next pipelined request, if core holds one, arrives now
        connection.rxFlowControl(true);
    }

    private void enterIdle() {
        read = Read.IDLE;
        deadline = now() + keepaliveSecs * 1_000_000L;
        armTimer();
        if (peerDone) {
            // runs after core has handed over any pipelined bytes it held (queued first)
            connection.loop().execute(() -> {
                if (read == Read.IDLE) {
                    closeOrLinger();
                }
            });
        }
    }

    boolean closeRequested() {
        return closeRequested;
    }

    /** The connection closes once the current response has gone out. */
    void requestClose() {
        closeRequested = true;
    }

    private void closeAfterFlush() {
        closeWhenFlushed = true;
        if (binding.hasPendingOutput()) {
            deadline = now() + timeoutSecs * 1_000_000L;
            armTimer();
            connection.requestWriteable();
        } else {
            closeOrLinger();
        }
    }

    /**
     * Closes, or first lingers when input may still be unread (a failed request, an unread
     * body, pipelined requests): closing a socket with unread input makes the kernel send a
     * reset, which can destroy the response before the peer reads it.
     */
    private void closeOrLinger() {
        boolean unread = heldInput || read == Read.BODY || read == Read.DISCARD || read == Read.HEAD
                || read == Read.LINGER || framing.kind() != BodyFraming.Kind.NONE && read == Read.DONE && bodyLeftUnread();
        if (!unread || limits.lingerSecs() == 0) { // http-linger-secs 0: close at once, even into a reset
            connection.close();
            return;
        }
        if (!lingering) {
            lingering = true;
            read = Read.LINGER;
            discarded = 0;
            deadline = now() + limits.lingerSecs() * 1_000_000L;
            // the response is complete: tell the client so (FIN) while its input drains
            binding.shutdownOutput();
        }
        armTimer();
        connection.rxFlowControl(true);
    }

    private boolean bodyLeftUnread() {
        return framing.kind() == BodyFraming.Kind.LENGTH ? bodyLeft > 0
                : framing.kind() == BodyFraming.Kind.CHUNKED && chunked != null && !chunked.isComplete();
    }

    // ---- failures ----

    /**
     * The request cannot be served and the byte stream is no longer trustworthy: answer
     * {@code status} if no response has started, then close (after lingering).
     */
    private void fail(int status, String why, HttpFields extra) {
        LOG.log(Level.INFO, () -> describe() + ": " + status + " " + HttpStatus.reason(status) + ": " + why);
        releaseSlot();
        requestClose();
        H1Exchange old = tx;
        if (old != null && (old.headSent() || old.isComplete() && !old.keptAlive())) {
            // a response is already on the wire: no second one can follow
            old.abandon();
            read = Read.LINGER;
            closeOrLinger();
            return;
        }
        if (old != null) {
            old.abandon();
        }
        read = Read.LINGER;
        discarded = 0;
        deadline = now() + Math.max(limits.lingerSecs(), timeoutSecs) * 1_000_000L;
        armTimer();
        H1Request request = old == null ? null : old.h1Request();
        tx = new H1Exchange(this, request, false, null);
        answerError(tx, status, HttpStatus.reason(status), extra);
    }

    /** Answers with the vhost's error handling: error-document-404 redirect, else its error page. */
    void answerError(H1Exchange exchange, int status, String message, HttpFields extra) {
        VhostRoutes r = routesOf(connection.vhost()).routes();
        if (status == 404 && r != null && r.errorDocument404().isPresent()) {
            exchange.respondBytes(302, extra.toBuilder().set("location", r.errorDocument404().get()).build(), new byte[0]);
            return;
        }
        ErrorPage page = r == null ? new ErrorPage("text/plain; charset=utf-8",
                (status + " " + HttpStatus.reason(status) + "\n").getBytes(StandardCharsets.UTF_8))
                : r.errorPage(status, message);
        exchange.respondBytes(status, extra.toBuilder().set("content-type", page.contentType()).build(), page.body());
    }

    // ---- timers ----

    private void progress() {
        deadline = now() + timeoutSecs * 1_000_000L;
        armTimer();
    }

    private void armTimer() {
        if (timer == null || read == Read.CLOSED) {
            return;
        }
        boolean waitingOnProtocol = read == Read.DONE && tx != null && !tx.isComplete() && !tx.roleDriven()
                && !binding.hasPendingOutput() && !closeWhenFlushed;
        if (waitingOnProtocol) {
            timer.cancel(); // a callback protocol may take its time (long poll); it has its own timeouts
        } else {
            timer.scheduleAt(deadline);
        }
    }

    private void timedOut() {
        switch (read) {
            case HEAD -> fail(408, "request head not complete within http-header-timeout-secs ("
                    + limits.headerTimeoutSecs() + "s)", HttpFields.EMPTY);
            case BODY -> {
                if (tx != null && !tx.headersSent()) {
                    fail(408, "request body stalled for timeout-secs (" + timeoutSecs + "s)", HttpFields.EMPTY);
                } else {
                    connection.close();
                }
            }
            case IDLE -> {
                LOG.log(Level.DEBUG, () -> describe() + ": keep-alive timeout");
                connection.close();
            }
            default -> {
                LOG.log(Level.DEBUG, () -> describe() + ": timeout in state " + read + ", closing");
                connection.close();
            }
        }
    }

    private long now() {
        return connection.loop().scheduler().nowMicros();
    }

    private void releaseSlot() {
        if (slotHeld) {
            slotHeld = false;
            services.headerSlots().release(peerKey);
        }
    }

    // ---- access log ----

    private void log(H1Exchange done) {
        Vhost vhost = connection.vhost();
        if (vhost != loggedVhost || accessLog == null) {
            Path file = routesOf(vhost).accessLog();
            if (file == null) {
                return;
            }
            accessLog = services.accessLogs().of(vhost, file, services.settings().httpLimits().accessLogQueueLines());
            if (accessLog == null) {
                return; // cannot be opened: AccessLogs said so, and retries on the next line
            }
            loggedVhost = vhost;
        }
        H1Request r = done.h1Request();
        String requestLine = r == null ? "-" : r.toString();
        String user = r == null ? null : r.authenticatedUser().orElse(null);
        String referer = r == null ? null : r.headers().get("referer").orElse(null);
        String agent = r == null ? null : r.headers().get("user-agent").orElse(null);
        accessLog.log(peerKey, user, System.currentTimeMillis(), requestLine, done.status(), done.bodyBytes(), referer, agent);
    }

    // ---- what the exchange uses ----

    RoleBinding binding() {
        return binding;
    }

    Connection connection() {
        return connection;
    }

    LoopBuffers buffers() {
        return buffers;
    }

    BodyOutput bodyOutput() {
        return bodyOutput;
    }

    String serverString() {
        return services.settings().serverString();
    }

    HttpFields commonHeaders() {
        VhostRoutes r = routesOf(connection.vhost()).routes();
        return r == null ? HttpFields.EMPTY : r.commonHeaders(secure());
    }

    String describe() {
        return "vhost '" + connection.vhost().name() + "' h1 connection #" + connection.id()
                + (peerKey.isEmpty() ? "" : " " + peerKey);
    }

    /** Served bodies reach the transport through this: zero-copy files, or the loop's scratch buffer. */
    private final class WireBodyOutput implements BodyOutput {

        @Override
        public long sendFile(FileChannel file, long position, long count) throws IOException {
            return binding.sendFile(file, position, count);
        }

        @Override
        public ByteBuffer buffer() {
            return buffers.body();
        }

        @Override
        public void send(ByteBuffer data) {
            binding.send(data);
        }
    }

    private static void closeQuietly(Closeable body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // releasing a file handle that failed to close: nothing to do
        }
    }
}
