package org.lightwire.it.ws;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Chrome DevTools protocol connection to a browser, over the JDK's WebSocket client:
 * commands get their answers by id; events (console messages, log entries, exceptions) are
 * kept in order for the test to inspect.
 */
final class SiteDevTools implements AutoCloseable {

    /** One protocol event: its method, the session it came from (flattened targets) and params. */
    record Event(String method, String sessionId, Map<String, Object> params) {
    }

    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();
    private final List<Event> events = new ArrayList<>();

    private SiteDevTools(WebSocket socket) {
        this.socket = socket;
    }

    static SiteDevTools connect(URI browserEndpoint) throws Exception {
        Listener listener = new Listener();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(browserEndpoint, listener).get(10, TimeUnit.SECONDS);
        SiteDevTools tools = new SiteDevTools(ws);
        listener.owner = tools;
        return tools;
    }

    /** Sends a command (to a page session when {@code sessionId} is not null) and waits for its result. */
    Map<String, Object> call(String sessionId, String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        Map<String, Object> msg = new LinkedHashMap<>();
        msg.put("id", id);
        msg.put("method", method);
        msg.put("params", params == null ? Map.of() : params);
        if (sessionId != null) {
            msg.put("sessionId", sessionId);
        }
        CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(SiteJson.write(msg), true).get(10, TimeUnit.SECONDS);
        Map<String, Object> reply = answer.get(30, TimeUnit.SECONDS);
        if (reply.containsKey("error")) {
            throw new AssertionError("DevTools " + method + " failed: " + reply.get("error"));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) reply.get("result");
        return result == null ? Map.of() : result;
    }

    /** Every event so far. */
    List<Event> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    private void received(String text) {
        Map<String, Object> msg = SiteJson.object(text);
        Object id = msg.get("id");
        if (id instanceof Double d) {
            CompletableFuture<Map<String, Object>> f = pending.remove(d.intValue());
            if (f != null) {
                f.complete(msg);
            }
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> params = (Map<String, Object>) msg.getOrDefault("params", Map.of());
        synchronized (events) {
            events.add(new Event(String.valueOf(msg.get("method")), (String) msg.get("sessionId"), params));
        }
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        socket.abort();
    }

    /** Joins text parts into whole messages. */
    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        volatile SiteDevTools owner;

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                owner.received(text);
            }
            ws.request(1);
            return null;
        }
    }
}
