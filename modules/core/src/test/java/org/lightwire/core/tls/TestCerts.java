package org.lightwire.core.tls;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Test certificates made with the JDK alone (EC P-256, a minimal DER writer): a CA and
 * leaves it signs, as PEM and as JDK objects, and SSLContexts over them.
 */
final class TestCerts {

    /** One key and its certificate. */
    record Issued(KeyPair keys, X509Certificate cert, String certPem, String keyPem, String subject) {
    }

    private static final byte[] ECDSA_SHA256 = {0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x04, 0x03, 0x02};

    private TestCerts() {
    }

    static Issued ca(String cn) throws Exception {
        KeyPair k = keys();
        return issue(cn, k, cn, k.getPrivate(), true, null);
    }

    /** A leaf for {@code dnsName} signed by {@code ca} (null: self-signed). */
    static Issued leaf(String dnsName, Issued ca) throws Exception {
        KeyPair k = keys();
        return ca == null ? issue(dnsName, k, dnsName, k.getPrivate(), false, dnsName)
                : issue(dnsName, k, ca.subject(), ca.keys().getPrivate(), false, dnsName);
    }

    /** Writes {@code HOST.crt} and {@code HOST.key} into {@code dir} for each host, signed by {@code ca}. */
    static void writeLeaves(Path dir, Issued ca, String... hosts) throws Exception {
        for (String host : hosts) {
            Issued leaf = leaf(host, ca);
            Files.writeString(dir.resolve(host + ".crt"), leaf.certPem());
            Files.writeString(dir.resolve(host + ".key"), leaf.keyPem());
        }
    }

    private static KeyPair keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static Issued issue(String cn, KeyPair subjectKeys, String issuerCn, PrivateKey issuerKey, boolean isCa, String dns)
            throws Exception {
        byte[] serial = new byte[12];
        new SecureRandom().nextBytes(serial);
        serial[0] = 0x11;
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC).withNano(0);
        byte[] alg = tlv(0x30, tlv(0x06, ECDSA_SHA256));
        byte[] bc = tlv(0x30, concat(tlv(0x06, new byte[] {0x55, 0x1d, 0x13}), tlv(0x01, new byte[] {(byte) 0xff}),
                tlv(0x04, tlv(0x30, isCa ? tlv(0x01, new byte[] {(byte) 0xff}) : new byte[0]))));
        byte[] ext = bc;
        if (dns != null) {
            byte[] san = tlv(0x30, concat(tlv(0x82, dns.getBytes(StandardCharsets.US_ASCII)), tlv(0x87, new byte[] {127, 0, 0, 1})));
            ext = concat(ext, tlv(0x30, concat(tlv(0x06, new byte[] {0x55, 0x1d, 0x11}), tlv(0x04, san))));
        }
        byte[] tbs = tlv(0x30, concat(
                tlv(0xa0, tlv(0x02, new byte[] {2})),
                tlv(0x02, new BigInteger(serial).toByteArray()),
                alg, name(issuerCn),
                tlv(0x30, concat(time(now.minusHours(1)), time(now.plusDays(2)))),
                name(cn), subjectKeys.getPublic().getEncoded(),
                tlv(0xa3, tlv(0x30, ext))));
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initSign(issuerKey);
        s.update(tbs);
        byte[] sig = s.sign();
        byte[] bits = new byte[sig.length + 1];
        System.arraycopy(sig, 0, bits, 1, sig.length);
        byte[] der = tlv(0x30, concat(tbs, alg, tlv(0x03, bits)));
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
        return new Issued(subjectKeys, cert, pem("CERTIFICATE", der), pem("PRIVATE KEY", subjectKeys.getPrivate().getEncoded()), cn);
    }

    private static byte[] name(String cn) {
        return tlv(0x30, tlv(0x31, tlv(0x30, concat(tlv(0x06, new byte[] {0x55, 0x04, 0x03}),
                tlv(0x0c, cn.getBytes(StandardCharsets.UTF_8))))));
    }

    private static byte[] time(ZonedDateTime t) {
        return tlv(0x17, DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").format(t).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** A JDK server context presenting {@code leaf}. */
    static SSLContext server(Issued leaf) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("k", leaf.keys().getPrivate(), "x".toCharArray(), new X509Certificate[] {leaf.cert()});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
        kmf.init(ks, "x".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    /** A JDK client context trusting {@code anchor}. */
    static SSLContext client(Issued anchor) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("a", anchor.cert());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
