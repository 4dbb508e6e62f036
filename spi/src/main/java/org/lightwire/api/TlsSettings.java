package org.lightwire.api;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A vhost's TLS settings: the TLS keys of an lwsws vhost (lws {@code ssl_cert_filepath},
 * {@code ssl_private_key_filepath}, {@code ssl_ca_filepath}, cipher lists, SSL option bits,
 * the client TLS context, and the non-TLS fallback switches of README.http-fallback.md).
 * Present on a {@link VhostSettings} only if any TLS key was given. Immutable; built with
 * {@link #builder()}. Paths are as configured (after {@code _lws_ddir_} replacement); whether
 * the files exist is checked by the TLS implementation when it starts.
 */
public final class TlsSettings {

    private final Path hostSslCert;
    private final Path hostSslKey;
    private final Path hostSslCa;
    private final String ciphers;
    private final String tls13Ciphers;
    private final String ecdhCurve;
    private final long sslOptionSet;
    private final long sslOptionClear;
    private final boolean clientCertRequired;
    private final boolean ignoreMissingCert;
    private final boolean enableClientSsl;
    private final Path clientSslKey;
    private final Path clientSslCert;
    private final Path clientSslCa;
    private final String clientSslCiphers;
    private final String clientTls13Ciphers;
    private final long sslClientOptionSet;
    private final long sslClientOptionClear;
    private final boolean allowNonTls;
    private final boolean redirectHttp;
    private final boolean allowHttpOnHttps;
    private final boolean fallbackListenAccept;
    private final String alpn;
    private final int handshakeTimeoutSecs;

    /** The default of {@link #handshakeTimeoutSecs()}. */
    public static final int DEFAULT_HANDSHAKE_TIMEOUT_SECS = 10;

    private TlsSettings(Builder b) {
        this.hostSslCert = b.hostSslCert;
        this.hostSslKey = b.hostSslKey;
        this.hostSslCa = b.hostSslCa;
        this.ciphers = b.ciphers;
        this.tls13Ciphers = b.tls13Ciphers;
        this.ecdhCurve = b.ecdhCurve;
        this.sslOptionSet = b.sslOptionSet;
        this.sslOptionClear = b.sslOptionClear;
        this.clientCertRequired = b.clientCertRequired;
        this.ignoreMissingCert = b.ignoreMissingCert;
        this.enableClientSsl = b.enableClientSsl;
        this.clientSslKey = b.clientSslKey;
        this.clientSslCert = b.clientSslCert;
        this.clientSslCa = b.clientSslCa;
        this.clientSslCiphers = b.clientSslCiphers;
        this.clientTls13Ciphers = b.clientTls13Ciphers;
        this.sslClientOptionSet = b.sslClientOptionSet;
        this.sslClientOptionClear = b.sslClientOptionClear;
        this.allowNonTls = b.allowNonTls;
        this.redirectHttp = b.redirectHttp;
        this.allowHttpOnHttps = b.allowHttpOnHttps;
        this.fallbackListenAccept = b.fallbackListenAccept;
        this.alpn = b.alpn;
        this.handshakeTimeoutSecs = b.handshakeTimeoutSecs;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The server certificate (PEM) the vhost presents (key {@code "host-ssl-cert"}). */
    public Optional<Path> hostSslCert() {
        return Optional.ofNullable(hostSslCert);
    }

    /** The private key of the server certificate (key {@code "host-ssl-key"}). */
    public Optional<Path> hostSslKey() {
        return Optional.ofNullable(hostSslKey);
    }

    /** The CA bundle used to verify client certificates (key {@code "host-ssl-ca"}). */
    public Optional<Path> hostSslCa() {
        return Optional.ofNullable(hostSslCa);
    }

    /** Allowed TLS 1.2-and-older cipher list of the serving context (key {@code "ciphers"}). */
    public Optional<String> ciphers() {
        return Optional.ofNullable(ciphers);
    }

    /** Allowed TLS 1.3 cipher suites of the serving context (key {@code "tls13-ciphers"}). */
    public Optional<String> tls13Ciphers() {
        return Optional.ofNullable(tls13Ciphers);
    }

    /** The ECDH curve (lws default prime256v1) (key {@code "ecdh-curve"}). */
    public Optional<String> ecdhCurve() {
        return Optional.ofNullable(ecdhCurve);
    }

    /** OpenSSL option bits to set on the serving context (repeatable, OR-ed) (key {@code "ssl-option-set"}). */
    public long sslOptionSet() {
        return sslOptionSet;
    }

    /** OpenSSL option bits to clear on the serving context (repeatable, OR-ed) (key {@code "ssl-option-clear"}). */
    public long sslOptionClear() {
        return sslOptionClear;
    }

    /** Whether peers must present a client certificate signed by the trusted CA (key {@code "client-cert-required"}). */
    public boolean clientCertRequired() {
        return clientCertRequired;
    }

    /** Whether a missing certificate file leaves the vhost up without TLS instead of failing (key {@code "ignore-missing-cert"}). */
    public boolean ignoreMissingCert() {
        return ignoreMissingCert;
    }

    /** Whether the vhost has a client TLS context for outgoing connections (key {@code "enable-client-ssl"}). */
    public boolean enableClientSsl() {
        return enableClientSsl;
    }

    /** The client certificate's private key (key {@code "client-ssl-key"}). */
    public Optional<Path> clientSslKey() {
        return Optional.ofNullable(clientSslKey);
    }

    /** The client certificate presented on outgoing connections (key {@code "client-ssl-cert"}). */
    public Optional<Path> clientSslCert() {
        return Optional.ofNullable(clientSslCert);
    }

    /** The CA bundle used to verify servers on outgoing connections (key {@code "client-ssl-ca"}). */
    public Optional<Path> clientSslCa() {
        return Optional.ofNullable(clientSslCa);
    }

    /** Allowed TLS 1.2-and-older cipher list of the client context (key {@code "client-ssl-ciphers"}). */
    public Optional<String> clientSslCiphers() {
        return Optional.ofNullable(clientSslCiphers);
    }

    /** Allowed TLS 1.3 cipher suites of the client context (key {@code "client-tls13-ciphers"}). */
    public Optional<String> clientTls13Ciphers() {
        return Optional.ofNullable(clientTls13Ciphers);
    }

    /** OpenSSL option bits to set on the client context (repeatable, OR-ed) (key {@code "ssl-client-option-set"}). */
    public long sslClientOptionSet() {
        return sslClientOptionSet;
    }

    /** OpenSSL option bits to clear on the client context (repeatable, OR-ed) (key {@code "ssl-client-option-clear"}). */
    public long sslClientOptionClear() {
        return sslClientOptionClear;
    }

    /** Whether non-TLS connections to the TLS listener are accepted (then redirected, served or handed to the fallback) (key {@code "allow-non-tls"}). */
    public boolean allowNonTls() {
        return allowNonTls;
    }

    /** Whether plain HTTP arriving on the TLS listener is redirected to https (key {@code "redirect-http"}). */
    public boolean redirectHttp() {
        return redirectHttp;
    }

    /** Whether plain HTTP arriving on the TLS listener is served (key {@code "allow-http-on-https"}). */
    public boolean allowHttpOnHttps() {
        return allowHttpOnHttps;
    }

    /** Whether non-TLS connections go to the listen-accept role and protocol (key {@code "fallback-listen-accept"}). */
    public boolean fallbackListenAccept() {
        return fallbackListenAccept;
    }

    /** The vhost's ALPN protocol list, comma separated, e.g. "h2,http/1.1" (key {@code "alpn"}). */
    public Optional<String> alpn() {
        return Optional.ofNullable(alpn);
    }

    /**
     * How long a connection to the TLS listener may take to complete its handshake (or,
     * for non-TLS bytes, to show what it is) before it is dropped: a slow-handshake peer
     * cannot hold a connection (key {@code "tls-handshake-timeout-secs"}, default 10).
     */
    public int handshakeTimeoutSecs() {
        return handshakeTimeoutSecs;
    }

    /** Whether a server certificate and key are configured, so the listener speaks TLS. */
    public boolean servesTls() {
        return hostSslCert != null && hostSslKey != null;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TlsSettings t)) {
            return false;
        }
        return Objects.equals(hostSslCert, t.hostSslCert)
                && Objects.equals(hostSslKey, t.hostSslKey)
                && Objects.equals(hostSslCa, t.hostSslCa)
                && Objects.equals(ciphers, t.ciphers)
                && Objects.equals(tls13Ciphers, t.tls13Ciphers)
                && Objects.equals(ecdhCurve, t.ecdhCurve)
                && sslOptionSet == t.sslOptionSet
                && sslOptionClear == t.sslOptionClear
                && clientCertRequired == t.clientCertRequired
                && ignoreMissingCert == t.ignoreMissingCert
                && enableClientSsl == t.enableClientSsl
                && Objects.equals(clientSslKey, t.clientSslKey)
                && Objects.equals(clientSslCert, t.clientSslCert)
                && Objects.equals(clientSslCa, t.clientSslCa)
                && Objects.equals(clientSslCiphers, t.clientSslCiphers)
                && Objects.equals(clientTls13Ciphers, t.clientTls13Ciphers)
                && sslClientOptionSet == t.sslClientOptionSet
                && sslClientOptionClear == t.sslClientOptionClear
                && allowNonTls == t.allowNonTls
                && redirectHttp == t.redirectHttp
                && allowHttpOnHttps == t.allowHttpOnHttps
                && fallbackListenAccept == t.fallbackListenAccept
                && Objects.equals(alpn, t.alpn)
                && handshakeTimeoutSecs == t.handshakeTimeoutSecs;
    }

    @Override
    public int hashCode() {
        return Objects.hash(hostSslCert, hostSslKey, hostSslCa, ciphers, tls13Ciphers, ecdhCurve, sslOptionSet, sslOptionClear, clientCertRequired, ignoreMissingCert, enableClientSsl, clientSslKey, clientSslCert, clientSslCa, clientSslCiphers, clientTls13Ciphers, sslClientOptionSet, sslClientOptionClear, allowNonTls, redirectHttp, allowHttpOnHttps, fallbackListenAccept, alpn, handshakeTimeoutSecs);
    }

    @Override
    public String toString() {
        return "tls cert=" + hostSslCert + " key=" + (hostSslKey == null ? "none" : "(set)");
    }

    /** Builds TLS settings; each setter checks its value at once, naming the config key. */
    public static final class Builder {
        private Path hostSslCert;
        private Path hostSslKey;
        private Path hostSslCa;
        private String ciphers;
        private String tls13Ciphers;
        private String ecdhCurve;
        private long sslOptionSet;
        private long sslOptionClear;
        private boolean clientCertRequired;
        private boolean ignoreMissingCert;
        private boolean enableClientSsl;
        private Path clientSslKey;
        private Path clientSslCert;
        private Path clientSslCa;
        private String clientSslCiphers;
        private String clientTls13Ciphers;
        private long sslClientOptionSet;
        private long sslClientOptionClear;
        private boolean allowNonTls;
        private boolean redirectHttp;
        private boolean allowHttpOnHttps;
        private boolean fallbackListenAccept;
        private String alpn;
        private int handshakeTimeoutSecs = DEFAULT_HANDSHAKE_TIMEOUT_SECS;

        private Builder() {
        }

        /** Key {@code "host-ssl-cert"}. */
        public Builder hostSslCert(Path file) {
            this.hostSslCert = Objects.requireNonNull(file, "host-ssl-cert");
            return this;
        }

        /** Key {@code "host-ssl-key"}. */
        public Builder hostSslKey(Path file) {
            this.hostSslKey = Objects.requireNonNull(file, "host-ssl-key");
            return this;
        }

        /** Key {@code "host-ssl-ca"}. */
        public Builder hostSslCa(Path file) {
            this.hostSslCa = Objects.requireNonNull(file, "host-ssl-ca");
            return this;
        }

        /** Key {@code "ciphers"}. */
        public Builder ciphers(String value) {
            this.ciphers = requireText("ciphers", value);
            return this;
        }

        /** Key {@code "tls13-ciphers"}. */
        public Builder tls13Ciphers(String value) {
            this.tls13Ciphers = requireText("tls13-ciphers", value);
            return this;
        }

        /** Key {@code "ecdh-curve"}. */
        public Builder ecdhCurve(String value) {
            this.ecdhCurve = requireText("ecdh-curve", value);
            return this;
        }

        /** Key {@code "ssl-option-set"}: replaces the bits (the config reader ORs repeated keys first). */
        public Builder sslOptionSet(long bits) {
            if (bits < 0) {
                throw new IllegalArgumentException("ssl-option-set must be 0 or more, not " + bits);
            }
            this.sslOptionSet = bits;
            return this;
        }

        /** Key {@code "ssl-option-clear"}: replaces the bits (the config reader ORs repeated keys first). */
        public Builder sslOptionClear(long bits) {
            if (bits < 0) {
                throw new IllegalArgumentException("ssl-option-clear must be 0 or more, not " + bits);
            }
            this.sslOptionClear = bits;
            return this;
        }

        /** Key {@code "client-cert-required"}. */
        public Builder clientCertRequired(boolean on) {
            this.clientCertRequired = on;
            return this;
        }

        /** Key {@code "ignore-missing-cert"}. */
        public Builder ignoreMissingCert(boolean on) {
            this.ignoreMissingCert = on;
            return this;
        }

        /** Key {@code "enable-client-ssl"}. */
        public Builder enableClientSsl(boolean on) {
            this.enableClientSsl = on;
            return this;
        }

        /** Key {@code "client-ssl-key"}. */
        public Builder clientSslKey(Path file) {
            this.clientSslKey = Objects.requireNonNull(file, "client-ssl-key");
            return this;
        }

        /** Key {@code "client-ssl-cert"}. */
        public Builder clientSslCert(Path file) {
            this.clientSslCert = Objects.requireNonNull(file, "client-ssl-cert");
            return this;
        }

        /** Key {@code "client-ssl-ca"}. */
        public Builder clientSslCa(Path file) {
            this.clientSslCa = Objects.requireNonNull(file, "client-ssl-ca");
            return this;
        }

        /** Key {@code "client-ssl-ciphers"}. */
        public Builder clientSslCiphers(String value) {
            this.clientSslCiphers = requireText("client-ssl-ciphers", value);
            return this;
        }

        /** Key {@code "client-tls13-ciphers"}. */
        public Builder clientTls13Ciphers(String value) {
            this.clientTls13Ciphers = requireText("client-tls13-ciphers", value);
            return this;
        }

        /** Key {@code "ssl-client-option-set"}: replaces the bits (the config reader ORs repeated keys first). */
        public Builder sslClientOptionSet(long bits) {
            if (bits < 0) {
                throw new IllegalArgumentException("ssl-client-option-set must be 0 or more, not " + bits);
            }
            this.sslClientOptionSet = bits;
            return this;
        }

        /** Key {@code "ssl-client-option-clear"}: replaces the bits (the config reader ORs repeated keys first). */
        public Builder sslClientOptionClear(long bits) {
            if (bits < 0) {
                throw new IllegalArgumentException("ssl-client-option-clear must be 0 or more, not " + bits);
            }
            this.sslClientOptionClear = bits;
            return this;
        }

        /** Key {@code "allow-non-tls"}. */
        public Builder allowNonTls(boolean on) {
            this.allowNonTls = on;
            return this;
        }

        /** Key {@code "redirect-http"}. */
        public Builder redirectHttp(boolean on) {
            this.redirectHttp = on;
            return this;
        }

        /** Key {@code "allow-http-on-https"}. */
        public Builder allowHttpOnHttps(boolean on) {
            this.allowHttpOnHttps = on;
            return this;
        }

        /** Key {@code "fallback-listen-accept"}. */
        public Builder fallbackListenAccept(boolean on) {
            this.fallbackListenAccept = on;
            return this;
        }

        /** Key {@code "alpn"}. */
        public Builder alpn(String value) {
            this.alpn = requireText("alpn", value);
            return this;
        }

        /** Key {@code "tls-handshake-timeout-secs"}: 1 to 300. */
        public Builder handshakeTimeoutSecs(int secs) {
            if (secs < 1 || secs > 300) {
                throw new IllegalArgumentException("tls-handshake-timeout-secs must be 1 to 300, not " + secs);
            }
            this.handshakeTimeoutSecs = secs;
            return this;
        }

        public TlsSettings build() {
            return new TlsSettings(this);
        }

        private static String requireText(String key, String value) {
            Objects.requireNonNull(value, key);
            if (value.isEmpty()) {
                throw new IllegalArgumentException(key + " must not be empty");
            }
            if (Header.indexOfControl(value) >= 0) {
                throw new IllegalArgumentException(key + " '" + Header.printable(value) + "' must not contain CR, LF or NUL");
            }
            return value;
        }
    }
}
