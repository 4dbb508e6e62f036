package org.lightwire.config;

import java.util.Map;

import org.lightwire.api.Mount;

/**
 * Keys and mount origins lwsws accepts whose feature Lightwire has not built yet, with the
 * feature each waits for. Their values are read and checked like any other (a wrong type
 * is still a type error, and the settings model already has a place for them); then they
 * are refused with the feature's name rather than ignored, so a config written for lws
 * never runs with part of it silently missing, and an operator can tell "not yet" from a
 * typo. When a feature lands, its keys leave these tables.
 */
final class PendingKeys {

    private static final String TLS = "TLS";
    private static final String HTTP2 = "HTTP/2";
    private static final String IPV6 = "IPv6 options";
    private static final String FAST_OPEN = "TCP fast open";
    private static final String CGI = "CGI";
    private static final String REVERSE_PROXY = "reverse proxy";
    private static final String GENERIC_SESSIONS = "generic sessions";

    /** Pending keys of {@code "global"}. */
    static final Map<String, String> GLOBAL = Map.of();

    /** Pending keys of a vhost. */
    static final Map<String, String> VHOST = Map.ofEntries(
            Map.entry("noipv6", IPV6),
            Map.entry("ipv6only", IPV6),
            Map.entry("fo-listen-queue", FAST_OPEN),
            Map.entry("h2-half-closed-long-poll", HTTP2));

    /** Pending keys of a mount. */
    static final Map<String, String> MOUNT = Map.of(
            "cgi-timeout", CGI,
            "cgi-env", CGI,
            "cgi-chroot", CGI,
            "cgi-chdir", CGI,
            // user levels and suffix interpreters are what protocol-generic-sessions acts on
            "auth-mask", GENERIC_SESSIONS,
            "interpret", GENERIC_SESSIONS);

    /** Mount origin kinds not served yet. */
    static final Map<Mount.Kind, String> ORIGINS = Map.of(
            Mount.Kind.CGI, CGI,
            Mount.Kind.PROXY_HTTP, REVERSE_PROXY,
            Mount.Kind.PROXY_HTTPS, REVERSE_PROXY);

    private PendingKeys() {
    }

    /** Refuses {@code f}, whose value has been read and checked, if its feature is in {@code pending}. */
    static void requireBuilt(Field f, Map<String, String> pending) throws ConfigException {
        requireBuilt(f, f.key(), pending);
    }

    /** {@link #requireBuilt(Field, Map)} for a field whose key within its section is {@code name}. */
    static void requireBuilt(Field f, String name, Map<String, String> pending) throws ConfigException {
        String feature = pending.get(name);
        if (feature != null) {
            throw notYet(f, feature);
        }
    }

    /** Refuses the mount origin {@code f} if its kind is not served yet. */
    static void requireBuilt(Field f, Mount.Kind kind) throws ConfigException {
        String feature = ORIGINS.get(kind);
        if (feature != null) {
            throw f.error(kind.scheme() + " origins are not supported yet (arrives with " + feature + ")");
        }
    }

    /** The error for a key its section does not know. */
    static ConfigException unknown(Field f) {
        return f.error("unknown key");
    }

    private static ConfigException notYet(Field f, String feature) {
        return f.error("not supported yet (arrives with " + feature + ")");
    }
}
