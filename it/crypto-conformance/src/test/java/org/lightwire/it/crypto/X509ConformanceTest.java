package org.lightwire.it.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lightwire.api.crypto.BadEncodingException;
import org.lightwire.api.crypto.CertificateRejectedException;
import org.lightwire.api.crypto.CertificateRejectedException.Reason;
import org.lightwire.api.crypto.CertificateTemplate;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.api.crypto.EcCurve;
import org.lightwire.api.crypto.EcdsaFormat;
import org.lightwire.api.crypto.KeyElements;

/**
 * X.509: certificates, chains and CSRs made by one backend are read, verified and checked
 * by every other; chain failures carry their reason; malformed PEM/DER is refused.
 */
class X509ConformanceTest {

    private static final Instant NOW = Instant.now();

    static Stream<CryptoBackend> backends() {
        return Backends.each();
    }

    static Stream<Arguments> pairs() {
        return Backends.pairs();
    }

    /** A CA (EC P-384) and a leaf for localhost and 127.0.0.1 (RSA or the given key), made by {@code maker}. */
    record Pki(KeyElements caKey, X509Certificate ca, KeyElements leafKey, X509Certificate leaf) {
        static Pki make(CryptoBackend maker, KeyElements leafKey) {
            KeyElements caKey = maker.ec().generate(EcCurve.P_384);
            X509Certificate ca = maker.x509().selfSigned(CertificateTemplate.builder("CN=Lightwire Test CA, O=Lightwire")
                    .certificateAuthority(true).validity(NOW.minusSeconds(3600), NOW.plusSeconds(86400)).build(), caKey);
            X509Certificate leaf = maker.x509().issue(CertificateTemplate.builder("CN=localhost").dnsName("localhost")
                    .dnsName("*.example.test").ipAddress(InetAddress.getLoopbackAddress())
                    .validity(NOW.minusSeconds(3600), NOW.plusSeconds(86400)).build(), leafKey.publicKey(), ca, caKey);
            return new Pki(caKey, ca, leafKey, leaf);
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("pairs")
    void chainsMadeByOneBackendVerifyOnTheOther(CryptoBackend a, CryptoBackend b) {
        Pki pki = Pki.make(a, RsaConformanceTest.key(a));
        String pem = a.x509().pem("CERTIFICATE", der(pki.leaf())) + a.x509().pem("CERTIFICATE", der(pki.ca()));
        List<X509Certificate> chain = b.x509().certificates(pem.getBytes(StandardCharsets.US_ASCII));
        assertEquals(2, chain.size());
        b.x509().verifyChain(chain, List.of(pki.ca()), "localhost", NOW);
        b.x509().verifyChain(chain, List.of(pki.ca()), "www.example.test", NOW);
        b.x509().verifyChain(chain, List.of(pki.ca()), "127.0.0.1", NOW);
        b.x509().verifyChain(List.of(pki.leaf()), List.of(pki.ca()), null, NOW);
        KeyElements pub = b.x509().publicKey(chain.get(0));
        assertArrayEquals(pki.leafKey().element(KeyElements.RSA_N), pub.element(KeyElements.RSA_N));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void chainFailuresNameTheirReason(CryptoBackend backend) {
        Pki pki = Pki.make(backend, backend.ec().generate(EcCurve.P_256));
        List<X509Certificate> chain = List.of(pki.leaf(), pki.ca());
        assertReason(Reason.HOSTNAME_MISMATCH, () -> backend.x509().verifyChain(chain, List.of(pki.ca()), "example.org", NOW));
        assertReason(Reason.HOSTNAME_MISMATCH, () -> backend.x509().verifyChain(chain, List.of(pki.ca()), "a.b.example.test", NOW));
        assertReason(Reason.HOSTNAME_MISMATCH, () -> backend.x509().verifyChain(chain, List.of(pki.ca()), "127.0.0.2", NOW));
        assertReason(Reason.EXPIRED, () -> backend.x509().verifyChain(chain, List.of(pki.ca()), null, NOW.plusSeconds(200000)));
        assertReason(Reason.NOT_YET_VALID, () -> backend.x509().verifyChain(chain, List.of(pki.ca()), null, NOW.minusSeconds(7200)));
        X509Certificate otherCa = backend.x509().selfSigned(CertificateTemplate.builder("CN=Another CA")
                .certificateAuthority(true).build(), backend.ec().generate(EcCurve.P_256));
        assertReason(Reason.UNTRUSTED, () -> backend.x509().verifyChain(chain, List.of(otherCa), null, NOW));
        // a CA with the same name but another key: the leaf's signature does not verify
        X509Certificate impostor = backend.x509().selfSigned(CertificateTemplate.builder("CN=Lightwire Test CA, O=Lightwire")
                .certificateAuthority(true).validity(NOW.minusSeconds(3600), NOW.plusSeconds(86400)).build(),
                backend.ec().generate(EcCurve.P_384));
        assertReason(Reason.BAD_SIGNATURE, () -> backend.x509().verifyChain(List.of(pki.leaf()), List.of(impostor), null, NOW));
        // a leaf is not a CA: what it "issues" is refused
        X509Certificate underLeaf = backend.x509().issue(CertificateTemplate.builder("CN=evil").dnsName("localhost").build(),
                backend.ec().generate(EcCurve.P_256).publicKey(), pki.leaf(), pki.leafKey());
        assertReason(Reason.NOT_A_CA,
                () -> backend.x509().verifyChain(List.of(underLeaf, pki.leaf()), List.of(pki.ca()), "localhost", NOW));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("pairs")
    void privateKeysRoundTripThroughPkcs8(CryptoBackend a, CryptoBackend b) {
        for (KeyElements k : List.of(RsaConformanceTest.key(a), a.ec().generate(EcCurve.P_256), a.ec().generate(EcCurve.P_521),
                a.ed25519().generate(), a.x25519().generate())) {
            String pem = a.x509().pem("PRIVATE KEY", a.x509().encodePrivateKey(k));
            KeyElements back = b.x509().privateKey(pem.getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < k.type().elementCount(); i++) {
                assertArrayEquals(k.element(i), back.element(i), k + " element " + i);
            }
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("pairs")
    void csrSignatureVerifiesOnTheOtherBackend(CryptoBackend a, CryptoBackend b) {
        KeyElements key = a.ec().generate(EcCurve.P_256);
        byte[] csr = a.x509().certificationRequest("CN=acme.example.test", List.of("acme.example.test", "www.example.test"), key);
        // CertificationRequest ::= SEQUENCE { info, algorithm, BIT STRING signature }
        Der.Walk outer = new Der.Walk(csr).enter();
        byte[] info = outer.raw();
        outer.skip();
        outer.skip();
        byte[] signature = outer.bitString();
        assertTrue(b.ec().verify(EcCurve.P_256.naturalHash(), key.publicKey(), info, signature, EcdsaFormat.DER));
        String text = new String(info, StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("acme.example.test") && text.contains("www.example.test"), "SANs in the request");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void malformedInputIsABadEncoding(CryptoBackend backend) {
        Pki pki = Pki.make(backend, backend.ec().generate(EcCurve.P_256));
        byte[] der = der(pki.leaf());
        String pem = backend.x509().pem("CERTIFICATE", der);
        List<byte[]> bad = List.of(
                Arrays.copyOf(der, der.length - 1),
                Arrays.copyOf(der, der.length + 1),
                new byte[] {0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff},
                pem.substring(0, pem.length() - 20).getBytes(StandardCharsets.US_ASCII),
                pem.replace("M", "*").getBytes(StandardCharsets.US_ASCII),
                "no pem here".getBytes(StandardCharsets.US_ASCII),
                new byte[0]);
        for (byte[] b : bad) {
            assertThrows(BadEncodingException.class, () -> backend.x509().certificates(b));
        }
        String encrypted = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nAAAA\n"
                + "-----END RSA PRIVATE KEY-----\n";
        assertThrows(BadEncodingException.class, () -> backend.x509().privateKey(encrypted.getBytes(StandardCharsets.US_ASCII)));
        String pkcs8Encrypted = "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMAA=\n-----END ENCRYPTED PRIVATE KEY-----\n";
        assertThrows(BadEncodingException.class, () -> backend.x509().privateKey(pkcs8Encrypted.getBytes(StandardCharsets.US_ASCII)));
        assertThrows(BadEncodingException.class, () -> backend.x509().privateKey(der));
    }

    static byte[] der(X509Certificate c) {
        try {
            return c.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertReason(Reason expected, org.junit.jupiter.api.function.Executable call) {
        CertificateRejectedException e = assertThrows(CertificateRejectedException.class, call);
        assertEquals(expected, e.reason(), e.getMessage());
    }
}
