package org.lightwire.plugin.postdemo;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;
import org.lightwire.api.Connection;
import org.lightwire.api.Options;
import org.lightwire.api.http.HttpExchange;
import org.lightwire.api.http.HttpFields;
import org.lightwire.api.http.HttpRequest;

/**
 * An {@link HttpExchange} that records the one answer a post-demo session gives. The
 * demo answers whole responses only, so streaming methods fail the test if called.
 */
final class FakeExchange implements HttpExchange {

    private final HttpRequest request;
    int status;
    HttpFields headers;
    String body;
    String errorMessage;
    int answers;

    FakeExchange(HttpRequest request) {
        this.request = request;
    }

    /** A request to mount "/formtest" with the given method, path below the mount and headers. */
    static FakeExchange request(String method, String pathInMount, HttpFields headers, boolean hasBody) {
        return new FakeExchange(new Request(method, pathInMount, headers, hasBody));
    }

    static FakeExchange post(String contentType) {
        return request("POST", "", HttpFields.builder().add("content-type", contentType).build(), true);
    }

    @Override
    public Connection connection() {
        throw new AssertionError("the post-demo session has no business with the connection");
    }

    @Override
    public HttpRequest request() {
        return request;
    }

    @Override
    public void sendHeaders(int s, HttpFields h, long contentLength) {
        throw new AssertionError("the post-demo answers whole responses");
    }

    @Override
    public void write(ByteBuffer data, boolean last) {
        throw new AssertionError("the post-demo answers whole responses");
    }

    @Override
    public void respond(int s, HttpFields h, ByteBuffer b) {
        answered(s);
        headers = h;
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        body = new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public void sendError(int s, String message) {
        answered(s);
        errorMessage = message;
    }

    @Override
    public void redirect(int s, String location) {
        throw new AssertionError("the post-demo does not redirect");
    }

    private void answered(int s) {
        if (isComplete()) {
            throw new IllegalStateException("answered twice: " + status + " then " + s);
        }
        status = s;
        answers++;
    }

    @Override
    public void requestWriteable() {
        throw new AssertionError("the post-demo answers whole responses");
    }

    @Override
    public boolean headersSent() {
        return answers > 0;
    }

    @Override
    public boolean isComplete() {
        return answers > 0;
    }

    @Override
    public long peerWriteAllowance() {
        return Long.MAX_VALUE;
    }

    private record Request(String method, String pathInMount, HttpFields headers, boolean hasBody) implements HttpRequest {

        @Override
        public String target() {
            return path();
        }

        @Override
        public String path() {
            return "/formtest" + pathInMount;
        }

        @Override
        public Optional<String> query() {
            return Optional.empty();
        }

        @Override
        public Optional<String> queryParameter(String name) {
            return Optional.empty();
        }

        @Override
        public String version() {
            return "HTTP/1.1";
        }

        @Override
        public Optional<String> host() {
            return Optional.of("localhost");
        }

        @Override
        public OptionalLong contentLength() {
            return OptionalLong.empty();
        }

        @Override
        public Optional<String> mountpoint() {
            return Optional.of("/formtest");
        }

        @Override
        public Options mountOptions() {
            return Options.EMPTY;
        }

        @Override
        public Optional<String> authenticatedUser() {
            return Optional.empty();
        }

        @Override
        public boolean isSecure() {
            return false;
        }
    }
}
