package org.lightwire.plugin.sshddemo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.OkpCurve;
import org.lightwire.ssh.keys.SshPublicKey;

class AuthorizedKeysFileTest {

    private static final Random RANDOM = new Random(42);

    static SshPublicKey ed25519() {
        byte[] x = new byte[32];
        RANDOM.nextBytes(x);
        return SshPublicKey.of(KeyElements.okp(OkpCurve.ED25519, x, null));
    }

    static SshPublicKey rsa() {
        BigInteger n = new BigInteger(2048, RANDOM).setBit(2047).setBit(0);
        return SshPublicKey.of(KeyElements.rsaPublic(n.toByteArray(), BigInteger.valueOf(65537).toByteArray()));
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    private static byte[] u32(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    private static byte[] sshString(byte[] s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(u32(s.length));
        out.writeBytes(s);
        return out.toByteArray();
    }

    @Test
    void plainEd25519AndRsaLinesAreAuthorised() {
        SshPublicKey a = ed25519();
        SshPublicKey b = rsa();
        AuthorizedKeysFile.Parsed p = AuthorizedKeysFile.parse("# keys\n\n" + a.toLine("alice@host") + "\r\n"
                + "  " + b.toLine(null) + "  \n", "ak");
        assertEquals(2, p.keys().size(), p.skipped().toString());
        assertTrue(p.skipped().isEmpty(), p.skipped().toString());
        assertEquals(a, p.keys().get(0));
        assertEquals(b, p.keys().get(1));
    }

    @Test
    void linesWithOptionsAreSkippedNotAuthorisedWithoutTheirRestrictions() {
        SshPublicKey a = ed25519();
        AuthorizedKeysFile.Parsed p = AuthorizedKeysFile.parse(
                "command=\"/bin/true\",no-pty " + a.toLine("c") + "\nrestrict " + a.toLine(null) + "\n", "ak");
        assertTrue(p.keys().isEmpty());
        assertEquals(2, p.skipped().size());
        assertTrue(p.skipped().get(0).startsWith("ak:1: key options are not supported"), p.skipped().get(0));
        assertTrue(p.skipped().get(1).startsWith("ak:2: "), p.skipped().get(1));
    }

    @Test
    void hostileLinesAreSkippedAndTheGoodOnesStillCount() {
        SshPublicKey good = ed25519();
        byte[] truncated = new byte[] {0, 0, 0, 11, 's', 's', 'h'};
        byte[] hugeLength = new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1, 2, 3};
        byte[] mismatched = good.blob();
        byte[] trailing = java.util.Arrays.copyOf(good.blob(), good.blob().length + 3);
        ByteArrayOutputStream shortKey = new ByteArrayOutputStream();
        shortKey.writeBytes(sshString("ssh-ed25519".getBytes(StandardCharsets.US_ASCII)));
        shortKey.writeBytes(sshString(new byte[5]));
        String[] hostile = {
            "ssh-ed25519 !!!notbase64!!! x",                        // bad base64
            "ssh-ed25519 " + b64(truncated),                        // blob shorter than its length prefix
            "ssh-ed25519 " + b64(hugeLength),                       // 4 GiB length prefix
            "ssh-rsa " + b64(mismatched),                           // line type differs from the blob's
            "ssh-ed25519 " + b64(trailing),                         // trailing bytes after the key
            "ssh-ed25519 " + b64(shortKey.toByteArray()),           // 5-byte Ed25519 key
            "ssh-ed25519",                                          // no key at all
            "from=\"unterminated " + good.toLine(null),             // options with an open quote
            "ecdsa-sha2-nistp256 " + b64(sshString("ecdsa-sha2-nistp256".getBytes(StandardCharsets.US_ASCII))),
            "ssh-ed25519 " + b64(good.blob()) + " nul\0inside",     // control character
            "ssh-ed25519 " + "A".repeat(20_000),                    // longer than any key line
            "\u00ff\u00fe garbage",
        };
        String content = String.join("\n", hostile) + "\n" + good.toLine("ok") + "\n";
        AuthorizedKeysFile.Parsed p = AuthorizedKeysFile.parse(content, "ak");
        assertEquals(java.util.List.of(good), p.keys());
        assertEquals(hostile.length, p.skipped().size(), p.skipped().toString());
        for (int i = 0; i < hostile.length; i++) {
            assertTrue(p.skipped().get(i).startsWith("ak:" + (i + 1) + ": "), p.skipped().get(i));
        }
    }

    @Test
    void fileIsRereadWhenItChangesAndMissingOrOversizedAuthorisesNobody(@TempDir Path dir) throws Exception {
        SshPublicKey a = ed25519();
        SshPublicKey b = ed25519();
        Path file = dir.resolve("authorized_keys");
        AuthorizedKeysFile keys = new AuthorizedKeysFile(file, 4096);
        assertFalse(keys.authorizes(a.type(), a.blob()), "missing file: nobody");

        Files.writeString(file, a.toLine("a") + "\n");
        assertTrue(keys.authorizes(a.type(), a.blob()));
        assertFalse(keys.authorizes(b.type(), b.blob()));
        assertFalse(keys.authorizes("ssh-rsa", a.blob()), "the type must match too");

        Files.writeString(file, b.toLine("b") + "\n");
        // the same size: make sure the modification time differs, as an edit a second later would
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(10)));
        assertTrue(keys.authorizes(b.type(), b.blob()));
        assertFalse(keys.authorizes(a.type(), a.blob()), "removed from the file: no longer authorised");

        Files.writeString(file, b.toLine("b") + "\n#" + "x".repeat(5000) + "\n");
        assertFalse(keys.authorizes(b.type(), b.blob()), "over authorized-keys-max-bytes: nobody");

        Files.delete(file);
        Files.createDirectory(file);
        assertFalse(keys.authorizes(b.type(), b.blob()), "a directory: nobody");
    }

    @Test
    void nonUtf8CommentsDoNotBreakTheFile(@TempDir Path dir) throws Exception {
        SshPublicKey a = ed25519();
        Path file = dir.resolve("authorized_keys");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((a.toLine(null) + " caf").getBytes(StandardCharsets.US_ASCII));
        out.write(0xe9); // Latin-1 é, invalid as UTF-8
        out.write('\n');
        Files.write(file, out.toByteArray());
        assertTrue(new AuthorizedKeysFile(file, 4096).authorizes(a.type(), a.blob()));
    }
}
