package org.lightwire.it.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lightwire.api.crypto.CertificateTemplate;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.api.crypto.EcCurve;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.TlsContext;
import org.lightwire.api.crypto.TlsSettings;
import org.lightwire.api.crypto.TlsSettings.PeerRelaxation;

/**
 * Each {@link PeerRelaxation} accepts exactly its one failure, end to end through in-memory
 * handshakes with each backend's own TLS contexts and certificates (the trust manager alone is
 * tested in modules/tls-verify).
 */
class RelaxedTrustConformanceTest {

    private static final Instant NOW = Instant.now();
    private static final Duration DAY = Duration.ofDays(1);

    static Stream<CryptoBackend> backends() {
        return Backends.each();
    }

    /** A CA, a stranger CA and server certificates for every case, made by one backend. */
    private static final class Pki {
        final CryptoBackend backend;
        final KeyElements caKey;
        final X509Certificate ca;
        final KeyElements strangerKey;
        final X509Certificate stranger;
        final KeyElements key;

        Pki(CryptoBackend backend) {
            this.backend = backend;
            caKey = backend.ec().generate(EcCurve.P_256);
            ca = authority("CN=Relaxed Test CA", caKey);
            strangerKey = backend.ec().generate(EcCurve.P_256);
            stranger = authority("CN=Stranger CA", strangerKey);
            key = backend.ec().generate(EcCurve.P_256);
        }

        private X509Certificate authority(String subject, KeyElements k) {
            return backend.x509().selfSigned(CertificateTemplate.builder(subject).certificateAuthority(true)
                    .validity(NOW.minus(DAY.multipliedBy(30)), NOW.plus(DAY.multipliedBy(30))).build(), k);
        }

        X509Certificate issued(String host, boolean byStranger, Instant from, Instant until) {
            return backend.x509().issue(CertificateTemplate.builder("CN=" + host).dnsName(host).validity(from, until).build(),
                    key.publicKey(), byStranger ? stranger : ca, byStranger ? strangerKey : caKey);
        }

        X509Certificate valid(String host) {
            return issued(host, false, NOW.minus(DAY), NOW.plus(DAY));
        }

        X509Certificate expired(boolean byStranger) {
            return issued("localhost", byStranger, NOW.minus(DAY.multipliedBy(10)), NOW.minus(DAY.multipliedBy(5)));
        }

        X509Certificate notYetValid() {
            return issued("localhost", false, NOW.plus(DAY.multipliedBy(5)), NOW.plus(DAY.multipliedBy(10)));
        }

        X509Certificate strangers() {
            return issued("localhost", true, NOW.minus(DAY), NOW.plus(DAY));
        }

        X509Certificate selfSigned(String host, Instant from, Instant until) {
            return backend.x509().selfSigned(CertificateTemplate.builder("CN=" + host).dnsName(host).validity(from, until).build(),
                    key);
        }

        X509Certificate selfSigned(String host) {
            return selfSigned(host, NOW.minus(DAY), NOW.plus(DAY));
        }

        private byte[] pem(X509Certificate... certs) throws Exception {
            StringBuilder b = new StringBuilder();
            for (X509Certificate c : certs) {
                b.append(backend.x509().pem("CERTIFICATE", c.getEncoded()));
            }
            return b.toString().getBytes(StandardCharsets.US_ASCII);
        }

        /**
         * Whether a client trusting {@link #ca} with {@code relaxations} completes a handshake,
         * and exchanges data, with a server presenting {@code chain}.
         */
        boolean accepts(String host, X509Certificate[] chain, PeerRelaxation... relaxations) throws Exception {
            Set<PeerRelaxation> r = relaxations.length == 0 ? Set.of() : EnumSet.of(relaxations[0], relaxations);
            TlsContext client = backend.tls().create(TlsSettings.client().trustAnchorsPem(pem(ca)).peerRelaxations(r).build());
            byte[] keyPem = backend.x509().pem("PRIVATE KEY", backend.x509().encodePrivateKey(key))
                    .getBytes(StandardCharsets.US_ASCII);
            TlsContext server = backend.tls().create(TlsSettings.server(pem(chain), keyPem).build());
            SSLEngine c = client.clientEngine(host, 443);
            byte[] hello = "relaxed".getBytes(StandardCharsets.US_ASCII);
            try {
                assertArrayEquals(hello, EngineLoop.exchange(c, server.serverEngine(), hello));
            } catch (SSLException refused) {
                return false;
            }
            assertEquals(chain[0], c.getSession().getPeerCertificates()[0]);
            return true;
        }
    }

    private static X509Certificate[] chain(X509Certificate... c) {
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aTrustedValidServerNeedsNoRelaxation(CryptoBackend backend) throws Exception {
        Pki p = new Pki(backend);
        assertTrue(p.accepts("localhost", chain(p.valid("localhost"))));
        assertTrue(p.accepts("localhost", chain(p.valid("localhost")), PeerRelaxation.SELF_SIGNED, PeerRelaxation.EXPIRED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void selfSignedAcceptsOnlyASelfSignedCertificateNamingTheHost(CryptoBackend backend) throws Exception {
        Pki p = new Pki(backend);
        X509Certificate self = p.selfSigned("localhost");
        X509Certificate wrongName = p.selfSigned("wrong.test");
        assertFalse(p.accepts("localhost", chain(self)), "refused by default");
        assertTrue(p.accepts("localhost", chain(self), PeerRelaxation.SELF_SIGNED));
        assertFalse(p.accepts("localhost", chain(self), PeerRelaxation.EXPIRED), "it is not a date problem");
        assertFalse(p.accepts("localhost", chain(wrongName), PeerRelaxation.SELF_SIGNED), "the host is still checked");
        assertTrue(p.accepts("localhost", chain(wrongName), PeerRelaxation.SELF_SIGNED, PeerRelaxation.SKIP_HOSTNAME_CHECK));
        assertFalse(p.accepts("127.0.0.1", chain(self), PeerRelaxation.SELF_SIGNED), "a dNSName does not name an address");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void selfSignedStillChecksTheDatesUnlessExpiredIsAllowedToo(CryptoBackend backend) throws Exception {
        Pki p = new Pki(backend);
        X509Certificate selfExpired = p.selfSigned("localhost", NOW.minus(DAY.multipliedBy(10)), NOW.minus(DAY.multipliedBy(5)));
        assertFalse(p.accepts("localhost", chain(selfExpired), PeerRelaxation.SELF_SIGNED));
        assertTrue(p.accepts("localhost", chain(selfExpired), PeerRelaxation.SELF_SIGNED, PeerRelaxation.EXPIRED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void selfSignedRefusesCaIssuedAndLongerChains(CryptoBackend backend) throws Exception {
        Pki p = new Pki(backend);
        assertFalse(p.accepts("localhost", chain(p.strangers()), PeerRelaxation.SELF_SIGNED));
        assertFalse(p.accepts("localhost", chain(p.strangers(), p.stranger), PeerRelaxation.SELF_SIGNED), "two certificates");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void expiredAcceptsOnlyDateFailuresOfATrustedChainNamingTheHost(CryptoBackend backend) throws Exception {
        Pki p = new Pki(backend);
        X509Certificate expired = p.expired(false);
        assertFalse(p.accepts("localhost", chain(expired)), "refused by default");
        assertTrue(p.accepts("localhost", chain(expired), PeerRelaxation.EXPIRED));
        assertTrue(p.accepts("localhost", chain(p.notYetValid()), PeerRelaxation.EXPIRED));
        assertFalse(p.accepts("localhost", chain(expired), PeerRelaxation.SELF_SIGNED), "it is not self-signed");
        assertFalse(p.accepts("other.test", chain(expired), PeerRelaxation.EXPIRED), "the host is still checked");
        assertTrue(p.accepts("other.test", chain(expired), PeerRelaxation.EXPIRED, PeerRelaxation.SKIP_HOSTNAME_CHECK));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void anUntrustedCaStaysRefusedWhateverIsRelaxed(CryptoBackend backend) throws Exception {
        Pki p = new Pki(backend);
        assertFalse(p.accepts("localhost", chain(p.strangers()), PeerRelaxation.EXPIRED));
        assertFalse(p.accepts("localhost", chain(p.strangers(), p.stranger), PeerRelaxation.EXPIRED));
        assertFalse(p.accepts("localhost", chain(p.expired(true), p.stranger), PeerRelaxation.EXPIRED));
        assertFalse(p.accepts("localhost", chain(p.strangers()), PeerRelaxation.SELF_SIGNED, PeerRelaxation.EXPIRED,
                PeerRelaxation.SKIP_HOSTNAME_CHECK));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void skipHostnameCheckAloneKeepsTheChainCheck(CryptoBackend backend) throws Exception {
        Pki p = new Pki(backend);
        assertFalse(p.accepts("other.test", chain(p.valid("localhost"))));
        assertTrue(p.accepts("other.test", chain(p.valid("localhost")), PeerRelaxation.SKIP_HOSTNAME_CHECK));
        assertFalse(p.accepts("other.test", chain(p.strangers()), PeerRelaxation.SKIP_HOSTNAME_CHECK));
    }
}
