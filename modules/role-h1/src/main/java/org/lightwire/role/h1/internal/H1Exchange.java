package org.lightwire.role.h1.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.lightwire.api.Connection;
import org.lightwire.api.Mount;
import org.lightwire.api.WriteDisciplineException;
import org.lightwire.api.http.HttpExchange;
import org.lightwire.api.http.HttpFields;
import org.lightwire.api.http.HttpRequest;
import org.lightwire.api.http.HttpSession;
import org.lightwire.api.http.HttpStatus;
import org.lightwire.http.ResponseBody;
import org.lightwire.role.h1.wire.ChunkEncoder;

/**
 * One HTTP/1.1 transaction's response side (lws: an HTTP wsi from {@code LWS_CALLBACK_HTTP}
 * to {@code lws_http_transaction_completed}): whoever answers — a route the role serves
 * itself, or a callback protocol through the {@link HttpExchange} API — the head is
 * serialized into the loop's head buffer in a writeable event and the body follows in
 * writeable events, framed by Content-Length or chunked.
 *
 * <h2>Writeable discipline for protocols</h2>
 * {@link #write} is allowed once per {@link HttpSession#writeable} event, exactly as
 * {@link Connection#write}; outside one, or a second time, it throws
 * {@link WriteDisciplineException}. The role's own output (the head, 100 Continue, in-memory
 * bodies, one {@link ResponseBody#sendNext} step) goes out in the same events and does not
 * count against the protocol.
 */
final class H1Exchange implements HttpExchange {

    private enum Kind { UNDECIDED, BYTES, SERVE, STREAM }

    /** In-memory bodies up to this size are sent in the same buffer as the head. */
    private static final int INLINE_BODY = 16 * 1024;

    private final H1ServerHandler handler;
    private final H1Request request;
    private final boolean headRequest;
    private final boolean http10;
    private final boolean keepAliveRequested;
    private final Mount mount;
    private HttpSession session;

    private Kind kind = Kind.UNDECIDED;
    private int status;
    private HttpFields headers = HttpFields.EMPTY;
    private long declaredLength;
    private byte[] bytes;
    private int bytesSent;
    private ResponseBody serveBody;
    private boolean headersGiven;
    private boolean headPending;
    private boolean headSent;
    private boolean chunked;
    private boolean noBody;
    private boolean keepAlive;
    private boolean continuePending;
    private boolean complete;
    private long bodyBytes;
    // what the protocol wrote, checked against the declared length (HEAD included)
    private long written;

    // writeable bookkeeping
    private boolean protocolAsked;
    private boolean roleAsked;
    private boolean inProtocolWriteable;
    private boolean wroteInEvent;

    /**
     * @param request the request; null for an error answered before a request could be parsed
     */
    H1Exchange(H1ServerHandler handler, H1Request request, boolean keepAliveRequested, Mount mount) {
        this.handler = handler;
        this.request = request;
        this.headRequest = request != null && request.method().equals("HEAD");
        this.http10 = request != null && request.line().minor() == 0;
        this.keepAliveRequested = keepAliveRequested;
        this.mount = mount;
    }

    void session(HttpSession s) {
        this.session = s;
    }

    Mount mount() {
        return mount;
    }

    int status() {
        return status;
    }

    long bodyBytes() {
        return bodyBytes;
    }

    H1Request h1Request() {
        return request;
    }

    /** Whether the response head has gone to the transport. */
    boolean headSent() {
        return headSent;
    }

    /** Whether the role, not a protocol, produces the rest of the response. */
    boolean roleDriven() {
        return kind == Kind.BYTES || kind == Kind.SERVE;
    }

    /** Whether the response head said the connection stays open. */
    boolean keptAlive() {
        return keepAlive;
    }

    // ---- what the role answers itself ----

    /** A route's file or zip body (lws {@code lws_serve_http_file}). */
    void serve(int status, HttpFields headers, ResponseBody body) {
        begin(Kind.SERVE, status, headers, body.length());
        this.serveBody = body;
    }

    /** A complete response held in memory; {@code body} is not copied and must not change. */
    void respondBytes(int status, HttpFields headers, byte[] body) {
        begin(Kind.BYTES, status, headers, body.length);
        this.bytes = body;
    }

    /** Sends "100 Continue" before anything else, unless a final response is already on its way. */
    void sendContinue() {
        if (kind == Kind.UNDECIDED && !headSent) {
            continuePending = true;
            roleWriteable();
        }
    }

    /** The transaction is given up (the connection is failing): nothing more may be written. */
    void abandon() {
        complete = true;
        closeServeBody();
    }

    private void begin(Kind k, int status, HttpFields headers, long length) {
        if (complete) {
            throw new IllegalStateException("the transaction has already ended");
        }
        if (headersGiven) {
            throw new IllegalStateException("response headers were already given (status " + this.status + ")");
        }
        this.kind = k;
        this.status = status;
        this.headers = headers;
        this.declaredLength = length;
        this.headersGiven = true;
        this.headPending = true;
        this.noBody = headRequest || HttpStatus.isBodyless(status);
        continuePending = false;
        if (!inProtocolWriteable) {
            roleWriteable();
        }
    }

    private void roleWriteable() {
        roleAsked = true;
        handler.connection().requestWriteable();
    }

    // ---- writeable event ----

    /** The connection is writeable: the role's output first, then the protocol's turn if it asked. */
    void onWriteable() throws Exception {
        boolean protocolTurn = session != null && (protocolAsked || !roleAsked)
                && (kind == Kind.UNDECIDED || kind == Kind.STREAM);
        roleAsked = false;
        flushRoleOutput(true);
        if (protocolTurn && !complete) {
            protocolAsked = false;
            inProtocolWriteable = true;
            wroteInEvent = false;
            try {
                session.writeable(this);
            } finally {
                inProtocolWriteable = false;
            }
            // a head or an in-memory response given during the event goes out now
            flushRoleOutput(false);
        }
    }

    private void flushRoleOutput(boolean mayStepServe) throws IOException {
        if (complete) {
            return;
        }
        if (continuePending) {
            continuePending = false;
            ByteBuffer out = handler.buffers().head(64);
            ResponseHead.putContinue(out);
            out.flip();
            handler.binding().send(out);
        }
        if (headPending) {
            sendHead();
            if (complete) {
                return;
            }
        }
        if (kind == Kind.BYTES && headSent) {
            sendBytes();
        } else if (kind == Kind.SERVE && headSent && mayStepServe) {
            stepServe();
        }
    }

    private void sendHead() throws IOException {
        headPending = false;
        keepAlive = keepAliveRequested && !handler.closeRequested() && (declaredLength >= 0 || !http10 || noBody);
        if (!keepAlive) {
            handler.requestClose();
        }
        HttpFields common = handler.commonHeaders();
        // small in-memory bodies ride with the head; large ones follow without a copy
        int inline = kind == Kind.BYTES && !noBody && bytes.length <= INLINE_BODY ? bytes.length : 0;
        boolean serveInline = kind == Kind.SERVE && !noBody && declaredLength >= 0 && declaredLength <= INLINE_BODY;
        if (serveInline) {
            inline = (int) declaredLength;
        }
        ByteBuffer out = handler.buffers().head(256 + ResponseHead.estimate(headers) + ResponseHead.estimate(common)
                + handler.serverString().length() + inline);
        ResponseHead.putStatusLine(out, status);
        ResponseHead.putField(out, "Server", handler.serverString());
        ResponseHead.putField(out, "Date", HttpDate.now());
        ResponseHead.putFields(out, common);
        ResponseHead.putFields(out, headers);
        if (status >= 200 && status != 204 && status != 304) {
            if (declaredLength >= 0) {
                ResponseHead.putField(out, "Content-Length", declaredLength);
            } else if (!http10) {
                ResponseHead.putField(out, "Transfer-Encoding", "chunked");
                chunked = true;
            }
        }
        if (!keepAlive) {
            ResponseHead.putField(out, "Connection", "close");
        } else if (http10) {
            ResponseHead.putField(out, "Connection", "keep-alive");
        }
        ResponseHead.crlf(out);
        boolean servedInline = false;
        if (serveInline) {
            // a small file travels with the head: one write, one packet
            servedInline = serveBody.copyWholeInto(out);
            if (servedInline) {
                bodyBytes = declaredLength;
            }
        } else if (inline > 0) {
            // small in-memory bodies travel with the head: one transport operation
            out.put(bytes);
            bytesSent = bytes.length;
            bodyBytes = bytes.length;
        }
        out.flip();
        handler.binding().send(out);
        headSent = true;
        if (servedInline) {
            closeServeBody();
            complete();
            return;
        }
        if (noBody) {
            closeServeBody();
            if (kind != Kind.STREAM) {
                complete(); // a protocol's stream still ends with its last write
            }
        } else if (kind == Kind.BYTES && bytesSent == bytes.length) {
            complete();
        }
    }

    private void sendBytes() {
        if (noBody || bytesSent >= bytes.length) {
            complete();
            return;
        }
        ByteBuffer rest = ByteBuffer.wrap(bytes, bytesSent, bytes.length - bytesSent);
        bodyBytes += rest.remaining();
        bytesSent = bytes.length;
        handler.binding().send(rest);
        complete();
    }

    private void stepServe() throws IOException {
        long n = serveBody.sendNext(handler.bodyOutput());
        if (n < 0) {
            closeServeBody();
            complete();
            return;
        }
        bodyBytes += n;
        if (bodyBytes > declaredLength) {
            throw new IOException("response body sent more than its declared " + declaredLength + " bytes");
        }
        roleWriteable();
    }

    private void closeServeBody() {
        if (serveBody != null) {
            try {
                serveBody.close();
            } catch (IOException ignored) {
                // releasing a file handle that failed to close: nothing to do
            }
            serveBody = null;
        }
    }

    private void complete() {
        if (complete) {
            return;
        }
        complete = true;
        handler.responseComplete(this);
    }

    /** The connection closed: release what the response holds. */
    void connectionClosed() {
        complete = true;
        closeServeBody();
    }

    // ---- HttpExchange: what protocols call ----

    @Override
    public Connection connection() {
        return handler.connection();
    }

    @Override
    public HttpRequest request() {
        return request;
    }

    @Override
    public void sendHeaders(int status, HttpFields headers, long contentLength) {
        checkStatus(status);
        begin(Kind.STREAM, status, headers, contentLength < 0 ? -1 : contentLength);
    }

    @Override
    public void write(ByteBuffer data, boolean last) {
        if (complete) {
            throw new IllegalStateException("write after the transaction ended");
        }
        if (kind != Kind.STREAM) {
            throw new IllegalStateException("write before sendHeaders (or after respond/sendError/redirect)");
        }
        if (!inProtocolWriteable) {
            throw new WriteDisciplineException(handler.describe()
                    + ": HTTP body write outside a writeable event; call requestWriteable() and write from writeable()");
        }
        if (wroteInEvent) {
            throw new WriteDisciplineException(handler.describe()
                    + ": second HTTP body write in one writeable event; request another writeable event for the rest");
        }
        int n = data.remaining();
        if (declaredLength >= 0 && written + n > declaredLength) {
            throw new IllegalStateException("write of " + n + " bytes goes past the declared Content-Length "
                    + declaredLength + " (" + written + " already written)");
        }
        if (last && declaredLength >= 0 && written + n < declaredLength) {
            throw new IllegalStateException("last write ends the body at " + (written + n)
                    + " bytes, short of the declared Content-Length " + declaredLength);
        }
        wroteInEvent = true;
        written += n;
        if (headPending) {
            try {
                sendHead();
            } catch (IOException e) {
                // only served files read in sendHead; a protocol's stream never does
                throw new java.io.UncheckedIOException(e);
            }
        }
        if (noBody) {
            data.position(data.limit()); // HEAD, 204, 304: the protocol's body goes nowhere
        } else if (chunked) {
            sendChunk(data, last);
        } else {
            handler.binding().send(data);
        }
        if (!noBody) {
            bodyBytes += n;
        }
        if (last) {
            complete();
        }
    }

    private void sendChunk(ByteBuffer data, boolean last) {
        int n = data.remaining();
        int framing = ChunkEncoder.MAX_CHUNK_START + ChunkEncoder.CHUNK_END + ChunkEncoder.LAST_CHUNK;
        ByteBuffer scratch = handler.buffers().framed();
        if (n + framing <= scratch.capacity()) {
            // small chunks: framing and data in one transport operation
            if (n > 0) {
                ChunkEncoder.putChunkStart(scratch, n);
                scratch.put(data);
                ChunkEncoder.putChunkEnd(scratch);
            }
            if (last) {
                ChunkEncoder.putLastChunk(scratch);
            }
            scratch.flip();
            handler.binding().send(scratch);
            return;
        }
        ByteBuffer head = handler.buffers().head(64);
        ChunkEncoder.putChunkStart(head, n);
        head.flip();
        handler.binding().send(head);
        handler.binding().send(data);
        ByteBuffer tail = handler.buffers().head(64);
        ChunkEncoder.putChunkEnd(tail);
        if (last) {
            ChunkEncoder.putLastChunk(tail);
        }
        tail.flip();
        handler.binding().send(tail);
    }

    @Override
    public void respond(int status, HttpFields headers, ByteBuffer body) {
        checkStatus(status);
        byte[] copy = new byte[body.remaining()];
        body.get(copy);
        respondBytes(status, headers, copy);
    }

    @Override
    public void sendError(int status, String message) {
        checkStatus(status);
        handler.answerError(this, status, message, HttpFields.EMPTY);
    }

    @Override
    public void redirect(int status, String location) {
        checkStatus(status);
        respondBytes(status, HttpFields.builder().add("location", location).build(), new byte[0]);
    }

    @Override
    public void requestWriteable() {
        protocolAsked = true;
        handler.connection().requestWriteable();
    }

    @Override
    public boolean headersSent() {
        return headersGiven;
    }

    @Override
    public boolean isComplete() {
        return complete;
    }

    @Override
    public long peerWriteAllowance() {
        return Long.MAX_VALUE;
    }

    private static void checkStatus(int status) {
        if (status < 200 || status > 999) {
            throw new IllegalArgumentException("final response status must be 200..999, not " + status
                    + " (interim 1xx responses are the role's business)");
        }
    }

    @Override
    public String toString() {
        return "exchange " + (request == null ? "(no request)" : request) + " status " + status;
    }
}
