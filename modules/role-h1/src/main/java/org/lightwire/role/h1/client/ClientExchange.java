package org.lightwire.role.h1.client;

import java.nio.ByteBuffer;
import org.lightwire.api.ClientRequest;
import org.lightwire.api.Connection;
import org.lightwire.api.http.HttpClientExchange;
import org.lightwire.api.http.HttpClientSession;
import org.lightwire.api.http.HttpFields;

/**
 * One HTTP client request and its response (the per-request half of an lws client http
 * wsi): the request as asked, the session that hears its events, the connection object the
 * session knows, and the carrier — the handler whose network connection carries it now.
 * With pipelining the carrier is another request's connection, and changes if the request
 * falls back to a connection of its own. Loop thread only.
 */
final class ClientExchange implements HttpClientExchange {

    /** Where the exchange is in its life. */
    enum Phase {
        /** Queued behind another request, or waiting for its own connection. */
        WAITING,
        /** Next to send: the head goes out in the carrier's next writeable event. */
        HEAD,
        /** The head went out; the body is being written. */
        BODY,
        /** The request went out; the response is awaited or being read. */
        RESPONSE,
        /** The response completed. */
        DONE,
        /** The session heard failed() (or closed() for a queued request): nothing more. */
        ENDED
    }

    final ClientRequest request;
    final ClientRoute route;
    final String method;
    HttpClientSession session;
    /** What the session knows as its connection: the carrier's own wire, or a {@link PipelinedConnection}. */
    Connection presented;
    H1ClientHandler carrier;
    Phase phase = Phase.WAITING;

    // request body
    long bodyLength;
    long bodyWritten;
    boolean inBodyEvent;
    boolean wroteInEvent;
    boolean bodyDone;

    // rx flow control wanted by a session on a shared connection, applied when it is received
    boolean rxWanted = true;
    boolean writeableWanted;

    // response
    int status;
    String reason = "";
    HttpFields responseHeaders = HttpFields.EMPTY;

    ClientExchange(ClientRequest request, ClientRoute route) {
        this.request = request;
        this.route = route;
        this.method = request.method().orElse("GET");
    }

    boolean headRequest() {
        return method.equals("HEAD");
    }

    @Override
    public Connection connection() {
        return presented;
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public String path() {
        return request.path();
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String reason() {
        return reason;
    }

    @Override
    public HttpFields responseHeaders() {
        return responseHeaders;
    }

    @Override
    public void writeBody(ByteBuffer data, boolean last) {
        if (carrier == null) {
            throw new IllegalStateException("request " + method + " " + path()
                    + ": writeBody outside a writeableRequestBody event (the request is still queued)");
        }
        carrier.writeBody(this, data, last);
    }

    @Override
    public void requestWriteable() {
        writeableWanted = true;
        if (carrier != null) {
            carrier.requestWriteableFor(this);
        }
    }

    /** Tells the session the request failed, once; nothing follows. */
    void fail(Throwable cause) {
        if (phase == Phase.ENDED) {
            return;
        }
        phase = Phase.ENDED;
        if (presented instanceof PipelinedConnection p) {
            p.ended();
        }
        if (session != null) {
            session.failed(presented, cause);
        }
    }

    /** Tells the session its connection closed after the response, once. */
    void closed() {
        if (phase == Phase.ENDED) {
            return;
        }
        phase = Phase.ENDED;
        if (presented instanceof PipelinedConnection p) {
            p.ended();
        }
        if (session != null) {
            session.closed(presented);
        }
    }

    @Override
    public String toString() {
        return method + " " + route.requestTarget(path()) + " (" + route.peer() + ")";
    }
}
