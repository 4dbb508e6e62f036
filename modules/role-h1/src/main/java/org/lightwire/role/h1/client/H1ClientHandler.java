package org.lightwire.role.h1.client;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import org.lightwire.api.ClientRequest;
import org.lightwire.api.Connection;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.LightwireException;
import org.lightwire.api.Protocol;
import org.lightwire.api.Sequencer;
import org.lightwire.api.SequencerEvent;
import org.lightwire.api.SequencerHandler;
import org.lightwire.api.Timer;
import org.lightwire.api.WriteDisciplineException;
import org.lightwire.api.http.HttpClientProtocol;
import org.lightwire.api.http.HttpFields;
import org.lightwire.role.h1.wire.ChunkEncoder;
import org.lightwire.role.h1.wire.HttpWireException;
import org.lightwire.spi.RoleBinding;
import org.lightwire.spi.RoleHandler;

/**
 * The h1 role's state machine for one client network connection (lws client http wsi:
 * {@code lws_client_http} send, {@code lws_client_interpret_server_handshake},
 * {@code lws_http_client_read}). It sends requests one at a time — its own first, then
 * pipelined requests queued behind it while the server keeps the connection alive — reads
 * each response and turns it into {@link org.lightwire.api.http.HttpClientSession} events.
 *
 * <ul>
 *   <li>Request: head from {@code prepareRequest}, body in {@code writeableRequestBody}
 *       events, Content-Length or chunked as announced (and enforced).</li>
 *   <li>Response: interim 1xx skipped; no body for HEAD, 204, 304; length, chunked or
 *       until-close bodies delivered in place as slices of the receive buffer. When the
 *       session pauses reception ({@code rxFlowControl(false)}) the handler stops at once
 *       and core keeps the rest until it resumes.</li>
 *   <li>Response timeout: the context's {@code timeout-secs} without progress once the
 *       request is sent (not counted while the session has paused reception).</li>
 *   <li>Failures (malformed response, timeout, early close) reach the session as
 *       {@code failed} with an {@link HttpClientFailure}, and the connection closes.</li>
 *   <li>Keep-alive: after a response that keeps the connection alive the next queued request
 *       goes out; otherwise queued requests fall back to connections of their own (lws
 *       detaching its queued client wsis). With nothing queued the connection closes.</li>
 * </ul>
 */
public final class H1ClientHandler implements RoleHandler {

    private static final System.Logger LOG = System.getLogger("org.lightwire.role.h1");

    private enum State { CONNECTING, OPEN, CLOSED }

    private final RoleBinding binding;
    private final Connection wire;
    private final ClientRoute route;
    private final ClientExchange own;
    private final ArrayDeque<ClientExchange> queue = new ArrayDeque<>();
    private final ResponseReader reader;
    private final int timeoutSecs;
    // chunk framing around request body writes; core copies what the socket does not take
    private final ByteBuffer framing = ByteBuffer.allocate(ChunkEncoder.MAX_CHUNK_START);
    private final Pipelines.Key pipelineKey;

    private State state = State.CONNECTING;
    private ClientExchange current;
    private volatile boolean takesQueued;
    private Timer responseTimer;
    private HttpClientFailure failure;

    /**
     * Binds a client connection made for an h1 {@link ClientRequest}; its protocol must be
     * an {@link HttpClientProtocol}.
     * @throws LightwireException if the connection is not a client connection or the
     *         protocol is not an HTTP client protocol
     */
    public H1ClientHandler(RoleBinding binding) {
        this.binding = binding;
        this.wire = binding.connection();
        ClientRequest request = binding.clientRequest().orElseThrow(() -> new LightwireException(
                "role 'h1' client handler bound to a connection that was not made for a client request"));
        Protocol protocol = binding.protocol();
        if (!(protocol instanceof HttpClientProtocol http)) {
            throw new LightwireException("role 'h1' client connection to " + request.host() + ":" + request.port()
                    + " needs an HttpClientProtocol, but protocol '" + wire.protocolName() + "' is not one");
        }
        Pipelines.Pending pending = Pipelines.claim(request);
        this.route = pending != null ? pending.route() : ClientRoute.direct(request.host(), request.port());
        ContextSettings settings = wire.vhost().context().settings();
        this.reader = new ResponseReader(settings.httpLimits());
        this.timeoutSecs = settings.timeoutSecs();
        if (pending != null && pending.adopted() != null) {
            // a pipelined request falling back to a connection of its own keeps its session
            own = pending.adopted();
        } else {
            own = new ClientExchange(request, route);
            own.presented = wire;
            own.session = http.newHttpClientSession(wire);
        }
        own.carrier = this;
        current = own;
        Pipelines.Key key = null;
        if (request.pipeline() && own.presented == wire) {
            Pipelines.Key k = Pipelines.Key.of(wire.vhost(), route);
            if (Pipelines.offer(k, this)) {
                key = k;
                takesQueued = true;
            }
        }
        this.pipelineKey = key;
    }

    // ---- what pipelined requests and their connection objects use ----

    Connection wire() {
        return wire;
    }

    /** Whether {@code request} may queue here (callable from any thread). */
    boolean takesQueued(ClientRequest request) {
        return takesQueued && request.sequencer().map(s -> s.loop() == wire.loop()).orElse(true);
    }

    /** Queues a pipelined request behind this connection's current one. Loop thread. */
    void enqueue(ClientExchange x) {
        if (state == State.CLOSED || !takesQueued) {
            detach(x);
            return;
        }
        x.carrier = this;
        x.phase = ClientExchange.Phase.WAITING;
        queue.add(x);
    }

    /** Whether {@code x}'s response is what this connection is reading now. */
    boolean isReceiving(ClientExchange x) {
        return x == current && state == State.OPEN;
    }

    void requestWriteableFor(ClientExchange x) {
        if (x == current && x.phase == ClientExchange.Phase.BODY && state == State.OPEN) {
            wire.requestWriteable();
        }
    }

    /** The application closed {@code x}'s own connection object. */
    void abandon(ClientExchange x) {
        if (queue.remove(x)) {
            x.carrier = null;
            x.fail(new IOException("closed before the request was sent"));
        } else if (x == current) {
            // the stream cannot be resynchronised mid-response: the network connection goes
            x.closed();
            current = null;
            wire.close();
        }
    }

    // ---- RoleHandler ----

    @Override
    public void opened() {
        state = State.OPEN;
        start(current);
    }

    private void start(ClientExchange x) {
        current = x;
        x.carrier = this;
        x.phase = ClientExchange.Phase.HEAD;
        if (wire.isRxEnabled() != x.rxWanted && x.presented != wire) {
            wire.rxFlowControl(x.rxWanted);
        }
        wire.requestWriteable();
    }

    @Override
    public void writeable() throws Exception {
        ClientExchange x = current;
        if (state != State.OPEN || x == null) {
            return;
        }
        switch (x.phase) {
            case HEAD -> sendHead(x);
            case BODY -> {
                x.inBodyEvent = true;
                x.wroteInEvent = false;
                x.writeableWanted = false;
                try {
                    x.session.writeableRequestBody(x);
                } finally {
                    x.inBodyEvent = false;
                }
            }
            default -> { }
        }
    }

    private void sendHead(ClientExchange x) throws Exception {
        HttpFields.Builder fields = HttpFields.builder();
        long length = x.session.prepareRequest(x, fields);
        if (length < -1) {
            throw new IllegalArgumentException(x + ": prepareRequest returned " + length
                    + "; use 0 for no body, -1 for chunked, or the body length");
        }
        // only a connection that takes pipelined requests asks the server to keep it open
        boolean closeAfter = pipelineKey == null;
        ByteBuffer head = RequestHead.encode(x.method, x.route.requestTarget(x.path()), x.route, fields.build(),
                length, closeAfter);
        x.bodyLength = length;
        x.bodyWritten = 0;
        x.bodyDone = length == 0;
        reader.expect(x.headRequest());
        binding.send(head);
        if (state != State.OPEN) {
            return;
        }
        if (x.bodyDone) {
            x.phase = ClientExchange.Phase.RESPONSE;
            armTimer();
        } else {
            x.phase = ClientExchange.Phase.BODY;
            wire.requestWriteable();
        }
    }

    /** One body write of {@code x}, inside its writeableRequestBody event. */
    void writeBody(ClientExchange x, ByteBuffer data, boolean last) {
        if (x != current || x.phase != ClientExchange.Phase.BODY) {
            throw new WriteDisciplineException(x + ": writeBody while no request body of this request is being sent");
        }
        if (!x.inBodyEvent) {
            throw new WriteDisciplineException(x + ": writeBody outside the writeableRequestBody event;"
                    + " call requestWriteable() and write from the event");
        }
        if (x.wroteInEvent) {
            throw new WriteDisciplineException(x + ": second writeBody in one writeableRequestBody event;"
                    + " request another event for the rest");
        }
        x.wroteInEvent = true;
        int n = data.remaining();
        if (x.bodyLength > 0) {
            if (x.bodyWritten + n > x.bodyLength) {
                badBody(x, "request body longer than the announced Content-Length " + x.bodyLength);
            }
            if (last && x.bodyWritten + n < x.bodyLength) {
                badBody(x, "request body ended after " + (x.bodyWritten + n) + " bytes, short of the announced Content-Length "
                        + x.bodyLength);
            }
            binding.send(data);
        } else {
            if (n > 0) {
                framing.clear();
                ChunkEncoder.putChunkStart(framing, n);
                binding.send(framing.flip());
                binding.send(data);
                framing.clear();
                ChunkEncoder.putChunkEnd(framing);
                binding.send(framing.flip());
            }
            if (last) {
                framing.clear();
                ChunkEncoder.putLastChunk(framing);
                binding.send(framing.flip());
            }
        }
        x.bodyWritten += n;
        if (last) {
            x.bodyDone = true;
            x.phase = ClientExchange.Phase.RESPONSE;
            armTimer();
        }
    }

    private void badBody(ClientExchange x, String message) {
        failure = new HttpClientFailure(HttpClientFailure.Kind.BAD_REQUEST_BODY, route.peer(), x + ": " + message);
        wire.close();
        throw new IllegalStateException(failure.getMessage());
    }

    @Override
    public void write(ByteBuffer data) {
        // Connection.write from the protocol inside writeableRequestBody: body bytes
        ClientExchange x = current;
        if (x == null) {
            throw new WriteDisciplineException(wire + ": no HTTP request is being sent");
        }
        writeBody(x, data, false);
    }

    @Override
    public void received(ByteBuffer data) throws Exception {
        if (state != State.OPEN) {
            data.position(data.limit());
            return;
        }
        ClientExchange x = current;
        if (x != null && x.phase == ClientExchange.Phase.RESPONSE) {
            armTimer();
        }
        while (state == State.OPEN) {
            x = current;
            if (x == null || !reader.expecting()
                    || x.phase != ClientExchange.Phase.BODY && x.phase != ClientExchange.Phase.RESPONSE) {
                if (data.hasRemaining()) {
                    malformed(x, data.remaining() + " bytes arrived while no response was expected");
                }
                return;
            }
            ResponseReader.Step step;
            try {
                step = reader.next(data);
            } catch (HttpWireException e) {
                malformed(x, e.getMessage());
                return;
            }
            switch (step) {
                case NEED_MORE -> {
                    return;
                }
                case INTERIM -> { }
                case HEAD -> {
                    x.status = reader.status();
                    x.reason = reader.reason();
                    x.responseHeaders = reader.fields();
                    if (!reader.keepAlive()) {
                        refuseQueued();
                    }
                    x.session.responseHeaders(x);
                    if (!stillReceiving(x)) {
                        return;
                    }
                }
                case BODY -> {
                    int n = reader.bodyBytes();
                    int position = data.position();
                    int limit = data.limit();
                    data.limit(position + n);
                    try {
                        x.session.responseBody(x, data);
                    } finally {
                        // the session sees exactly its slice; whatever it read, the slice is consumed
                        data.limit(limit).position(position + n);
                    }
                    reader.bodyConsumed(n);
                    if (!stillReceiving(x)) {
                        return;
                    }
                }
                case COMPLETE -> complete(x);
            }
        }
    }

    /** After a session event: false if the connection closed, the request ended, or the session paused reception. */
    private boolean stillReceiving(ClientExchange x) {
        return state == State.OPEN && current == x && x.phase != ClientExchange.Phase.ENDED && wire.isRxEnabled();
    }

    private void complete(ClientExchange x) throws Exception {
        cancelTimer();
        reader.idle();
        // a request whose body was cut short by its response leaves the stream unusable
        boolean again = x.bodyDone && reader.keepAlive();
        x.phase = ClientExchange.Phase.DONE;
        x.session.responseComplete(x);
        if (x.presented != wire) {
            // a request without a network connection of its own ends with its response
            x.closed();
        }
        if (state != State.OPEN || current != x) {
            return;
        }
        current = null;
        if (again && !queue.isEmpty()) {
            start(queue.poll());
            return;
        }
        refuseQueued();
        wire.close();
    }

    private void malformed(ClientExchange x, String message) {
        String what = x == null ? "server" : "response to " + x.method + " " + x.path();
        failure = new HttpClientFailure(HttpClientFailure.Kind.MALFORMED_RESPONSE, route.peer(), "malformed " + what + ": " + message);
        LOG.log(Level.INFO, () -> wire + ": " + failure.getMessage() + "; closing");
        wire.close();
    }

    @Override
    public void closed() {
        state = State.CLOSED;
        cancelTimer();
        refuseQueued();
        ClientExchange x = current;
        current = null;
        if (x != null && x.phase != ClientExchange.Phase.ENDED && x.phase != ClientExchange.Phase.DONE) {
            if (failure == null && (x.phase == ClientExchange.Phase.RESPONSE || x.phase == ClientExchange.Phase.BODY)) {
                if (reader.untilClose() && reader.endOfInput()) {
                    x.phase = ClientExchange.Phase.DONE;
                    guarded(x, () -> x.session.responseComplete(x));
                    if (x.presented != wire) {
                        guarded(x, x::closed);
                    }
                } else {
                    HttpClientFailure early = new HttpClientFailure(HttpClientFailure.Kind.PREMATURE_CLOSE, route.peer(),
                            "connection closed " + (reader.started() ? reader.progress() : "before any response arrived")
                                    + " (" + x.method + " " + x.path() + ")");
                    guarded(x, () -> x.fail(early));
                }
            } else if (x != own && (x.phase == ClientExchange.Phase.WAITING || x.phase == ClientExchange.Phase.HEAD)) {
                // a pipelined request whose head never went out can still be made elsewhere
                detach(x);
            } else {
                Throwable cause = failure != null ? failure
                        : new IOException("connection closed before the request was sent");
                guarded(x, () -> x.fail(cause));
            }
        }
        if (own.phase == ClientExchange.Phase.DONE) {
            guarded(own, own::closed);
        } else if (own.phase != ClientExchange.Phase.ENDED && own != x) {
            guarded(own, () -> own.fail(failure != null ? failure : new IOException("connection closed")));
        }
    }

    @Override
    public void connectFailed(Throwable cause) {
        state = State.CLOSED;
        withdraw();
        guarded(own, () -> own.fail(cause));
        // the queued requests go to the same server, which could not be reached
        for (ClientExchange x; (x = queue.poll()) != null; ) {
            ClientExchange q = x;
            q.carrier = null;
            guarded(q, () -> q.fail(cause));
        }
    }

    /** Runs a session event from a close path, where one failing session must not stop the others hearing theirs. */
    private void guarded(ClientExchange x, SessionEvent event) {
        try {
            event.run();
        } catch (Exception e) {
            LOG.log(Level.ERROR, wire + ": session event of " + x + " failed: " + e, e);
        }
    }

    /** A session event that may throw. */
    @FunctionalInterface
    private interface SessionEvent {
        void run() throws Exception;
    }

    // ---- pipelining ----

    /** This connection takes no more queued requests; those waiting get connections of their own. */
    private void refuseQueued() {
        takesQueued = false;
        withdraw();
        for (ClientExchange x; (x = queue.poll()) != null; ) {
            detach(x);
        }
    }

    private void withdraw() {
        if (pipelineKey != null) {
            Pipelines.withdraw(pipelineKey, this);
        }
    }

    /**
     * Gives a queued request a connection of its own (lws: a queued client wsi detached to
     * connect by itself), on this loop so its session keeps its thread.
     */
    private void detach(ClientExchange x) {
        x.carrier = null;
        x.phase = ClientExchange.Phase.WAITING;
        Sequencer pin = x.request.sequencer().orElse(null);
        boolean ownPin = pin == null;
        if (ownPin) {
            pin = pinToLoop(x);
        }
        ClientRequest dialed = H1Client.redial(x.request, x.route.dialHost(), x.route.dialPort(), false, pin);
        Pipelines.expect(dialed, new Pipelines.Pending(x.route, x));
        try {
            wire.vhost().connect(dialed);
        } catch (RuntimeException e) {
            Pipelines.claim(dialed);
            if (ownPin) {
                pin.destroy();
            }
            guarded(x, () -> x.fail(e));
        }
    }

    /**
     * A sequencer whose only job is to make core open the connection on this loop (a
     * client connection lands on the loop of its request's sequencer); it destroys itself
     * once the connection is over.
     */
    private Sequencer pinToLoop(ClientExchange x) {
        return wire.vhost().context().createSequencer("h1 pipelined request " + x, wire.loop().index(),
                wire.retryPolicy(), (sequencer, event) -> event.kind() == SequencerEvent.Kind.CONNECTION_FAILED
                        || event.kind() == SequencerEvent.Kind.CONNECTION_CLOSED
                        ? SequencerHandler.Result.DESTROY : SequencerHandler.Result.CONTINUE);
    }

    // ---- response timeout ----

    private void armTimer() {
        if (responseTimer == null) {
            responseTimer = wire.loop().scheduler().newTimer(this::responseTimedOut);
        }
        responseTimer.schedule(timeoutSecs * 1_000_000L);
    }

    private void cancelTimer() {
        if (responseTimer != null) {
            responseTimer.cancel();
        }
    }

    private void responseTimedOut() {
        ClientExchange x = current;
        if (state != State.OPEN || x == null || x.phase != ClientExchange.Phase.RESPONSE) {
            return;
        }
        if (!wire.isRxEnabled()) {
            // the session paused reception: the server is not the one being slow
            armTimer();
            return;
        }
        failure = new HttpClientFailure(HttpClientFailure.Kind.RESPONSE_TIMEOUT, route.peer(), "no response progress within "
                + timeoutSecs + "s (timeout-secs) " + (reader.started() ? reader.progress() : "waiting for the response")
                + " (" + x.method + " " + x.path() + ")");
        LOG.log(Level.INFO, () -> wire + ": " + failure.getMessage() + "; closing");
        wire.close();
    }
}
