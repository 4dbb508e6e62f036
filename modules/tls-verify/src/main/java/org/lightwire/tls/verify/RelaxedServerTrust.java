package org.lightwire.tls.verify;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CertificateException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;
import org.lightwire.api.crypto.CertificateRejectedException;
import org.lightwire.api.crypto.TlsSettings.PeerRelaxation;

/**
 * The trust manager of a client with {@link PeerRelaxation}s (lws {@code LCCSCF_ALLOW_SELFSIGNED},
 * {@code LCCSCF_ALLOW_EXPIRED}): the real PKIX trust manager judges the server first, with
 * the engine's endpoint identification; only when it refuses does each relaxation get to
 * accept its one kind of failure, re-checking everything else itself.
 * <ul>
 *   <li>self-signed: a chain of exactly one certificate that is its own issuer and whose
 *       signature verifies with its own key, within its validity dates (unless expired
 *       certificates are allowed too), usable for TLS servers, naming the host;</li>
 *   <li>expired: the chain still has to build to one of the real trust manager's anchors
 *       when validated at an instant inside every given certificate's validity, and to name
 *       the host.</li>
 * </ul>
 * The host is checked whenever the engine (or socket) asks for endpoint identification, so
 * skipping it stays a separate relaxation. Client certificates are judged by the real
 * trust manager alone. Paths are built by the PKIX implementation of the provider the
 * backend passes (the JDK's SUN provider for crypto-jca, BC's for crypto-bc), so each
 * backend keeps its own certificate path code while sharing these rules.
 */
public final class RelaxedServerTrust extends X509ExtendedTrustManager {

    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String ANY_USAGE = "2.5.29.37.0";

    private final X509ExtendedTrustManager real;
    private final boolean selfSigned;
    private final boolean expired;
    private final Clock clock;
    private final Provider pkix;

    /**
     * @param real the backend's PKIX trust manager, asked first and alone for client certificates
     * @param relaxations which failures may be accepted; other relaxations are ignored here
     * @param clock "now" for validity dates
     * @param pkix the provider of the "PKIX" CertPathBuilder and "Collection" CertStore used
     *        to rebuild an expired chain
     */
    public RelaxedServerTrust(X509ExtendedTrustManager real, Set<PeerRelaxation> relaxations, Clock clock, Provider pkix) {
        this.real = real;
        this.pkix = pkix;
        this.selfSigned = relaxations.contains(PeerRelaxation.SELF_SIGNED);
        this.expired = relaxations.contains(PeerRelaxation.EXPIRED);
        this.clock = clock;
    }

    /** One run of the real trust manager. */
    @FunctionalInterface
    private interface RealCheck {
        void run() throws CertificateException;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        String host = engine == null ? null : hostToCheck(engine.getSSLParameters(), engine.getPeerHost());
        judge(chain, host, () -> real.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        String host = null;
        if (socket instanceof SSLSocket s) {
            host = hostToCheck(s.getSSLParameters(), s.getHandshakeSession() == null ? null : s.getHandshakeSession().getPeerHost());
        }
        judge(chain, host, () -> real.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        // no connection, so no host to identify: as the real trust manager does
        judge(chain, null, () -> real.checkServerTrusted(chain, authType));
    }

    /** The host to check, "" when identification is asked for but the peer's name is unknown; null: no check. */
    private static String hostToCheck(SSLParameters p, String peerHost) {
        String algorithm = p.getEndpointIdentificationAlgorithm();
        if (algorithm == null || algorithm.isEmpty()) {
            return null;
        }
        return peerHost == null ? "" : peerHost;
    }

    private void judge(X509Certificate[] chain, String host, RealCheck realCheck) throws CertificateException {
        try {
            realCheck.run();
            return;
        } catch (CertificateException refused) {
            if (chain == null || chain.length == 0) {
                throw refused;
            }
            CertificateException why = null;
            if (selfSigned) {
                try {
                    acceptSelfSigned(chain, host);
                    return;
                } catch (CertificateException e) {
                    why = e;
                }
            }
            if (expired) {
                try {
                    acceptExpired(chain, host);
                    return;
                } catch (CertificateException e) {
                    if (why != null) {
                        e.addSuppressed(why);
                    }
                    why = e;
                }
            }
            if (why != null) {
                refused.addSuppressed(why);
            }
            throw refused;
        }
    }

    /** lws {@code LCCSCF_ALLOW_SELFSIGNED}: throws unless the chain is one good self-signed certificate. */
    void acceptSelfSigned(X509Certificate[] chain, String host) throws CertificateException {
        if (chain.length != 1) {
            throw new CertificateException("allow-self-signed: the server sent a chain of " + chain.length
                    + " certificates, not one self-signed certificate");
        }
        X509Certificate c = chain[0];
        if (!c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
            throw new CertificateException("allow-self-signed: " + c.getSubjectX500Principal() + " is issued by "
                    + c.getIssuerX500Principal() + ", not by itself");
        }
        refuseWeakSignature(c);
        try {
            c.verify(c.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new CertificateException("allow-self-signed: the signature of " + c.getSubjectX500Principal()
                    + " does not verify with its own key: " + e.getMessage(), e);
        }
        if (!expired) {
            c.checkValidity(Date.from(clock.instant()));
        }
        checkServerUsage(c);
        checkHost(c, host);
    }

    /** lws {@code LCCSCF_ALLOW_EXPIRED}: throws unless the chain is good at some instant inside all its validity periods. */
    void acceptExpired(X509Certificate[] chain, String host) throws CertificateException {
        Date notBefore = chain[0].getNotBefore();
        Date notAfter = chain[0].getNotAfter();
        for (X509Certificate c : chain) {
            notBefore = c.getNotBefore().after(notBefore) ? c.getNotBefore() : notBefore;
            notAfter = c.getNotAfter().before(notAfter) ? c.getNotAfter() : notAfter;
        }
        if (notBefore.after(notAfter)) {
            throw new CertificateException("allow-expired: the validity periods of the server's chain do not overlap");
        }
        Date now = Date.from(clock.instant());
        if (!now.before(notBefore) && !now.after(notAfter)) {
            throw new CertificateException("allow-expired: every certificate of the chain is within its dates, it fails for another reason");
        }
        Date at = now.before(notBefore) ? notBefore : notAfter;
        Set<TrustAnchor> anchors = new HashSet<>();
        for (X509Certificate a : real.getAcceptedIssuers()) {
            anchors.add(new TrustAnchor(a, null));
        }
        if (anchors.isEmpty()) {
            throw new CertificateException("allow-expired: no trust anchors to build the server's chain to");
        }
        try {
            X509CertSelector leaf = new X509CertSelector();
            leaf.setCertificate(chain[0]);
            PKIXBuilderParameters params = new PKIXBuilderParameters(anchors, leaf);
            params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(List.of(chain)),
                    pkix));
            params.setRevocationEnabled(false); // as the real trust manager: no CRL/OCSP fetching
            params.setDate(at);
            CertPathBuilder.getInstance("PKIX", pkix).build(params);
        } catch (GeneralSecurityException e) {
            throw new CertificateException("allow-expired: the chain of " + chain[0].getSubjectX500Principal()
                    + " does not build to a trust anchor even at " + at.toInstant() + ": " + e.getMessage(), e);
        }
        checkServerUsage(chain[0]);
        checkHost(chain[0], host);
    }

    private static void checkHost(X509Certificate leaf, String host) throws CertificateException {
        if (host == null) {
            return;
        }
        if (host.isEmpty()) {
            throw new CertificateException("the server's host name is unknown, so " + leaf.getSubjectX500Principal()
                    + " cannot be checked against it");
        }
        try {
            HostnameMatcher.check(leaf, host);
        } catch (CertificateRejectedException e) {
            throw new CertificateException(e.getMessage(), e);
        }
    }

    /** What the real trust manager's end-entity check demands of a TLS server certificate. */
    private static void checkServerUsage(X509Certificate c) throws CertificateException {
        List<String> eku = c.getExtendedKeyUsage();
        if (eku != null && !eku.contains(SERVER_AUTH) && !eku.contains(ANY_USAGE)) {
            throw new CertificateException(c.getSubjectX500Principal() + " is not for TLS servers (extendedKeyUsage " + eku + ")");
        }
        boolean[] ku = c.getKeyUsage();
        // digitalSignature (0), keyEncipherment (2) or keyAgreement (4): one is needed by every key exchange
        if (ku != null && !(bit(ku, 0) || bit(ku, 2) || bit(ku, 4))) {
            throw new CertificateException(c.getSubjectX500Principal() + " has a keyUsage that allows no TLS key exchange");
        }
    }

    private static boolean bit(boolean[] bits, int i) {
        return i < bits.length && bits[i];
    }

    /** What PKIX would refuse through disabled algorithms, for the one path PKIX does not see. */
    private static void refuseWeakSignature(X509Certificate c) throws CertificateException {
        String alg = c.getSigAlgName().toUpperCase(Locale.ROOT);
        if (alg.contains("MD2") || alg.contains("MD5") || alg.startsWith("SHA1") || alg.startsWith("SHA-1")) {
            throw new CertificateException("allow-self-signed: " + c.getSubjectX500Principal() + " is signed with "
                    + c.getSigAlgName() + ", a broken hash");
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        real.checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        real.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        real.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return real.getAcceptedIssuers();
    }
}
