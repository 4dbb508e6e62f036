package org.lightwire.tls.verify;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lightwire.api.crypto.TlsSettings.PeerRelaxation;

/**
 * {@link RelaxedServerTrust} on its own, with a fixed clock, over each backend's stack: the
 * JDK's PKIX trust manager and SUN path builder (as crypto-jca wires it), and BCJSSE's trust
 * manager with BC's path builder (as crypto-bc does). The handshakes through each backend's
 * TLS contexts are tested in the backends.
 */
class RelaxedServerTrustTest {

    private static final Instant NOW = Instant.now();
    private static final Duration DAY = Duration.ofDays(1);

    private static final KeyPair CA_KEY = TestCertificates.ecKey();
    private static final X509Certificate CA = TestCertificates.selfSigned("CN=Relaxed Test CA", null, true, CA_KEY,
            NOW.minus(DAY.multipliedBy(30)), NOW.plus(DAY.multipliedBy(30)));
    private static final KeyPair STRANGER_KEY = TestCertificates.ecKey();
    private static final X509Certificate STRANGER = TestCertificates.selfSigned("CN=Stranger CA", null, true, STRANGER_KEY,
            NOW.minus(DAY.multipliedBy(30)), NOW.plus(DAY.multipliedBy(30)));
    private static final KeyPair KEY = TestCertificates.ecKey();

    private static X509Certificate issued(String host, String ca, KeyPair caKey, Instant from, Instant until) {
        return TestCertificates.issue("CN=" + host, host, false, KEY.getPublic(), ca, caKey.getPrivate(), from, until);
    }

    private static X509Certificate selfSigned(String host, Instant from, Instant until) {
        return TestCertificates.selfSigned("CN=" + host, host, false, KEY, from, until);
    }

    private static final X509Certificate VALID = issued("localhost", "CN=Relaxed Test CA", CA_KEY, NOW.minus(DAY), NOW.plus(DAY));
    private static final X509Certificate EXPIRED = issued("localhost", "CN=Relaxed Test CA", CA_KEY,
            NOW.minus(DAY.multipliedBy(10)), NOW.minus(DAY.multipliedBy(5)));
    private static final X509Certificate NOT_YET_VALID = issued("localhost", "CN=Relaxed Test CA", CA_KEY,
            NOW.plus(DAY.multipliedBy(5)), NOW.plus(DAY.multipliedBy(10)));
    private static final X509Certificate STRANGERS = issued("localhost", "CN=Stranger CA", STRANGER_KEY, NOW.minus(DAY), NOW.plus(DAY));
    private static final X509Certificate SELF = selfSigned("localhost", NOW.minus(DAY), NOW.plus(DAY));
    private static final X509Certificate SELF_WRONG_NAME = selfSigned("wrong.test", NOW.minus(DAY), NOW.plus(DAY));

    /** A backend's trust stack: where its real trust manager and its PKIX path builder come from. */
    record Stack(String name, Provider trustManagers, Provider pkix) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Stack> stacks() {
        BouncyCastleProvider bc = new BouncyCastleProvider();
        return Stream.of(new Stack("JDK (crypto-jca)", null, Security.getProvider("SUN")),
                new Stack("BC (crypto-bc)", new BouncyCastleJsseProvider(bc), bc));
    }

    private static X509Certificate[] chain(X509Certificate... c) {
        return c;
    }

    private static RelaxedServerTrust trust(Stack stack, Set<PeerRelaxation> relaxations) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("ca", CA);
        TrustManagerFactory tmf = stack.trustManagers() == null ? TrustManagerFactory.getInstance("PKIX")
                : TrustManagerFactory.getInstance("PKIX", stack.trustManagers());
        tmf.init(ks);
        return new RelaxedServerTrust((X509ExtendedTrustManager) tmf.getTrustManagers()[0], relaxations,
                Clock.fixed(NOW, ZoneOffset.UTC), stack.pkix());
    }

    private static X509Certificate tamperedSignature(X509Certificate c) throws Exception {
        byte[] der = c.getEncoded();
        // the last byte is inside the signature value: the certificate still parses, its signature fails
        der[der.length - 1] ^= 0x01;
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void aSelfSignedCertificateMustVerifyWithItsOwnKey(Stack stack) throws Exception {
        RelaxedServerTrust t = trust(stack, Set.of(PeerRelaxation.SELF_SIGNED));
        t.acceptSelfSigned(chain(SELF), "localhost");
        assertThrows(CertificateException.class, () -> t.acceptSelfSigned(chain(tamperedSignature(SELF)), "localhost"));
        // subject equal to its issuer's name, but signed by the CA: self-issued, not self-signed
        X509Certificate selfIssued = TestCertificates.issue("CN=Relaxed Test CA", "localhost", false, KEY.getPublic(),
                "CN=Relaxed Test CA", CA_KEY.getPrivate(), NOW.minus(DAY), NOW.plus(DAY));
        assertThrows(CertificateException.class, () -> t.acceptSelfSigned(chain(selfIssued), "localhost"));
        assertThrows(CertificateException.class, () -> t.acceptSelfSigned(chain(SELF), ""), "identification asked, no host");
        t.acceptSelfSigned(chain(SELF_WRONG_NAME), null);
        assertThrows(CertificateException.class, () -> t.acceptSelfSigned(chain(SELF, CA), "localhost"), "a chain of two");
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void theTwoArgumentCheckKnowsNoHostAndStillJudgesTheChain(Stack stack) throws Exception {
        RelaxedServerTrust t = trust(stack, EnumSet.of(PeerRelaxation.SELF_SIGNED, PeerRelaxation.EXPIRED));
        t.checkServerTrusted(chain(SELF_WRONG_NAME), "ECDHE_ECDSA");
        t.checkServerTrusted(chain(EXPIRED), "ECDHE_ECDSA");
        CertificateException e = assertThrows(CertificateException.class,
                () -> t.checkServerTrusted(chain(STRANGERS, STRANGER), "ECDHE_ECDSA"));
        assertTrue(e.getSuppressed().length == 1, "the relaxations' reasons ride along");
        // the X509TrustManager contract, as the real trust manager keeps it
        assertThrows(IllegalArgumentException.class, () -> t.checkServerTrusted(new X509Certificate[0], "ECDHE_ECDSA"));
        assertThrows(CertificateException.class, () -> trust(stack, Set.of()).checkServerTrusted(chain(SELF), "ECDHE_ECDSA"));
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void expiredPicksAnInstantInsideEveryValidityPeriod(Stack stack) throws Exception {
        RelaxedServerTrust t = trust(stack, Set.of(PeerRelaxation.EXPIRED));
        t.acceptExpired(chain(EXPIRED), "localhost");
        t.acceptExpired(chain(EXPIRED, CA), "localhost");
        assertThrows(CertificateException.class, () -> t.acceptExpired(chain(VALID), "other.test"),
                "a chain within its dates fails for another reason");
        assertThrows(CertificateException.class, () -> t.acceptExpired(chain(EXPIRED, NOT_YET_VALID), "localhost"),
                "periods that do not overlap");
    }
}
