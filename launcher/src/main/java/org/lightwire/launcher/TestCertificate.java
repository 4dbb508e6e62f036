package org.lightwire.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * The self-signed certificate the embedded default config's https vhost (127.0.0.1:7682)
 * serves, like lws' test server's bundled test certificate — but made on first start, per
 * installation, so no private key ships in the distribution or sits in git. An EC P-256
 * key and a certificate for "localhost" and 127.0.0.1, valid for two years; written under
 * the state directory ({@code $LIGHTWIRE_STATE_DIR}, else {@code $XDG_STATE_HOME/lightwire},
 * else {@code ~/.local/state/lightwire}) in {@code tls/}, the key readable by its owner
 * only. Made with the JDK alone: the launcher runs before any crypto backend bundle.
 */
final class TestCertificate {

    static final String CERT = "localhost-cert.pem";
    static final String KEY = "localhost-key.pem";

    // ecdsa-with-SHA256, commonName, subjectAltName, basicConstraints
    private static final byte[] ECDSA_SHA256 = {0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x04, 0x03, 0x02};
    private static final byte[] CN = {0x55, 0x04, 0x03};
    private static final byte[] SAN = {0x55, 0x1d, 0x11};
    private static final byte[] BASIC_CONSTRAINTS = {0x55, 0x1d, 0x13};

    private TestCertificate() {
    }

    /** The state directory's {@code tls/}, holding a certificate and key (made now if missing). */
    static Path ensure() throws IOException {
        Path dir = stateDir().resolve("tls");
        Path cert = dir.resolve(CERT);
        Path key = dir.resolve(KEY);
        if (Files.isRegularFile(cert) && Files.isRegularFile(key)) {
            return dir;
        }
        Files.createDirectories(dir);
        String[] pem;
        try {
            pem = generate();
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot make the test certificate: " + e.getMessage(), e);
        }
        // key first, owner-only, each written beside and moved in so a half-written pair is never used
        Path keyTmp = Files.createTempFile(dir, "key", ".part",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(keyTmp, pem[1], StandardCharsets.US_ASCII);
        Files.move(keyTmp, key, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Path certTmp = Files.createTempFile(dir, "cert", ".part");
        Files.writeString(certTmp, pem[0], StandardCharsets.US_ASCII);
        Files.move(certTmp, cert, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        System.getLogger("org.lightwire.launcher").log(System.Logger.Level.INFO,
                "made a self-signed test certificate for localhost in " + dir);
        return dir;
    }

    static Path stateDir() {
        String explicit = System.getenv("LIGHTWIRE_STATE_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_STATE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "lightwire");
        }
        return Path.of(System.getProperty("user.home"), ".local", "state", "lightwire");
    }

    /** {certificate PEM, PKCS#8 key PEM}. */
    static String[] generate() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        KeyPair pair = g.generateKeyPair();
        byte[] serial = new byte[16];
        new SecureRandom().nextBytes(serial);
        serial[0] &= 0x7f; // positive
        serial[0] |= 0x40; // and no leading zero byte to strip
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC).withNano(0);
        byte[] name = seq(set(seq(oid(CN), tlv(0x0c, "localhost".getBytes(StandardCharsets.US_ASCII)))));
        byte[] algorithm = seq(oid(ECDSA_SHA256));
        byte[] san = seq(tlv(0x82, "localhost".getBytes(StandardCharsets.US_ASCII)), tlv(0x87, new byte[] {127, 0, 0, 1}));
        byte[] extensions = tlv(0xa3, seq(
                seq(oid(SAN), tlv(0x04, san)),
                seq(oid(BASIC_CONSTRAINTS), tlv(0x01, new byte[] {(byte) 0xff}), tlv(0x04, seq()))));
        byte[] tbs = seq(
                tlv(0xa0, tlv(0x02, new byte[] {2})),
                tlv(0x02, new BigInteger(serial).toByteArray()),
                algorithm,
                name,
                seq(utcTime(now.minusHours(1)), utcTime(now.plusYears(2))),
                name,
                pair.getPublic().getEncoded(),
                extensions);
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initSign(pair.getPrivate());
        s.update(tbs);
        byte[] sig = s.sign();
        byte[] bits = new byte[sig.length + 1];
        System.arraycopy(sig, 0, bits, 1, sig.length);
        byte[] cert = seq(tbs, algorithm, tlv(0x03, bits));
        return new String[] {pem("CERTIFICATE", cert), pem("PRIVATE KEY", pair.getPrivate().getEncoded())};
    }

    private static byte[] utcTime(ZonedDateTime t) {
        return tlv(0x17, DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").format(t).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] oid(byte[] encoded) {
        return tlv(0x06, encoded);
    }

    private static byte[] seq(byte[]... parts) {
        return tlv(0x30, concat(parts));
    }

    private static byte[] set(byte[]... parts) {
        return tlv(0x31, concat(parts));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** One DER element: tag, definite length (short or long form), contents. */
    static byte[] tlv(int tag, byte[] content) {
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
}
