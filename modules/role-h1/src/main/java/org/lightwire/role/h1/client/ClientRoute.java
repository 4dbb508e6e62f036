package org.lightwire.role.h1.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.lightwire.api.ClientRequest;

/**
 * Where an HTTP client request goes on the network: straight to the origin server, or
 * through a plain HTTP proxy (lws {@code http_proxy} / {@code lws_set_proxy}), in which
 * case the connection is made to the proxy and the request line carries the absolute-form
 * target {@code http://host:port/path} (RFC 9112 section 3.2.2).
 *
 * @param targetHost         the origin server's host
 * @param targetPort         the origin server's port
 * @param dialHost           the host the connection is made to (the proxy's, when proxied)
 * @param dialPort           the port the connection is made to
 * @param proxied            whether the request goes through a proxy
 * @param proxyAuthorization the Proxy-Authorization value from "user:password@" in the
 *                           proxy setting, else null
 */
public record ClientRoute(String targetHost, int targetPort, String dialHost, int dialPort, boolean proxied,
                          String proxyAuthorization) {

    /** A route straight to {@code host:port}. */
    public static ClientRoute direct(String host, int port) {
        return new ClientRoute(host, port, host, port, false, null);
    }

    /**
     * The route of {@code request}: its {@link ClientRequest#httpProxy()} if set, else the
     * {@code http_proxy} (then {@code HTTP_PROXY}) entry of {@code environment} unless the
     * host matches {@code no_proxy} (then {@code NO_PROXY}), else direct.
     *
     * @throws IllegalArgumentException if the proxy setting is not "[http://][user:password@]host:port[/]",
     *         naming where it came from
     */
    public static ClientRoute of(ClientRequest request, Map<String, String> environment) {
        Optional<String> explicit = request.httpProxy();
        if (explicit.isPresent()) {
            return viaProxy(request, explicit.get(), "the client request's httpProxy");
        }
        String source = "http_proxy";
        String proxy = environment.get(source);
        if (blank(proxy)) {
            source = "HTTP_PROXY";
            proxy = environment.get(source);
        }
        if (blank(proxy)) {
            return direct(request.host(), request.port());
        }
        String noProxy = environment.get("no_proxy");
        if (blank(noProxy)) {
            noProxy = environment.get("NO_PROXY");
        }
        if (!blank(noProxy) && NoProxy.matches(noProxy, request.host(), request.port())) {
            return direct(request.host(), request.port());
        }
        return viaProxy(request, proxy, "environment variable " + source);
    }

    private static ClientRoute viaProxy(ClientRequest request, String spec, String source) {
        String s = spec.trim();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://")) {
            s = s.substring(7);
        } else if (lower.contains("://")) {
            throw new IllegalArgumentException("HTTP proxy '" + spec + "' from " + source
                    + ": only plain http:// proxies are supported");
        }
        if (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        String auth = null;
        int at = s.lastIndexOf('@');
        if (at >= 0) {
            auth = "Basic " + Base64.getEncoder().encodeToString(s.substring(0, at).getBytes(StandardCharsets.UTF_8));
            s = s.substring(at + 1);
        }
        int colon = s.lastIndexOf(':');
        if (colon <= 0 || s.indexOf('/') >= 0 || colon < s.lastIndexOf(']')) {
            throw new IllegalArgumentException("HTTP proxy '" + spec + "' from " + source + " must be host:port");
        }
        String host = s.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(s.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65535 || host.isEmpty()) {
            throw new IllegalArgumentException("HTTP proxy '" + spec + "' from " + source
                    + " must be host:port with a port 1..65535");
        }
        return new ClientRoute(request.host(), request.port(), host, port, true, auth);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The Host header value: the host, with ":port" unless it is 80; IPv6 literals in brackets. */
    public String hostHeader() {
        String h = targetHost.indexOf(':') >= 0 ? "[" + targetHost + "]" : targetHost;
        return targetPort == 80 ? h : h + ":" + targetPort;
    }

    /** The request target for {@code path}: origin-form directly, absolute-form through a proxy. */
    public String requestTarget(String path) {
        if (!proxied) {
            return path;
        }
        String h = targetHost.indexOf(':') >= 0 ? "[" + targetHost + "]" : targetHost;
        return "http://" + h + ":" + targetPort + path;
    }

    /** "host:port" of the peer the connection goes to, for error messages. */
    public String peer() {
        return (proxied ? "proxy " : "") + dialHost + ":" + dialPort
                + (proxied ? " for " + targetHost + ":" + targetPort : "");
    }

    /** The curl-style {@code no_proxy} list: "*", or comma separated hosts, domains and IPs, each optionally with ":port". */
    static final class NoProxy {
        private NoProxy() {
        }

        static boolean matches(String list, String host, int port) {
            String h = strip(host.toLowerCase(Locale.ROOT));
            for (String raw : list.split(",")) {
                String entry = raw.trim().toLowerCase(Locale.ROOT);
                if (entry.isEmpty()) {
                    continue;
                }
                if (entry.equals("*")) {
                    return true;
                }
                int entryPort = -1;
                int colon = entry.lastIndexOf(':');
                if (colon > 0 && entry.indexOf(':') == colon && !entry.endsWith("]")) {
                    try {
                        entryPort = Integer.parseInt(entry.substring(colon + 1));
                        entry = entry.substring(0, colon);
                    } catch (NumberFormatException e) {
                        continue;
                    }
                } else if (entry.startsWith("[") && entry.contains("]:")) {
                    int close = entry.indexOf("]:");
                    try {
                        entryPort = Integer.parseInt(entry.substring(close + 2));
                    } catch (NumberFormatException e) {
                        continue;
                    }
                    entry = entry.substring(0, close + 1);
                }
                if (entryPort >= 0 && entryPort != port) {
                    continue;
                }
                entry = strip(entry);
                if (entry.startsWith("*.")) {
                    entry = entry.substring(1);
                }
                String domain = entry.startsWith(".") ? entry.substring(1) : entry;
                if (h.equals(domain) || h.endsWith("." + domain)) {
                    return true;
                }
            }
            return false;
        }

        private static String strip(String host) {
            return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        }
    }
}
