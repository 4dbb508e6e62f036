package org.lightwire.role.h1.client;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.lightwire.api.Connection;
import org.lightwire.api.http.HttpFields;

/**
 * What one test request asks for (request fields, body, pausing) and what its session
 * saw. Travels as the request's user data, so the session finds it on its connection.
 */
final class Transcript {

    final List<String> events = new CopyOnWriteArrayList<>();
    final ByteArrayOutputStream body = new ByteArrayOutputStream();
    final CountDownLatch ended = new CountDownLatch(1);
    final CountDownLatch headers = new CountDownLatch(1);
    final CountDownLatch firstBody = new CountDownLatch(1);
    final List<String> threads = new CopyOnWriteArrayList<>();

    // what to send
    HttpFields.Builder requestFields = HttpFields.builder();
    final List<byte[]> requestBody = new ArrayList<>();
    boolean chunked;
    /** Announce this length instead of the real one (to test enforcement); -2: the real one. */
    long announcedLength = -2;
    /** Pause reception after the first body event. */
    volatile boolean pauseOnFirstBody;

    // what was seen
    volatile int status;
    volatile String reason;
    volatile HttpFields responseHeaders;
    volatile Throwable failure;
    volatile Connection connection;
    volatile int bodyEvents;

    Transcript body(String... chunks) {
        for (String c : chunks) {
            requestBody.add(c.getBytes(StandardCharsets.ISO_8859_1));
        }
        return this;
    }

    synchronized void append(byte[] data) {
        body.write(data, 0, data.length);
    }

    synchronized String bodyText() {
        return body.toString(StandardCharsets.ISO_8859_1);
    }

    synchronized byte[] bodyBytes() {
        return body.toByteArray();
    }

    Transcript awaitEnd() throws InterruptedException {
        if (!ended.await(20, TimeUnit.SECONDS)) {
            throw new AssertionError("request did not end within 20 s; events so far: " + events);
        }
        return this;
    }

    /** The events without repeated body events: "headers 200", "body", "complete", "closed". */
    List<String> eventKinds() {
        List<String> out = new ArrayList<>();
        for (String e : events) {
            if (!(e.equals("body") && !out.isEmpty() && out.get(out.size() - 1).equals("body"))) {
                out.add(e);
            }
        }
        return out;
    }
}
