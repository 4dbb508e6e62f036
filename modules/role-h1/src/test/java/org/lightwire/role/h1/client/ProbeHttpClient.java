package org.lightwire.role.h1.client;

import java.nio.ByteBuffer;
import org.lightwire.api.Connection;
import org.lightwire.api.Options;
import org.lightwire.api.Protocol;
import org.lightwire.api.ProtocolProvider;
import org.lightwire.api.Vhost;
import org.lightwire.api.http.HttpClientExchange;
import org.lightwire.api.http.HttpClientProtocol;
import org.lightwire.api.http.HttpClientSession;
import org.lightwire.api.http.HttpFields;

/** An HTTP client protocol whose sessions do what their request's {@link Transcript} says and record what happens. */
final class ProbeHttpClient implements ProtocolProvider {

    static final String NAME = "probe-http-client";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Protocol create(Vhost vhost, Options options) {
        return (HttpClientProtocol) connection -> new Session((Transcript) connection.userData());
    }

    private static final class Session implements HttpClientSession {
        private final Transcript t;
        private int nextChunk;

        Session(Transcript t) {
            this.t = t;
        }

        private void record(HttpClientExchange x, String event) {
            t.connection = x.connection();
            t.threads.add(Thread.currentThread().getName());
            t.events.add(event);
        }

        @Override
        public long prepareRequest(HttpClientExchange exchange, HttpFields.Builder headers) {
            record(exchange, "prepare");
            headers.addAll(t.requestFields.build());
            long total = 0;
            for (byte[] c : t.requestBody) {
                total += c.length;
            }
            if (t.announcedLength != -2) {
                return t.announcedLength;
            }
            return t.requestBody.isEmpty() ? 0 : t.chunked ? -1 : total;
        }

        @Override
        public void writeableRequestBody(HttpClientExchange exchange) {
            boolean last = nextChunk == t.requestBody.size() - 1;
            exchange.writeBody(ByteBuffer.wrap(t.requestBody.get(nextChunk++)), last);
            if (!last) {
                exchange.requestWriteable();
            }
        }

        @Override
        public void responseHeaders(HttpClientExchange exchange) {
            record(exchange, "headers " + exchange.status());
            t.status = exchange.status();
            t.reason = exchange.reason();
            t.responseHeaders = exchange.responseHeaders();
            t.headers.countDown();
        }

        @Override
        public void responseBody(HttpClientExchange exchange, ByteBuffer data) {
            record(exchange, "body");
            byte[] b = new byte[data.remaining()];
            data.get(b);
            t.append(b);
            t.bodyEvents++;
            if (t.pauseOnFirstBody && t.bodyEvents == 1) {
                exchange.connection().rxFlowControl(false);
            }
            t.firstBody.countDown();
        }

        @Override
        public void responseComplete(HttpClientExchange exchange) {
            record(exchange, "complete");
        }

        @Override
        public void failed(Connection connection, Throwable cause) {
            t.connection = connection;
            t.events.add("failed");
            t.failure = cause;
            t.ended.countDown();
        }

        @Override
        public void closed(Connection connection) {
            t.connection = connection;
            t.events.add("closed");
            t.ended.countDown();
        }
    }
}
