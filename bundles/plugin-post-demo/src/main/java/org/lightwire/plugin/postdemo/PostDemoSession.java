package org.lightwire.plugin.postdemo;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.lightwire.api.Connection;
import org.lightwire.api.http.HttpExchange;
import org.lightwire.api.http.HttpFields;
import org.lightwire.api.http.HttpRequest;
import org.lightwire.api.http.HttpSession;

/**
 * One connection's requests to the post-demo mount (lws protocol_post_demo's per-session
 * data). GET and HEAD answer the form; POST streams the body through the parser its
 * Content-Type names and answers the results page when the body is complete. Each
 * request starts afresh, so a keep-alive connection may submit many times.
 *
 * <p>A refused submission (bad syntax 400, past a limit 413, another body type 415) is
 * answered at once through the vhost's error page; the rest of its body is ignored here
 * without parsing or storing it, and whether the connection drains or closes is the
 * role's choice. Temp files are deleted once the answer is built, on refusal, and when the
 * connection drops mid-upload.
 */
final class PostDemoSession implements HttpSession {

    private static final HttpFields ALLOW = HttpFields.builder().add("allow", "GET, HEAD, POST").build();

    private final PostDemoLimits limits;
    /** The submission being read; null when none is (answered, refused, or not a POST). */
    private Submission current;

    private record Submission(FormParser parser, FormCollector collector) {
    }

    PostDemoSession(PostDemoLimits limits) {
        this.limits = limits;
    }

    @Override
    public void request(HttpExchange exchange) {
        discard();
        HttpRequest request = exchange.request();
        switch (request.method()) {
            case "GET", "HEAD" -> {
                String inMount = request.pathInMount();
                if (inMount.isEmpty() || inMount.equals("/")) {
                    exchange.respond(200, html(false), FormPages.form(formAddress(request)));
                } else {
                    exchange.sendError(404, "protocol-post-demo serves its form at the mountpoint only");
                }
            }
            case "POST" -> startSubmission(exchange);
            default -> exchange.respond(405, ALLOW.toBuilder().add("content-type", "text/plain; charset=utf-8").build(),
                    ByteBuffer.wrap("protocol-post-demo takes GET, HEAD and POST\n".getBytes(
                            java.nio.charset.StandardCharsets.US_ASCII)));
        }
    }

    @Override
    public void body(HttpExchange exchange, ByteBuffer data) {
        if (current == null || exchange.isComplete()) {
            data.position(data.limit()); // refused or answered: the rest is not ours to read
            return;
        }
        try {
            current.parser().accept(data);
        } catch (FormRejectedException e) {
            data.position(data.limit());
            refuse(exchange, e);
        }
    }

    @Override
    public void bodyComplete(HttpExchange exchange) {
        if (current != null && !exchange.isComplete()) {
            complete(exchange);
        }
    }

    @Override
    public void dropped(Connection connection) {
        discard();
    }

    private void startSubmission(HttpExchange exchange) {
        HttpRequest request = exchange.request();
        Optional<String> contentType = request.headers().get("content-type");
        FormCollector collector = new FormCollector(limits);
        FormParser parser;
        try {
            if (contentType.isEmpty()) {
                if (request.hasBody()) {
                    throw new FormRejectedException(FormRejectedException.UNSUPPORTED_TYPE,
                            "a form body needs a Content-Type");
                }
                parser = new UrlEncodedParser(collector, limits.maxFieldSize()); // an empty submission
            } else {
                MediaType type = MediaType.parse(contentType.get());
                parser = switch (type.type()) {
                    case MediaType.URLENCODED -> new UrlEncodedParser(collector, limits.maxFieldSize());
                    case MediaType.MULTIPART -> new MultipartParser(MultipartParser.checkBoundary(
                            type.parameter("boundary")), collector, limits.maxPartHeaderSize());
                    default -> throw new FormRejectedException(FormRejectedException.UNSUPPORTED_TYPE,
                            "protocol-post-demo reads application/x-www-form-urlencoded and multipart/form-data, not "
                                    + FormCollector.label(type.type()).replace('_', '/'));
                };
            }
        } catch (FormRejectedException e) {
            exchange.sendError(e.status(), e.getMessage());
            return;
        }
        current = new Submission(parser, collector);
        if (!request.hasBody()) {
            complete(exchange);
        }
    }

    private void complete(HttpExchange exchange) {
        Submission s = current;
        try {
            s.parser().finish();
            ByteBuffer page = FormPages.result(s.collector().result(), formAddress(exchange.request()));
            exchange.respond(200, html(true), page);
        } catch (FormRejectedException e) {
            exchange.sendError(e.status(), e.getMessage());
        } finally {
            discard();
        }
    }

    private void refuse(HttpExchange exchange, FormRejectedException e) {
        discard();
        exchange.sendError(e.status(), e.getMessage());
    }

    private void discard() {
        if (current != null) {
            current.collector().discard();
            current = null;
        }
    }

    /** Where the form posts: the mountpoint it was reached through. */
    private static String formAddress(HttpRequest request) {
        return request.mountpoint().filter(m -> !m.isEmpty()).orElse(request.path());
    }

    private static HttpFields html(boolean result) {
        HttpFields.Builder b = HttpFields.builder().add("content-type", FormPages.CONTENT_TYPE);
        if (result) {
            b.add("cache-control", "no-store"); // a submission's answer is nobody else's
        }
        return b.build();
    }
}
