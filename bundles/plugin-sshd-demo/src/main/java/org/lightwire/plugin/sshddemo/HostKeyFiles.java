package org.lightwire.plugin.sshddemo;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.ssh.keys.OpenSshPrivateKey;
import org.lightwire.ssh.keys.SshKeyFormatException;

/**
 * The host key files of one vhost ({@code host-key} pvo, repeatable; lws' demo keeps its
 * key in {@code /etc/lws-test-sshd-server-key}). Existing files are read with ssh-base's
 * {@link OpenSshPrivateKey}; when none of them exists yet, ssh-base generates an Ed25519
 * key ({@code getServerKeys} returned nothing) and it is written to the first path with
 * mode 0600 (its directory created 0700 when missing). A file that exists but is not a
 * usable key is an error naming the file, never silently replaced.
 */
final class HostKeyFiles {

    private static final System.Logger LOG = System.getLogger("org.lightwire.plugin.sshddemo");

    private final List<Path> files;
    private final String vhost;
    private List<KeyElements> loaded;

    HostKeyFiles(String vhost, List<Path> files) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("vhost '" + vhost + "': lws-sshd-demo needs at least one host-key path");
        }
        this.vhost = vhost;
        this.files = List.copyOf(files);
    }

    /**
     * The keys of the files that exist, read once and kept (thread-safe).
     *
     * @throws IllegalStateException naming the file when one exists but cannot be used
     */
    synchronized List<KeyElements> keys() {
        if (loaded == null) {
            List<KeyElements> keys = new ArrayList<>();
            for (Path f : files) {
                if (!Files.exists(f)) {
                    continue;
                }
                try {
                    keys.add(OpenSshPrivateKey.read(f).key());
                } catch (IOException | SshKeyFormatException e) {
                    throw new IllegalStateException("vhost '" + vhost + "': host-key " + f + ": " + e.getMessage(), e);
                }
            }
            loaded = List.copyOf(keys);
        }
        return loaded;
    }

    /**
     * Stores a key ssh-base generated into the first configured path (0600). Called when
     * {@link #keys()} was empty; a path that appeared meanwhile is left alone.
     */
    synchronized void store(KeyElements key) {
        Path target = files.get(0).toAbsolutePath();
        try {
            Path dir = target.getParent();
            if (!Files.isDirectory(dir)) {
                try {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } catch (UnsupportedOperationException e) {
                    Files.createDirectories(dir); // not a POSIX file system: no modes to set
                }
            }
            if (Files.exists(target)) {
                throw new FileAlreadyExistsException(target.toString());
            }
            OpenSshPrivateKey.write(target, key, "lws-sshd-demo host key of vhost " + vhost);
            loaded = List.of(key);
            LOG.log(System.Logger.Level.INFO, "lws-sshd-demo: vhost '" + vhost
                    + "': generated host key " + target);
        } catch (IOException e) {
            // the key still serves this run; the next start generates another one
            loaded = List.of(key);
            LOG.log(System.Logger.Level.ERROR, "lws-sshd-demo: vhost '" + vhost + "': cannot store the generated host key in "
                    + target + ": " + e);
        }
    }
}
