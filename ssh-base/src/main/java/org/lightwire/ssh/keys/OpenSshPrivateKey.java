package org.lightwire.ssh.keys;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import org.lightwire.api.crypto.CryptoException;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.KeyType;
import org.lightwire.api.crypto.OkpCurve;

/**
 * OpenSSH's private key file format ({@code openssh-key-v1}, OpenSSH PROTOCOL.key), the
 * unencrypted form ssh-keygen writes with an empty passphrase: read it into crypto-SPI
 * {@link KeyElements} and write it back, for RSA and Ed25519 keys. Encrypted files are
 * refused with a message saying so.
 */
public final class OpenSshPrivateKey {

    private static final String BEGIN = "-----BEGIN OPENSSH PRIVATE KEY-----";
    private static final String END = "-----END OPENSSH PRIVATE KEY-----";
    private static final byte[] MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);
    /** Larger than any RSA-16384 key file. */
    private static final int MAX_FILE = 64 * 1024;

    /**
     * A key read from a file.
     *
     * @param key the private key elements
     * @param comment the comment stored with it
     */
    public record Loaded(KeyElements key, String comment) {
    }

    private OpenSshPrivateKey() {
    }

    /** Reads the first key of an OpenSSH private key file; errors name the file. */
    public static Loaded read(Path file) throws IOException, SshKeyFormatException {
        if (Files.size(file) > MAX_FILE) {
            throw new SshKeyFormatException(file + ": larger than " + MAX_FILE + " bytes, not an OpenSSH private key");
        }
        try {
            return parse(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (SshKeyFormatException e) {
            throw new SshKeyFormatException(file + ": " + e.getMessage());
        }
    }

    /** Parses the PEM-armoured text of a key file. */
    public static Loaded parse(String pem) throws SshKeyFormatException {
        String s = pem.strip();
        int b = s.indexOf(BEGIN);
        int e = s.indexOf(END);
        if (b < 0 || e < b) {
            throw new SshKeyFormatException("not an OpenSSH private key (no " + BEGIN + " ... " + END + ")");
        }
        byte[] data;
        try {
            data = Base64.getMimeDecoder().decode(s.substring(b + BEGIN.length(), e).replaceAll("\\s", ""));
        } catch (IllegalArgumentException x) {
            throw new SshKeyFormatException("bad base64 in the key: " + x.getMessage());
        }
        return decode(data);
    }

    /** Decodes the binary {@code openssh-key-v1} structure. */
    public static Loaded decode(byte[] data) throws SshKeyFormatException {
        if (data.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(data, MAGIC.length), MAGIC)) {
            throw new SshKeyFormatException("missing the openssh-key-v1 magic");
        }
        SshWireReader r = new SshWireReader(Arrays.copyOfRange(data, MAGIC.length, data.length), "openssh-key-v1");
        String cipher = r.text();
        String kdf = r.text();
        r.string(); // kdf options
        if (!cipher.equals("none") || !kdf.equals("none")) {
            throw new SshKeyFormatException("the key is encrypted (" + cipher + "/" + kdf + "); remove the passphrase with ssh-keygen -p");
        }
        int n = r.u32();
        if (n < 1 || n > 16) {
            throw new SshKeyFormatException("unreasonable key count " + n);
        }
        for (int i = 0; i < n; i++) {
            r.string(); // public keys, repeated inside the private section
        }
        byte[] priv = r.string();
        SshWireReader p = new SshWireReader(priv, "openssh-key-v1 private section");
        int check1 = p.u32();
        int check2 = p.u32();
        if (check1 != check2) {
            throw new SshKeyFormatException("check integers differ (wrong passphrase or corrupt file)");
        }
        String type = p.text();
        try {
            KeyElements key;
            switch (type) {
                case SshPublicKey.ED25519: {
                    byte[] pub = p.string();
                    byte[] both = p.string();
                    if (pub.length != 32 || both.length != 64 || !Arrays.equals(Arrays.copyOfRange(both, 32, 64), pub)) {
                        throw new SshKeyFormatException("malformed ssh-ed25519 private key");
                    }
                    key = KeyElements.okp(OkpCurve.ED25519, pub, Arrays.copyOf(both, 32));
                    Arrays.fill(both, (byte) 0);
                    break;
                }
                case SshPublicKey.RSA: {
                    BigInteger nn = new BigInteger(1, p.mpint());
                    BigInteger ee = new BigInteger(1, p.mpint());
                    BigInteger d = new BigInteger(1, p.mpint());
                    BigInteger qi = new BigInteger(1, p.mpint());
                    BigInteger pp = new BigInteger(1, p.mpint());
                    BigInteger q = new BigInteger(1, p.mpint());
                    if (pp.signum() == 0 || q.signum() == 0 || !pp.multiply(q).equals(nn)) {
                        throw new SshKeyFormatException("malformed ssh-rsa private key (p*q != n)");
                    }
                    key = KeyElements.rsa(nn, ee, d, pp, q, d.mod(pp.subtract(BigInteger.ONE)),
                            d.mod(q.subtract(BigInteger.ONE)), qi);
                    break;
                }
                default:
                    throw new SshKeyFormatException("unsupported key type '" + type + "' (ssh-ed25519 and ssh-rsa are)");
            }
            String comment = p.text();
            byte[] pad = p.rest();
            for (int i = 0; i < pad.length; i++) {
                if (pad[i] != (byte) (i + 1)) {
                    throw new SshKeyFormatException("bad padding after the private key");
                }
            }
            return new Loaded(key, comment);
        } catch (CryptoException x) {
            throw new SshKeyFormatException(type + " private key: " + x.getMessage());
        }
    }

    /** Encodes {@code key} (private RSA or Ed25519) as the binary structure. */
    public static byte[] encode(KeyElements key, String comment) {
        if (!key.isPrivate()) {
            throw new IllegalArgumentException("an OpenSSH private key file needs a private key, got " + key);
        }
        SshPublicKey pub = SshPublicKey.of(key);
        SshWireWriter p = new SshWireWriter();
        int check = new SecureRandom().nextInt();
        p.u32(check).u32(check).string(pub.type());
        if (key.type() == KeyType.RSA) {
            BigInteger pp = key.bigInteger(KeyElements.RSA_P);
            BigInteger q = key.bigInteger(KeyElements.RSA_Q);
            BigInteger qi = key.has(KeyElements.RSA_QI) ? key.bigInteger(KeyElements.RSA_QI) : q.modInverse(pp);
            p.mpint(key.element(KeyElements.RSA_N)).mpint(key.element(KeyElements.RSA_E)).mpint(key.element(KeyElements.RSA_D))
                    .mpint(qi.toByteArray()).mpint(pp.toByteArray()).mpint(q.toByteArray());
        } else {
            byte[] x = key.element(KeyElements.OKP_X);
            byte[] d = key.element(KeyElements.OKP_D);
            byte[] both = new byte[64];
            System.arraycopy(d, 0, both, 0, 32);
            System.arraycopy(x, 0, both, 32, 32);
            p.string(x).string(both);
            Arrays.fill(both, (byte) 0);
            Arrays.fill(d, (byte) 0);
        }
        p.string(comment == null ? "" : comment);
        for (int i = 1; p.size() % 8 != 0; i++) {
            p.raw(new byte[] {(byte) i});
        }
        SshWireWriter w = new SshWireWriter();
        w.raw(MAGIC).string("none").string("none").string(new byte[0]).u32(1).string(pub.blob()).string(p.toBytes());
        return w.toBytes();
    }

    /** The PEM-armoured text, as ssh-keygen writes it (70-character lines). */
    public static String format(KeyElements key, String comment) {
        String b64 = Base64.getEncoder().encodeToString(encode(key, comment));
        StringBuilder sb = new StringBuilder(BEGIN).append('\n');
        for (int i = 0; i < b64.length(); i += 70) {
            sb.append(b64, i, Math.min(b64.length(), i + 70)).append('\n');
        }
        return sb.append(END).append('\n').toString();
    }

    /**
     * Writes {@code key} to {@code file} with mode 0600 (where the file system has POSIX
     * modes): written to a temporary file in the same directory created 0600, then moved
     * into place, so the key is never readable by others, not even briefly.
     */
    public static void write(Path file, KeyElements key, String comment) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp;
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Set<PosixFilePermission> owner = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            tmp = Files.createTempFile(dir, ".hostkey", ".tmp", PosixFilePermissions.asFileAttribute(owner));
        } else {
            tmp = Files.createTempFile(dir, ".hostkey", ".tmp");
        }
        try {
            Files.writeString(tmp, format(key, comment), StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
