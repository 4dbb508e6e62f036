package org.lightwire.role.h1.server;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.lightwire.api.Connection;
import org.lightwire.api.Options;
import org.lightwire.api.Protocol;
import org.lightwire.api.ProtocolProvider;
import org.lightwire.api.Vhost;
import org.lightwire.api.http.HttpExchange;
import org.lightwire.api.http.HttpFields;
import org.lightwire.api.http.HttpProtocol;
import org.lightwire.api.http.HttpSession;

/**
 * A callback protocol for tests: its sessions record every event in {@link #events} and,
 * unless a test supplies its own session, answer each request once its body is complete
 * with "METHOD path bytes=N body" (so a test sees what the protocol received).
 */
final class TestHttp implements ProtocolProvider {

    final String name;
    final List<String> events = new ArrayList<>();
    private Supplier<Recording> sessions = Recording::new;
    int sessionsCreated;
    /** The newest session. */
    Recording last;

    TestHttp(String name) {
        this.name = name;
    }

    /** Sessions from now on come from {@code factory}. */
    TestHttp sessions(Supplier<Recording> factory) {
        this.sessions = factory;
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Protocol create(Vhost vhost, Options options) {
        return (HttpProtocol) connection -> {
            sessionsCreated++;
            Recording s = sessions.get();
            s.owner = this;
            s.id = sessionsCreated;
            last = s;
            events.add("bind#" + s.id);
            return s;
        };
    }

    /** A session that records and, by default, answers after the body. */
    static class Recording implements HttpSession {
        TestHttp owner;
        int id;
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        HttpExchange exchange;

        void event(String e) {
            owner.events.add(e + "#" + id);
        }

        @Override
        public void request(HttpExchange x) throws Exception {
            exchange = x;
            body.reset();
            event("request " + x.request().method() + " " + x.request().path());
            if (!x.request().hasBody()) {
                answer(x);
            }
        }

        @Override
        public void body(HttpExchange x, ByteBuffer data) throws Exception {
            event("body " + data.remaining());
            byte[] b = new byte[data.remaining()];
            data.get(b);
            body.write(b);
        }

        @Override
        public void bodyComplete(HttpExchange x) throws Exception {
            event("bodyComplete");
            answer(x);
        }

        @Override
        public void writeable(HttpExchange x) throws Exception {
            event("writeable");
        }

        @Override
        public void dropped(Connection connection) {
            event("dropped");
        }

        /** The default answer: what was received. */
        void answer(HttpExchange x) {
            String text = x.request().method() + " " + x.request().path() + " bytes=" + body.size() + " "
                    + body.toString(StandardCharsets.ISO_8859_1);
            x.respond(200, HttpFields.builder().add("content-type", "text/plain").build(),
                    ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1)));
        }
    }
}
