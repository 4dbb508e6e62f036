package org.lightwire.api.crypto;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a {@link TlsContextFactory} builds a TLS context from: role, PEM material and
 * policy (the lws vhost TLS options: {@code ssl_cert_filepath}, {@code ssl_private_key_filepath},
 * {@code ssl_ca_filepath}, {@code ssl_cipher_list}, ALPN, client-cert requirement).
 * Immutable; built with {@link #server(byte[], byte[])} or {@link #client()}.
 */
public final class TlsSettings {

    /** Which side of the handshake the engines play. */
    public enum Role {
        SERVER,
        CLIENT
    }

    /** Whether a server asks its clients for certificates. */
    public enum ClientAuthentication {
        NONE,
        REQUESTED,
        REQUIRED
    }

    /**
     * A precise exception to a verifying client's check of the server (lws' client
     * connection flags). Each one accepts exactly one kind of failure and keeps every other
     * check; {@link Builder#verifyPeer(boolean) verifyPeer(false)} is the blunt "accept
     * anything" ({@code LCCSCF_ALLOW_INSECURE}). Since 1.2.
     */
    public enum PeerRelaxation {
        /**
         * lws {@code LCCSCF_ALLOW_SELFSIGNED}: a chain of one certificate that is its own issuer
         * and whose signature verifies with its own key is accepted; its validity dates,
         * usage and (unless {@link #SKIP_HOSTNAME_CHECK}) host name are still checked.
         */
        SELF_SIGNED,
        /**
         * lws {@code LCCSCF_ALLOW_EXPIRED}: a chain that fails only on validity dates (expired
         * or not yet valid) is accepted; it must still chain to a trust anchor and name the host.
         */
        EXPIRED,
        /** lws {@code LCCSCF_SKIP_SERVER_CERT_HOSTNAME_CHECK}: the chain is checked, the host name is not. */
        SKIP_HOSTNAME_CHECK
    }

    private final Role role;
    private final byte[] certificateChainPem;
    private final byte[] privateKeyPem;
    private final byte[] trustAnchorsPem;
    private final List<String> protocols;
    private final List<String> cipherSuites;
    private final List<String> applicationProtocols;
    private final ClientAuthentication clientAuthentication;
    private final boolean verifyPeer;
    private final Set<PeerRelaxation> peerRelaxations;
    private final List<String> namedGroups;

    private TlsSettings(Builder b) {
        this.role = b.role;
        this.certificateChainPem = b.certificateChainPem;
        this.privateKeyPem = b.privateKeyPem;
        this.trustAnchorsPem = b.trustAnchorsPem;
        this.protocols = List.copyOf(b.protocols);
        this.cipherSuites = List.copyOf(b.cipherSuites);
        this.applicationProtocols = List.copyOf(b.applicationProtocols);
        this.clientAuthentication = b.clientAuthentication;
        this.verifyPeer = b.verifyPeer;
        this.peerRelaxations = b.peerRelaxations.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(b.peerRelaxations));
        this.namedGroups = List.copyOf(b.namedGroups);
    }

    /** A server with its certificate chain (leaf first) and private key, both PEM. */
    public static Builder server(byte[] certificateChainPem, byte[] privateKeyPem) {
        Builder b = new Builder(Role.SERVER);
        b.certificateChainPem = Objects.requireNonNull(certificateChainPem, "certificateChainPem").clone();
        b.privateKeyPem = Objects.requireNonNull(privateKeyPem, "privateKeyPem").clone();
        return b;
    }

    /** A client; it verifies servers against the platform trust store unless {@link Builder#trustAnchorsPem} is set. */
    public static Builder client() {
        return new Builder(Role.CLIENT);
    }

    public Role role() {
        return role;
    }

    /** PEM certificate chain, leaf first (server; optional client certificate). */
    public Optional<byte[]> certificateChainPem() {
        return Optional.ofNullable(certificateChainPem).map(byte[]::clone);
    }

    public Optional<byte[]> privateKeyPem() {
        return Optional.ofNullable(privateKeyPem).map(byte[]::clone);
    }

    /** PEM trust anchors for verifying the peer; empty = the platform's default trust store. */
    public Optional<byte[]> trustAnchorsPem() {
        return Optional.ofNullable(trustAnchorsPem).map(byte[]::clone);
    }

    /** Enabled protocol versions, JSSE names; default TLSv1.3 and TLSv1.2. */
    public List<String> protocols() {
        return protocols;
    }

    /** Enabled cipher suites, IANA/JSSE names; empty = the backend's defaults. */
    public List<String> cipherSuites() {
        return cipherSuites;
    }

    /** ALPN protocol names in preference order; empty = no ALPN. */
    public List<String> applicationProtocols() {
        return applicationProtocols;
    }

    public ClientAuthentication clientAuthentication() {
        return clientAuthentication;
    }

    /**
     * Client: whether the server's chain and host name are verified at all (default true;
     * false accepts any server, lws {@code LCCSCF_ALLOW_INSECURE}). For narrower opt-outs
     * see {@link #peerRelaxations()}.
     */
    public boolean verifyPeer() {
        return verifyPeer;
    }

    /**
     * Client: the precise exceptions to the server checks (default none); meaningless when
     * {@link #verifyPeer()} is false. Since 1.2.
     */
    public Set<PeerRelaxation> peerRelaxations() {
        return peerRelaxations;
    }

    /**
     * Key-exchange groups allowed, JSSE names in preference order ("secp256r1", "secp384r1",
     * "secp521r1", "x25519", "x448"; lws {@code ecdh-curve}); empty = the backend's defaults.
     * A backend whose runtime cannot restrict groups per engine (JSSE before Java 20) logs a
     * warning when the context is built and uses its defaults. Since 1.2.
     */
    public List<String> namedGroups() {
        return namedGroups;
    }

    /** Builds {@link TlsSettings}. */
    public static final class Builder {
        private final Role role;
        private byte[] certificateChainPem;
        private byte[] privateKeyPem;
        private byte[] trustAnchorsPem;
        private List<String> protocols = List.of("TLSv1.3", "TLSv1.2");
        private final List<String> cipherSuites = new ArrayList<>();
        private final List<String> applicationProtocols = new ArrayList<>();
        private final List<String> namedGroups = new ArrayList<>();
        private ClientAuthentication clientAuthentication = ClientAuthentication.NONE;
        private boolean verifyPeer = true;
        private Set<PeerRelaxation> peerRelaxations = Set.of();

        private Builder(Role role) {
            this.role = role;
        }

        /** Client certificate for mutual TLS (client role). */
        public Builder clientCertificate(byte[] certificateChainPem, byte[] privateKeyPem) {
            this.certificateChainPem = Objects.requireNonNull(certificateChainPem, "certificateChainPem").clone();
            this.privateKeyPem = Objects.requireNonNull(privateKeyPem, "privateKeyPem").clone();
            return this;
        }

        public Builder trustAnchorsPem(byte[] pem) {
            this.trustAnchorsPem = Objects.requireNonNull(pem, "pem").clone();
            return this;
        }

        public Builder protocols(List<String> names) {
            if (names.isEmpty()) {
                throw new BadParameterException("TLS: at least one protocol version must be enabled");
            }
            this.protocols = List.copyOf(names);
            return this;
        }

        public Builder cipherSuites(List<String> names) {
            cipherSuites.clear();
            cipherSuites.addAll(names);
            return this;
        }

        public Builder applicationProtocols(List<String> names) {
            applicationProtocols.clear();
            applicationProtocols.addAll(names);
            return this;
        }

        public Builder clientAuthentication(ClientAuthentication mode) {
            this.clientAuthentication = Objects.requireNonNull(mode, "mode");
            return this;
        }

        public Builder verifyPeer(boolean verify) {
            this.verifyPeer = verify;
            return this;
        }

        /** Client: the precise exceptions to the server checks; replaces any set before. Since 1.2. */
        public Builder peerRelaxations(Set<PeerRelaxation> relaxations) {
            this.peerRelaxations = Set.copyOf(Objects.requireNonNull(relaxations, "relaxations"));
            return this;
        }

        /** Key-exchange groups, JSSE names in preference order; replaces any set before. Since 1.2. */
        public Builder namedGroups(List<String> names) {
            for (String n : names) {
                if (n == null || n.isBlank()) {
                    throw new BadParameterException("TLS named group names must not be empty");
                }
            }
            namedGroups.clear();
            namedGroups.addAll(names);
            return this;
        }

        public TlsSettings build() {
            return new TlsSettings(this);
        }
    }
}
