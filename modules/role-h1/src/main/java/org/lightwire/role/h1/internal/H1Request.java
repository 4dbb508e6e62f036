package org.lightwire.role.h1.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;
import org.lightwire.api.Mount;
import org.lightwire.api.Options;
import org.lightwire.api.http.HttpFields;
import org.lightwire.api.http.HttpRequest;
import org.lightwire.http.RequestPaths;

/**
 * One parsed HTTP/1.x request as protocols see it (lws: the {@code ah} of a transaction).
 * Immutable to its readers; a path not given is normalised on first use (most requests
 * answered from files never ask).
 */
final class H1Request implements HttpRequest {

    private final RequestLine line;
    private String path;
    private final HttpFields headers;
    private final String host;
    private final long contentLength;
    private final boolean hasBody;
    private final Mount mount;
    private final String pathInMount;
    private final String authenticatedUser;
    private final boolean secure;

    /**
     * @param path          the normalised path, or null to normalise the raw path when asked
     * @param contentLength the declared length, -1 for chunked or none
     * @param mount         the matched callback mount, null if none
     * @param secure        whether the connection runs over TLS
     */
    H1Request(RequestLine line, String path, HttpFields headers, String host, long contentLength, boolean hasBody,
            Mount mount, String pathInMount, String authenticatedUser, boolean secure) {
        this.line = line;
        this.path = path;
        this.headers = headers;
        this.host = host;
        this.contentLength = contentLength;
        this.hasBody = hasBody;
        this.mount = mount;
        this.pathInMount = pathInMount;
        this.authenticatedUser = authenticatedUser;
        this.secure = secure;
    }

    RequestLine line() {
        return line;
    }

    @Override
    public String method() {
        return line.method();
    }

    @Override
    public String target() {
        return line.target();
    }

    @Override
    public String path() {
        if (path == null) {
            path = RequestPaths.normalize(line.rawPath()).orElse(line.rawPath());
        }
        return path;
    }

    @Override
    public Optional<String> query() {
        return Optional.ofNullable(line.query());
    }

    @Override
    public Optional<String> queryParameter(String name) {
        String q = line.query();
        if (q == null) {
            return Optional.empty();
        }
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            String key = formDecode(eq < 0 ? pair : pair.substring(0, eq));
            if (key.equals(name)) {
                return Optional.of(eq < 0 ? "" : formDecode(pair.substring(eq + 1)));
            }
        }
        return Optional.empty();
    }

    /** application/x-www-form-urlencoded decoding: '+' is a space, %XX a byte, bytes are UTF-8. */
    static String formDecode(String s) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                out.write(' ');
            } else if (c == '%' && i + 2 < s.length() && Character.digit(s.charAt(i + 1), 16) >= 0
                    && Character.digit(s.charAt(i + 2), 16) >= 0) {
                out.write(Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Override
    public String version() {
        return line.version();
    }

    @Override
    public HttpFields headers() {
        return headers;
    }

    @Override
    public Optional<String> host() {
        return Optional.ofNullable(host);
    }

    @Override
    public OptionalLong contentLength() {
        return contentLength < 0 ? OptionalLong.empty() : OptionalLong.of(contentLength);
    }

    @Override
    public boolean hasBody() {
        return hasBody;
    }

    @Override
    public Optional<String> mountpoint() {
        return mount == null ? Optional.empty() : Optional.of(mount.mountpoint());
    }

    @Override
    public String pathInMount() {
        return pathInMount;
    }

    @Override
    public Options mountOptions() {
        return mount == null ? Options.EMPTY : mount.pmo();
    }

    @Override
    public Optional<String> authenticatedUser() {
        return Optional.ofNullable(authenticatedUser);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String toString() {
        return line.method() + " " + line.target() + " " + line.version();
    }
}
