package org.lightwire.core.tls;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import org.lightwire.api.ClientRequest.TlsClientOption;
import org.lightwire.api.LightwireException;
import org.lightwire.api.TlsSettings;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.api.crypto.TlsContext;
import org.lightwire.api.tls.SslOption;

/**
 * One vhost's TLS contexts (lws' per-vhost server and client {@code SSL_CTX}), built
 * through the active crypto backend from the vhost's {@link TlsSettings}.
 *
 * <p>The server context follows its files: at most once a second, a new handshake checks
 * the certificate, key and CA files' modification time and size and rebuilds the context
 * when they changed, so a renewed certificate (ACME) is used by new handshakes while
 * established connections keep theirs. A rebuild that fails keeps the previous context
 * and logs why. With {@code ignore-missing-cert} the vhost starts without a certificate:
 * its handshakes are refused (logged) until the files appear.
 *
 * <p>Client contexts (outgoing https/wss) verify the server against the JDK trust store,
 * or {@code client-ssl-ca} when {@code enable-client-ssl} is on, and present
 * {@code client-ssl-cert} if set; relaxations are per request ({@link TlsClientOption}), each
 * mapped to the crypto SPI's precise {@code PeerRelaxation} (only ALLOW_INSECURE stops verification).
 */
public final class VhostTls {

    private static final System.Logger LOG = System.getLogger("org.lightwire.core");
    private static final long RECHECK_NANOS = 1_000_000_000L;

    private final String vhostName;
    private final TlsSettings settings;
    private final Supplier<CryptoBackend> crypto;
    private final List<String> configuredAlpn;
    private final Supplier<List<String>> roleAlpn;
    private final List<String> protocols;
    private final List<String> serverSuites;
    private final boolean serverCipherOrder;
    // ecdh-curve as a JSSE named group, applied per engine by the backend where it can
    private final String namedGroup;
    private volatile CryptoBackend clientsBuiltWith;

    private volatile TlsContext server;
    private volatile CryptoBackend builtWith;
    private volatile long nextCheck;
    private volatile String fileStamp = "";
    private final Map<Set<TlsClientOption>, TlsContext> clients = new ConcurrentHashMap<>();

    /**
     * @param roleAlpn ALPN ids offered when the vhost has no {@code alpn} key (the installed roles' own)
     * @throws LightwireException naming the vhost and key when settings or files are unusable
     */
    public VhostTls(String vhostName, TlsSettings settings, Supplier<CryptoBackend> crypto, Supplier<List<String>> roleAlpn) {
        this.vhostName = vhostName;
        this.settings = settings;
        this.crypto = crypto;
        this.configuredAlpn = settings.alpn().map(VhostTls::splitAlpn).orElse(null);
        this.roleAlpn = roleAlpn;
        try {
            Set<SslOption> set = SslOption.decode(settings.sslOptionSet());
            Set<SslOption> clear = SslOption.decode(settings.sslOptionClear());
            this.protocols = protocols(set, clear);
            this.serverCipherOrder = set.contains(SslOption.CIPHER_SERVER_PREFERENCE) && !clear.contains(SslOption.CIPHER_SERVER_PREFERENCE);
            this.serverSuites = CipherNames.combine("ciphers", settings.ciphers().orElse(null),
                    "tls13-ciphers", settings.tls13Ciphers().orElse(null));
            this.namedGroup = settings.ecdhCurve().map(VhostTls::namedGroup).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new LightwireException("vhost '" + vhostName + "': " + e.getMessage(), e);
        }
        if (settings.servesTls()) {
            reloadServer(true);
        }
    }

    /** lws/OpenSSL curve names to JSSE named groups; anything else is refused. */
    static String namedGroup(String curve) {
        return switch (curve.toLowerCase(java.util.Locale.ROOT)) {
            case "prime256v1", "secp256r1", "p-256" -> "secp256r1";
            case "secp384r1", "p-384" -> "secp384r1";
            case "secp521r1", "p-521" -> "secp521r1";
            case "x25519" -> "x25519";
            case "x448" -> "x448";
            default -> throw new IllegalArgumentException("ecdh-curve '" + curve
                    + "' is not one of prime256v1, secp384r1, secp521r1, X25519, X448");
        };
    }

    private static List<String> splitAlpn(String list) {
        List<String> out = new ArrayList<>();
        for (String s : list.split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return List.copyOf(out);
    }

    /** JSSE protocol names: TLS 1.3 and 1.2 unless switched off; 1.1 and 1.0 only when their NO_ bit is cleared. */
    static List<String> protocols(Set<SslOption> set, Set<SslOption> clear) {
        List<String> out = new ArrayList<>();
        if (!set.contains(SslOption.NO_TLS_1_3)) {
            out.add("TLSv1.3");
        }
        if (!set.contains(SslOption.NO_TLS_1_2)) {
            out.add("TLSv1.2");
        }
        if (clear.contains(SslOption.NO_TLS_1_1) && !set.contains(SslOption.NO_TLS_1_1)) {
            out.add("TLSv1.1");
        }
        if (clear.contains(SslOption.NO_TLS_1_0) && !set.contains(SslOption.NO_TLS_1_0)) {
            out.add("TLSv1");
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("ssl-option-set switches off every TLS version");
        }
        return List.copyOf(out);
    }

    public TlsSettings settings() {
        return settings;
    }

    /** The ALPN ids this vhost offers, most preferred first. */
    public List<String> alpn() {
        return configuredAlpn != null ? configuredAlpn : roleAlpn.get();
    }

    /**
     * A server engine with the current certificate, or empty while the vhost has none
     * ({@code ignore-missing-cert}); rechecks the files at most once a second.
     */
    public Optional<SSLEngine> serverEngine() {
        long now = System.nanoTime();
        CryptoBackend backend = backendOrNull();
        if (backend != null && backend != builtWith) {
            // a backend swap: new handshakes follow it (CryptoSelection's rule for new work)
            fileStamp = "";
            nextCheck = now;
        }
        if (now - nextCheck >= 0) {
            nextCheck = now + RECHECK_NANOS;
            reloadServer(false);
        }
        TlsContext ctx = server;
        if (ctx == null) {
            return Optional.empty();
        }
        SSLEngine e = ctx.serverEngine();
        if (serverCipherOrder) {
            SSLParameters p = e.getSSLParameters();
            p.setUseCipherSuitesOrder(true);
            e.setSSLParameters(p);
        }
        selectAlpn(e, alpn());
        return Optional.of(e);
    }

    private CryptoBackend backendOrNull() {
        try {
            return crypto.get();
        } catch (LightwireException e) {
            return null;
        }
    }

    /** Server-side ALPN by a selector: an offer matching nothing continues without ALPN rather than failing. */
    private static void selectAlpn(SSLEngine e, List<String> ours) {
        if (ours.isEmpty()) {
            return;
        }
        e.setHandshakeApplicationProtocolSelector((engine, offered) -> {
            for (String id : ours) {
                if (offered.contains(id)) {
                    return id;
                }
            }
            return "";
        });
    }

    private synchronized void reloadServer(boolean atStart) {
        Path cert = settings.hostSslCert().orElseThrow();
        Path key = settings.hostSslKey().orElseThrow();
        Path ca = settings.clientCertRequired() ? settings.hostSslCa().orElse(null) : null;
        if (atStart && settings.clientCertRequired() && ca == null) {
            throw new LightwireException("vhost '" + vhostName + "': client-cert-required needs host-ssl-ca (the CA client certificates must chain to)");
        }
        String stamp;
        try {
            stamp = stamp(cert) + stamp(key) + (ca == null ? "" : stamp(ca));
        } catch (NoSuchFileException e) {
            if (atStart && !settings.ignoreMissingCert()) {
                throw new LightwireException("vhost '" + vhostName + "': " + keyOf(e.getFile()) + " " + e.getFile()
                        + " does not exist (set \"ignore-missing-cert\": \"1\" to start without it)");
            }
            if (atStart) {
                LOG.log(Level.WARNING, () -> "vhost '" + vhostName + "': no certificate yet (" + e.getFile()
                        + " missing); TLS handshakes are refused until it appears");
            }
            return;
        } catch (IOException e) {
            if (atStart) {
                throw new LightwireException("vhost '" + vhostName + "': cannot read TLS files: " + e.getMessage(), e);
            }
            return;
        }
        if (stamp.equals(fileStamp)) {
            return;
        }
        CryptoBackend backend = backendOrNull();
        if (backend == null) {
            // OSGi may start the backend bundle after core: the first handshake builds the context
            LOG.log(Level.WARNING, () -> "vhost '" + vhostName + "': no crypto backend yet, TLS waits for one");
            return;
        }
        try {
            org.lightwire.api.crypto.TlsSettings.Builder b = org.lightwire.api.crypto.TlsSettings
                    .server(Files.readAllBytes(cert), Files.readAllBytes(key))
                    .protocols(protocols)
                    .cipherSuites(serverSuites)
                    .namedGroups(namedGroup == null ? List.of() : List.of(namedGroup));
            if (ca != null) {
                b.trustAnchorsPem(Files.readAllBytes(ca))
                        .clientAuthentication(org.lightwire.api.crypto.TlsSettings.ClientAuthentication.REQUIRED);
            }
            TlsContext built = backend.tls().create(b.build());
            boolean first = server == null;
            server = built;
            builtWith = backend;
            fileStamp = stamp;
            if (!atStart) {
                LOG.log(Level.INFO, () -> "vhost '" + vhostName + "': TLS certificate "
                        + (first ? "loaded" : "reloaded") + " from " + cert);
            }
        } catch (IOException | RuntimeException e) {
            if (atStart && !settings.ignoreMissingCert()) {
                throw new LightwireException("vhost '" + vhostName + "': cannot set up TLS from host-ssl-cert " + cert
                        + " / host-ssl-key " + key + (ca == null ? "" : " / host-ssl-ca " + ca) + ": " + e.getMessage(), e);
            }
            LOG.log(Level.WARNING, () -> "vhost '" + vhostName + "': TLS files " + cert + " / " + key
                    + " are not usable, " + (server == null ? "no certificate yet" : "keeping the previous certificate")
                    + ": " + e.getMessage());
        }
    }

    private String keyOf(String file) {
        if (settings.hostSslCert().map(p -> p.toString().equals(String.valueOf(file))).orElse(false)) {
            return "host-ssl-cert";
        }
        if (settings.hostSslKey().map(p -> p.toString().equals(String.valueOf(file))).orElse(false)) {
            return "host-ssl-key";
        }
        return "host-ssl-ca";
    }

    private static String stamp(Path p) throws IOException {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        return a.lastModifiedTime().toMillis() + ":" + a.size() + ":" + a.fileKey() + ";";
    }

    // ---- client ----

    /** An engine for an outgoing connection to {@code host}:{@code port} with the request's relaxations. */
    public SSLEngine clientEngine(String host, int port, Set<TlsClientOption> options, List<String> alpnIds) {
        Set<TlsClientOption> key = options.isEmpty() ? Set.of() : EnumSet.copyOf(options);
        CryptoBackend backend = backendOrNull();
        if (backend != clientsBuiltWith) {
            // a backend swap: new connections follow it
            clients.clear();
            clientsBuiltWith = backend;
        }
        TlsContext ctx = clients.computeIfAbsent(key, this::buildClient);
        SSLEngine e = ctx.clientEngine(host, port);
        SSLParameters p = e.getSSLParameters();
        boolean changed = false;
        if (options.contains(TlsClientOption.SKIP_HOSTNAME_CHECK)) {
            p.setEndpointIdentificationAlgorithm(""); // null would mean "unchanged" to JSSE
            changed = true;
        }
        if (!alpnIds.isEmpty()) {
            p.setApplicationProtocols(alpnIds.toArray(new String[0]));
            changed = true;
        }
        if (changed) {
            e.setSSLParameters(p);
        }
        return e;
    }

    private TlsContext buildClient(Set<TlsClientOption> options) {
        return buildClient(vhostName, settings, crypto.get(), options);
    }

    /** A client context for a vhost's settings (null settings: no vhost TLS keys, JDK trust). */
    public static TlsContext buildClient(String vhostName, TlsSettings settings, CryptoBackend backend, Set<TlsClientOption> options) {
        org.lightwire.api.crypto.TlsSettings.Builder b = org.lightwire.api.crypto.TlsSettings.client();
        try {
            if (settings != null) {
                Set<SslOption> set = SslOption.decode(settings.sslClientOptionSet());
                Set<SslOption> clear = SslOption.decode(settings.sslClientOptionClear());
                b.protocols(protocols(set, clear));
                b.cipherSuites(CipherNames.combine("client-ssl-ciphers", settings.clientSslCiphers().orElse(null),
                        "client-tls13-ciphers", settings.clientTls13Ciphers().orElse(null)));
                if (settings.enableClientSsl() && settings.clientSslCa().isPresent()) {
                    b.trustAnchorsPem(Files.readAllBytes(settings.clientSslCa().get()));
                }
                if (settings.clientSslCert().isPresent() && settings.clientSslKey().isPresent()) {
                    b.clientCertificate(Files.readAllBytes(settings.clientSslCert().get()),
                            Files.readAllBytes(settings.clientSslKey().get()));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new LightwireException("vhost '" + vhostName + "': client TLS settings: " + e.getMessage(), e);
        }
        if (options.contains(TlsClientOption.ALLOW_INSECURE)) {
            b.verifyPeer(false);
        } else {
            b.peerRelaxations(peerRelaxations(options));
        }
        return backend.tls().create(b.build());
    }

    /** lws' client connection flags as the crypto SPI's precise relaxations (ALLOW_INSECURE aside: it switches verification off). */
    static Set<org.lightwire.api.crypto.TlsSettings.PeerRelaxation> peerRelaxations(Set<TlsClientOption> options) {
        Set<org.lightwire.api.crypto.TlsSettings.PeerRelaxation> out =
                EnumSet.noneOf(org.lightwire.api.crypto.TlsSettings.PeerRelaxation.class);
        if (options.contains(TlsClientOption.ALLOW_SELF_SIGNED)) {
            out.add(org.lightwire.api.crypto.TlsSettings.PeerRelaxation.SELF_SIGNED);
        }
        if (options.contains(TlsClientOption.ALLOW_EXPIRED)) {
            out.add(org.lightwire.api.crypto.TlsSettings.PeerRelaxation.EXPIRED);
        }
        if (options.contains(TlsClientOption.SKIP_HOSTNAME_CHECK)) {
            out.add(org.lightwire.api.crypto.TlsSettings.PeerRelaxation.SKIP_HOSTNAME_CHECK);
        }
        return out;
    }
}
