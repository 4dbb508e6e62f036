package org.lightwire.ssh.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.EnumSet;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.api.crypto.HashAlgorithm;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.KeyType;
import org.lightwire.api.crypto.RsaSignatureScheme;

/**
 * OpenSSH key files: keys written by ssh-keygen (test resources, made with
 * {@code ssh-keygen -t ed25519|rsa -N ''}) are read, match their {@code .pub} lines, sign,
 * and survive a write/read round trip; malformed files are refused with a reason.
 */
class OpenSshKeysTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = OpenSshKeysTest.class.getResourceAsStream("/keys/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    private static CryptoBackend crypto() {
        return ServiceLoader.load(CryptoBackend.class).findFirst().orElseThrow();
    }

    @Test
    void readsSshKeygenEd25519KeyMatchingItsPubLine() throws Exception {
        OpenSshPrivateKey.Loaded k = OpenSshPrivateKey.parse(resource("ed25519"));
        assertEquals("test-ed25519", k.comment());
        AuthorizedKeys.Entry pub = AuthorizedKeys.parseLine(resource("ed25519.pub").strip());
        assertEquals(pub.key(), SshPublicKey.of(k.key()));
        byte[] sig = crypto().ed25519().sign(k.key(), new byte[] {1, 2, 3});
        assertTrue(crypto().ed25519().verify(pub.key().toKeyElements(), new byte[] {1, 2, 3}, sig));
    }

    @Test
    void readsSshKeygenRsaKeyMatchingItsPubLine() throws Exception {
        OpenSshPrivateKey.Loaded k = OpenSshPrivateKey.parse(resource("rsa"));
        assertEquals(KeyType.RSA, k.key().type());
        assertEquals(2048, k.key().bits());
        AuthorizedKeys.Entry pub = AuthorizedKeys.parseLine(resource("rsa.pub").strip());
        assertEquals(pub.key(), SshPublicKey.of(k.key()));
        byte[] sig = crypto().rsa().sign(RsaSignatureScheme.PKCS1_V1_5, HashAlgorithm.SHA_256, k.key(), new byte[] {9});
        assertTrue(crypto().rsa().verify(RsaSignatureScheme.PKCS1_V1_5, HashAlgorithm.SHA_256, pub.key().toKeyElements(), new byte[] {9}, sig));
    }

    @Test
    void writeThenReadGivesTheSameKeyWithMode0600(@TempDir Path dir) throws Exception {
        for (KeyElements key : new KeyElements[] {crypto().ed25519().generate(), OpenSshPrivateKey.parse(resource("rsa")).key()}) {
            Path f = dir.resolve("host_key_" + key.type());
            OpenSshPrivateKey.write(f, key, "round trip");
            assertEquals(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), Files.getPosixFilePermissions(f));
            OpenSshPrivateKey.Loaded back = OpenSshPrivateKey.read(f);
            assertEquals("round trip", back.comment());
            assertEquals(SshPublicKey.of(key), SshPublicKey.of(back.key()));
            assertTrue(back.key().isPrivate());
        }
    }

    @Test
    void encryptedKeyIsRefusedWithAHint() throws Exception {
        String pem = resource("ed25519");
        byte[] data = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
        // replace cipher "none" by "nonf" (same length) to look like an encrypted file
        String s = new String(data, StandardCharsets.ISO_8859_1).replaceFirst("none", "nonf");
        SshKeyFormatException e = assertThrows(SshKeyFormatException.class,
                () -> OpenSshPrivateKey.decode(s.getBytes(StandardCharsets.ISO_8859_1)));
        assertTrue(e.getMessage().contains("encrypted"), e.getMessage());
    }

    @Test
    void truncatedAndGarbageKeysAreRefused() throws Exception {
        byte[] good = OpenSshPrivateKey.encode(crypto().ed25519().generate(), "x");
        for (int cut : new int[] {5, 20, 40, 60, good.length - 9}) {
            byte[] bad = java.util.Arrays.copyOf(good, cut);
            assertThrows(SshKeyFormatException.class, () -> OpenSshPrivateKey.decode(bad), "cut at " + cut);
        }
        assertThrows(SshKeyFormatException.class, () -> OpenSshPrivateKey.parse("-----BEGIN RSA PRIVATE KEY-----\nAAAA\n"));
        assertThrows(SshKeyFormatException.class, () -> OpenSshPrivateKey.decode(new byte[] {1, 2, 3}));
        byte[] lying = good.clone();
        lying[lying.length - 30] ^= 0x55; // inside the private key: check ints or key bytes no longer agree
        assertThrows(SshKeyFormatException.class, () -> OpenSshPrivateKey.decode(lying));
    }

    @Test
    void authorizedKeysWithOptionsCommentsAndBlankLines() throws Exception {
        String ed = resource("ed25519.pub").strip();
        String rsa = resource("rsa.pub").strip();
        String file = "# keys\n\n" + ed + "\ncommand=\"echo a b\",no-pty " + rsa + "\r\necdsa-sha2-nistp256 "
                + Base64.getEncoder().encodeToString(new byte[] {0, 0, 0, 19, 'e', 'c', 'd', 's', 'a', '-', 's', 'h', 'a', '2', '-', 'n', 'i',
                        's', 't', 'p', '2', '5', '6'})
                + " other\n";
        AuthorizedKeys ak = AuthorizedKeys.parse(file, "authorized_keys");
        assertEquals(3, ak.entries().size());
        assertEquals("command=\"echo a b\",no-pty", ak.entries().get(1).options());
        assertEquals("test-rsa", ak.entries().get(1).comment());
        SshPublicKey rsaKey = SshPublicKey.of(OpenSshPrivateKey.parse(resource("rsa")).key());
        assertTrue(ak.contains("ssh-rsa", rsaKey.blob()));
        assertFalse(ak.contains("ssh-ed25519", rsaKey.blob()));
    }

    @Test
    void badAuthorizedKeysLinesNameTheLine() {
        SshKeyFormatException e = assertThrows(SshKeyFormatException.class,
                () -> AuthorizedKeys.parse("\nssh-ed25519 !!!notbase64\n", "/etc/keys"));
        assertTrue(e.getMessage().startsWith("/etc/keys:2:"), e.getMessage());
        assertThrows(SshKeyFormatException.class, () -> AuthorizedKeys.parseLine("ssh-ed25519"));
        assertThrows(SshKeyFormatException.class, () -> AuthorizedKeys.parseLine("command=\"unterminated ssh-ed25519 AAAA"));
        // the type on the line and inside the blob disagree
        String edBlob = Base64.getEncoder().encodeToString(new byte[] {0, 0, 0, 7, 's', 's', 'h', '-', 'r', 's', 'a'});
        assertThrows(SshKeyFormatException.class, () -> AuthorizedKeys.parseLine("ssh-ed25519 " + edBlob));
        // an ssh-ed25519 blob with a 31-byte key
        byte[] shortKey = new byte[4 + 11 + 4 + 31];
        shortKey[3] = 11;
        System.arraycopy("ssh-ed25519".getBytes(StandardCharsets.US_ASCII), 0, shortKey, 4, 11);
        shortKey[18] = 31;
        assertThrows(SshKeyFormatException.class, () -> AuthorizedKeys.parseLine("ssh-ed25519 " + Base64.getEncoder().encodeToString(shortKey)));
        assertThrows(SshKeyFormatException.class, () -> AuthorizedKeys.parse("ssh-ed25519 " + "A".repeat(AuthorizedKeys.MAX_LINE), "f"));
    }
}
