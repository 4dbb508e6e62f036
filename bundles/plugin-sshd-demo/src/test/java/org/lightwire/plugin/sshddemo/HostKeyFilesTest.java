package org.lightwire.plugin.sshddemo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.OkpCurve;
import org.lightwire.ssh.keys.OpenSshPrivateKey;
import org.lightwire.ssh.keys.SshPublicKey;

class HostKeyFilesTest {

    private static KeyElements ed25519Private() {
        Random r = new Random(7);
        byte[] x = new byte[32];
        byte[] d = new byte[32];
        r.nextBytes(x);
        r.nextBytes(d);
        return KeyElements.okp(OkpCurve.ED25519, x, d);
    }

    @Test
    void missingKeyIsGeneratedByBaseAndStoredWithMode0600InA0700Directory(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("keys/sub/ssh_host_ed25519_key");
        HostKeyFiles keys = new HostKeyFiles("sshd", List.of(file));
        assertTrue(keys.keys().isEmpty(), "no file yet: ssh-base is asked to generate");

        KeyElements generated = ed25519Private();
        keys.store(generated);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        KeyElements reread = OpenSshPrivateKey.read(file).key();
        assertEquals(SshPublicKey.of(generated), SshPublicKey.of(reread));
        assertEquals(List.of(generated), keys.keys(), "the stored key serves at once");
        assertEquals(SshPublicKey.of(generated), SshPublicKey.of(new HostKeyFiles("sshd", List.of(file)).keys().get(0)),
                "and after a restart");
    }

    @Test
    void existingButBrokenKeyFileIsAnErrorNamingTheFileNeverReplaced(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("ssh_host_key");
        Files.writeString(file, "-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n");
        HostKeyFiles keys = new HostKeyFiles("sshd", List.of(file));
        IllegalStateException e = assertThrows(IllegalStateException.class, keys::keys);
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(Files.readString(file).contains("AAAA"), "left as it was");
    }

    @Test
    void noPathsIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> new HostKeyFiles("sshd", List.of()));
    }
}
