package org.lightwire.config;

import java.util.Map;

/**
 * Keys lwsws accepts whose feature Lightwire has not built yet, with the feature each
 * waits for. They are refused with that name rather than ignored, so a config written for
 * lws never runs with part of it silently missing, and an operator can tell "not yet"
 * from a typo.
 */
final class PendingKeys {

    private static final String HTTP1 = "HTTP/1.1";
    private static final String TLS = "TLS";
    private static final String WEBSOCKET = "WebSocket";
    private static final String HTTP2 = "HTTP/2";
    private static final String IPV6 = "IPv6 options";
    private static final String FAST_OPEN = "TCP fast open";

    /** Pending keys of {@code "global"}. */
    static final Map<String, String> GLOBAL = Map.ofEntries(
            // privilege drop happens once the server side listens for HTTP
            Map.entry("uid", HTTP1),
            Map.entry("gid", HTTP1),
            Map.entry("username", HTTP1),
            Map.entry("groupname", HTTP1),
            Map.entry("init-ssl", TLS),
            Map.entry("server-string", HTTP1),
            Map.entry("ws-pingpong-secs", WEBSOCKET),
            Map.entry("reject-service-keywords", HTTP1),
            Map.entry("default-alpn", TLS),
            Map.entry("ip-limit-ah", HTTP1),
            Map.entry("rlimit-nofile", HTTP1));

    /** Pending keys of a vhost. */
    static final Map<String, String> VHOST = Map.ofEntries(
            Map.entry("sts", HTTP1),
            Map.entry("host-ssl-key", TLS),
            Map.entry("host-ssl-cert", TLS),
            Map.entry("host-ssl-ca", TLS),
            Map.entry("access-log", HTTP1),
            // lws reads the underscore spelling; README.lwsws.md documents "keeplive-timeout"
            Map.entry("keepalive_timeout", HTTP1),
            Map.entry("keeplive-timeout", HTTP1),
            Map.entry("keepalive-timeout", HTTP1),
            Map.entry("enable-client-ssl", TLS),
            Map.entry("client-ssl-key", TLS),
            Map.entry("client-ssl-cert", TLS),
            Map.entry("client-ssl-ca", TLS),
            Map.entry("client-ssl-ciphers", TLS),
            Map.entry("ciphers", TLS),
            Map.entry("tls13-ciphers", TLS),
            Map.entry("client-tls13-ciphers", TLS),
            Map.entry("ecdh-curve", TLS),
            Map.entry("noipv6", IPV6),
            Map.entry("ipv6only", IPV6),
            Map.entry("ssl-option-set", TLS),
            Map.entry("ssl-option-clear", TLS),
            Map.entry("ssl-client-option-set", TLS),
            Map.entry("ssl-client-option-clear", TLS),
            Map.entry("headers", HTTP1),
            Map.entry("client-cert-required", TLS),
            Map.entry("ignore-missing-cert", TLS),
            Map.entry("error-document-404", HTTP1),
            Map.entry("alpn", TLS),
            Map.entry("fo-listen-queue", FAST_OPEN),
            Map.entry("strict-host-check", HTTP1),
            Map.entry("fallback-listen-accept", TLS),
            Map.entry("allow-non-tls", TLS),
            Map.entry("redirect-http", TLS),
            Map.entry("allow-http-on-https", TLS),
            Map.entry("disable-no-protocol-ws-upgrades", WEBSOCKET),
            Map.entry("h2-half-closed-long-poll", HTTP2),
            Map.entry("mounts", HTTP1));

    private PendingKeys() {
    }

    /** The error for a key its section does not support: "not supported yet" or "unknown key". */
    static ConfigException refuse(Field f, Map<String, String> pending) {
        String feature = pending.get(f.key());
        return f.error(feature == null ? "unknown key" : "not supported yet (arrives with " + feature + ")");
    }
}
