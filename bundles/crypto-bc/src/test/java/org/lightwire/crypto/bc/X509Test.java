package org.lightwire.crypto.bc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.bc.BcECContentSignerBuilder;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.operator.bc.BcECContentVerifierProviderBuilder;
import org.junit.jupiter.api.Test;
import org.lightwire.api.crypto.BadEncodingException;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.CertificateRejectedException;
import org.lightwire.api.crypto.CertificateRejectedException.Reason;
import org.lightwire.api.crypto.CertificateTemplate;
import org.lightwire.api.crypto.EcCurve;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.RsaEncryption;

/** X.509 on bcpkix: reading, key extraction, making certificates and CSRs, and chain verification with its reasons. */
class X509Test {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final BcX509 X509 = new BcX509(new BcProviders(), RANDOM);
    private static final BcEc EC = new BcEc(RANDOM);
    private static final Instant NOW = Instant.now();

    private static final KeyElements ROOT_KEY = EC.generate(EcCurve.P_256);
    private static final X509Certificate ROOT = X509.selfSigned(CertificateTemplate.builder("CN=Test Root, O=Lightwire")
            .certificateAuthority(true).build(), ROOT_KEY);

    private static X509Certificate leaf(KeyElements key, X509Certificate issuer, KeyElements issuerKey, String... dns) {
        CertificateTemplate.Builder b = CertificateTemplate.builder("CN=" + (dns.length > 0 ? dns[0] : "leaf"));
        for (String d : dns) {
            b.dnsName(d);
        }
        return X509.issue(b.build(), key.publicKey(), issuer, issuerKey);
    }

    private static Reason rejection(List<X509Certificate> chain, String host, Instant at) {
        return assertThrows(CertificateRejectedException.class, () -> X509.verifyChain(chain, Set.of(ROOT), host, at)).reason();
    }

    @Test
    void selfSignedCertificateSaysWhatTheTemplateSays() throws Exception {
        KeyElements key = EC.generate(EcCurve.P_384);
        X509Certificate c = X509.selfSigned(CertificateTemplate.builder("CN=localhost, O=Lightwire").dnsName("localhost")
                .ipAddress(InetAddress.getByName("127.0.0.1")).serialNumber(BigInteger.valueOf(42)).build(), key);
        assertEquals("CN=localhost,O=Lightwire", c.getSubjectX500Principal().getName());
        assertEquals(BigInteger.valueOf(42), c.getSerialNumber());
        assertEquals("SHA384withECDSA", c.getSigAlgName());
        assertEquals(-1, c.getBasicConstraints());
        assertTrue(c.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.1"));
        c.verify(c.getPublicKey());
        assertArrayEquals(key.publicKey().element(KeyElements.EC_X), X509.publicKey(c).element(KeyElements.EC_X));
        // the JDK parses what BC wrote
        X509Certificate jdk = (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(c.getEncoded()));
        assertEquals(2, jdk.getSubjectAlternativeNames().size());
        X509.verifyChain(List.of(c), Set.of(c), "127.0.0.1", NOW);
    }

    @Test
    void rsaAndEd25519CertificatesToo() throws Exception {
        KeyElements rsa = new BcRsa(RANDOM).generate(2048);
        X509Certificate r = X509.selfSigned(CertificateTemplate.builder("CN=rsa").build(), rsa);
        assertEquals("SHA256withRSA", r.getSigAlgName());
        KeyElements ed = new BcEd25519(RANDOM).generate();
        X509Certificate e = X509.selfSigned(CertificateTemplate.builder("CN=ed").build(), ed);
        assertEquals(ed.element(KeyElements.OKP_X).length, X509.publicKey(e).element(KeyElements.OKP_X).length);
        X509.verifyChain(List.of(e), Set.of(e), null, NOW);
        X509.verifyChain(List.of(r), Set.of(r), null, NOW);
    }

    @Test
    void pemAndDerReadBackAndTextAroundBlocksIsIgnored() throws Exception {
        KeyElements key = EC.generate(EcCurve.P_256);
        X509Certificate leaf = leaf(key, ROOT, ROOT_KEY, "a.example");
        String pem = "subject=whatever\n" + X509.pem("CERTIFICATE", leaf.getEncoded()) + "junk\r\n"
                + X509.pem("CERTIFICATE", ROOT.getEncoded());
        List<X509Certificate> read = X509.certificates(pem.getBytes(StandardCharsets.US_ASCII));
        assertEquals(List.of(leaf, ROOT), read);
        assertEquals(List.of(ROOT), X509.certificates(ROOT.getEncoded()));
    }

    @Test
    void malformedCertificatesAreBadEncodings() throws Exception {
        byte[] der = ROOT.getEncoded();
        assertThrows(BadEncodingException.class, () -> X509.certificates(java.util.Arrays.copyOf(der, der.length - 1)));
        byte[] trailing = java.util.Arrays.copyOf(der, der.length + 1);
        assertThrows(BadEncodingException.class, () -> X509.certificates(trailing));
        assertThrows(BadEncodingException.class, () -> X509.certificates("no pem here".getBytes()));
        assertThrows(BadEncodingException.class, () -> X509.certificates(new byte[0]));
        assertThrows(BadEncodingException.class, () -> X509.certificates(
                "-----BEGIN CERTIFICATE-----\nMIIB!!!\n-----END CERTIFICATE-----\n".getBytes()));
        assertThrows(BadEncodingException.class, () -> X509.certificates(
                "-----BEGIN CERTIFICATE-----\nMIIB\n".getBytes()));
        assertThrows(BadEncodingException.class, () -> X509.certificates(
                "-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n".getBytes()));
        assertThrows(BadEncodingException.class, () -> X509.certificates(
                X509.pem("PRIVATE KEY", X509.encodePrivateKey(ROOT_KEY)).getBytes()));
    }

    @Test
    void privateKeysInEveryFormat() throws Exception {
        // PKCS#8 from the JDK, for each key type
        for (String alg : new String[] {"RSA", "EC", "Ed25519", "X25519"}) {
            KeyPairGenerator g = KeyPairGenerator.getInstance(alg);
            byte[] pkcs8 = g.generateKeyPair().getPrivate().getEncoded();
            KeyElements fromDer = X509.privateKey(pkcs8);
            KeyElements fromPem = X509.privateKey(X509.pem("PRIVATE KEY", pkcs8).getBytes());
            assertTrue(fromDer.isPrivate(), alg);
            assertEquals(fromDer.type(), fromPem.type());
            assertArrayEquals(X509.encodePrivateKey(fromDer), X509.encodePrivateKey(fromPem), alg);
        }
        // PKCS#1 and SEC1, written by BC's ASN.1 classes
        KeyElements rsa = new BcRsa(RANDOM).generate(2048);
        org.bouncycastle.asn1.pkcs.PrivateKeyInfo info = org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(X509.encodePrivateKey(rsa));
        byte[] pkcs1 = info.parsePrivateKey().toASN1Primitive().getEncoded();
        KeyElements back = X509.privateKey(X509.pem("RSA PRIVATE KEY", pkcs1).getBytes());
        assertArrayEquals(rsa.element(KeyElements.RSA_N), back.element(KeyElements.RSA_N));
        assertArrayEquals("x".getBytes(), new BcRsa(RANDOM).decrypt(RsaEncryption.OAEP_SHA1, back,
                new BcRsa(RANDOM).encrypt(RsaEncryption.OAEP_SHA1, rsa, "x".getBytes())));
        KeyElements ec = EC.generate(EcCurve.P_521);
        byte[] sec1 = org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(X509.encodePrivateKey(ec)).parsePrivateKey()
                .toASN1Primitive().getEncoded();
        KeyElements ecBack = X509.privateKey(X509.pem("EC PRIVATE KEY", sec1).getBytes());
        assertArrayEquals(ec.element(KeyElements.EC_Y), ecBack.element(KeyElements.EC_Y));
        assertArrayEquals(ec.element(KeyElements.EC_D), X509.privateKey(sec1).element(KeyElements.EC_D));
    }

    @Test
    void encryptedAndUnsupportedKeysAreRefusedClearly() {
        BadEncodingException e = assertThrows(BadEncodingException.class, () -> X509.privateKey(
                "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMAA=\n-----END ENCRYPTED PRIVATE KEY-----\n".getBytes()));
        assertTrue(e.getMessage().contains("encrypted"), e.getMessage());
        e = assertThrows(BadEncodingException.class, () -> X509.privateKey(("-----BEGIN RSA PRIVATE KEY-----\n"
                + "Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00000000000000000000000000000000\n\nMAA=\n"
                + "-----END RSA PRIVATE KEY-----\n").getBytes()));
        assertTrue(e.getMessage().contains("encrypted"), e.getMessage());
        assertThrows(BadEncodingException.class, () -> X509.privateKey(new byte[] {0x30, 0x03, 0x02, 0x01, 0x00}));
        assertThrows(BadEncodingException.class, () -> X509.privateKey("nothing".getBytes()));
    }

    @Test
    void csrIsSignedAndCarriesTheNames() throws Exception {
        KeyElements key = EC.generate(EcCurve.P_256);
        byte[] der = X509.certificationRequest("CN=www.example.com", List.of("www.example.com", "example.com"), key);
        PKCS10CertificationRequest csr = new PKCS10CertificationRequest(der);
        assertEquals("CN=www.example.com", csr.getSubject().toString());
        assertTrue(csr.isSignatureValid(new BcECContentVerifierProviderBuilder(new DefaultDigestAlgorithmIdentifierFinder())
                .build(org.bouncycastle.crypto.util.PublicKeyFactory.createKey(csr.getSubjectPublicKeyInfo()))));
        assertEquals(1, csr.getAttributes(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.pkcs_9_at_extensionRequest).length);
    }

    @Test
    void goodChainWithIntermediateInAnyOrder() {
        KeyElements midKey = EC.generate(EcCurve.P_256);
        X509Certificate mid = X509.issue(CertificateTemplate.builder("CN=Mid").certificateAuthority(true).build(),
                midKey.publicKey(), ROOT, ROOT_KEY);
        X509Certificate leaf = leaf(EC.generate(EcCurve.P_256), mid, midKey, "www.example.com", "*.example.org");
        X509.verifyChain(List.of(leaf, mid), Set.of(ROOT), "www.example.com", NOW);
        X509.verifyChain(List.of(leaf, mid), Set.of(ROOT), "WWW.Example.COM.", NOW);
        X509.verifyChain(List.of(leaf, mid), Set.of(ROOT), "a.example.org", NOW);
        assertEquals(Reason.HOSTNAME_MISMATCH, rejection(List.of(leaf, mid), "example.org", NOW));
        assertEquals(Reason.HOSTNAME_MISMATCH, rejection(List.of(leaf, mid), "a.b.example.org", NOW));
        assertEquals(Reason.HOSTNAME_MISMATCH, rejection(List.of(leaf, mid), "www.example.net", NOW));
    }

    @Test
    void subjectCommonNameIsNeverAHostname() {
        X509Certificate leaf = X509.issue(CertificateTemplate.builder("CN=cn-only.example").build(),
                EC.generate(EcCurve.P_256).publicKey(), ROOT, ROOT_KEY);
        assertEquals(Reason.HOSTNAME_MISMATCH, rejection(List.of(leaf), "cn-only.example", NOW));
    }

    @Test
    void validityIsCheckedAtTheGivenTime() {
        X509Certificate leaf = leaf(EC.generate(EcCurve.P_256), ROOT, ROOT_KEY, "h");
        assertEquals(Reason.EXPIRED, rejection(List.of(leaf), "h", NOW.plus(400, ChronoUnit.DAYS)));
        assertEquals(Reason.NOT_YET_VALID, rejection(List.of(leaf), "h", NOW.minus(1, ChronoUnit.DAYS)));
    }

    @Test
    void untrustedBadSignatureAndNotACa() {
        KeyElements strangerKey = EC.generate(EcCurve.P_256);
        X509Certificate stranger = X509.selfSigned(CertificateTemplate.builder("CN=Stranger").certificateAuthority(true).build(),
                strangerKey);
        assertEquals(Reason.UNTRUSTED, rejection(List.of(leaf(EC.generate(EcCurve.P_256), stranger, strangerKey)), null, NOW));

        // a certificate naming Test Root as issuer but signed by another key
        KeyElements impostorKey = EC.generate(EcCurve.P_256);
        X509Certificate impostorRoot = X509.selfSigned(CertificateTemplate.builder("CN=Test Root, O=Lightwire")
                .certificateAuthority(true).build(), impostorKey);
        assertEquals(Reason.BAD_SIGNATURE, rejection(List.of(leaf(EC.generate(EcCurve.P_256), impostorRoot, impostorKey)), null, NOW));

        KeyElements notCaKey = EC.generate(EcCurve.P_256);
        X509Certificate notCa = X509.issue(CertificateTemplate.builder("CN=Not A CA").build(), notCaKey.publicKey(), ROOT, ROOT_KEY);
        X509Certificate below = leaf(EC.generate(EcCurve.P_256), notCa, notCaKey, "x");
        assertEquals(Reason.NOT_A_CA, rejection(List.of(below, notCa), "x", NOW));
    }

    @Test
    void pathLengthAndUnknownCriticalExtensions() throws Exception {
        KeyElements midKey = EC.generate(EcCurve.P_256);
        X509Certificate mid = custom("CN=Mid0", midKey, new BasicConstraints(0), null);
        KeyElements mid2Key = EC.generate(EcCurve.P_256);
        X509Certificate mid2 = X509.issue(CertificateTemplate.builder("CN=Mid2").certificateAuthority(true).build(),
                mid2Key.publicKey(), mid, midKey);
        X509Certificate leaf = leaf(EC.generate(EcCurve.P_256), mid2, mid2Key, "y");
        assertEquals(Reason.NOT_A_CA, rejection(List.of(leaf, mid2, mid), "y", NOW));

        KeyElements oddKey = EC.generate(EcCurve.P_256);
        X509Certificate odd = custom("CN=Odd", oddKey, new BasicConstraints(true), new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"));
        X509Certificate leaf2 = leaf(EC.generate(EcCurve.P_256), odd, oddKey, "z");
        assertEquals(Reason.INVALID, rejection(List.of(leaf2, odd), "z", NOW));
    }

    /** An intermediate under ROOT with chosen basic constraints and optionally an unknown critical extension. */
    private static X509Certificate custom(String subject, KeyElements key, BasicConstraints bc, ASN1ObjectIdentifier critical)
            throws Exception {
        X509v3CertificateBuilder b = new X509v3CertificateBuilder(X500Name.getInstance(ROOT.getSubjectX500Principal().getEncoded()),
                BigInteger.valueOf(RANDOM.nextInt(1 << 30)), java.util.Date.from(NOW.minusSeconds(60)),
                java.util.Date.from(NOW.plusSeconds(86400)), new X500Name(subject),
                BcX509.publicInfo(key));
        b.addExtension(Extension.basicConstraints, true, bc);
        if (critical != null) {
            b.addExtension(critical, true, DERNull.INSTANCE);
        }
        var sigAlg = new DefaultSignatureAlgorithmIdentifierFinder().find("SHA256withECDSA");
        var signer = new BcECContentSignerBuilder(sigAlg, new DefaultDigestAlgorithmIdentifierFinder().find(sigAlg))
                .build(PrivateKeyFactory.createKey(X509.encodePrivateKey(ROOT_KEY)));
        return X509.certificates(b.build(signer).getEncoded()).get(0);
    }

    @Test
    void issuingKeyMustMatchTheIssuer() {
        assertThrows(BadKeyException.class, () -> X509.issue(CertificateTemplate.builder("CN=x").build(),
                EC.generate(EcCurve.P_256).publicKey(), ROOT, EC.generate(EcCurve.P_256)));
        assertThrows(BadKeyException.class, () -> X509.selfSigned(CertificateTemplate.builder("CN=x").build(),
                EC.generate(EcCurve.P_256).publicKey()));
    }
}
