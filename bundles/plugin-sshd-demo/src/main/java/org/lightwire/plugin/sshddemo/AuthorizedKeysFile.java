package org.lightwire.plugin.sshddemo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.lightwire.ssh.keys.AuthorizedKeys;
import org.lightwire.ssh.keys.SshKeyFormatException;
import org.lightwire.ssh.keys.SshPublicKey;

/**
 * The {@code authorized-keys} file of one vhost (what sshd reads from
 * {@code ~/.ssh/authorized_keys}; lws' demo compiles one key in instead). Read again when
 * its size, modification time or identity change, so adding or removing a key needs no
 * restart. Fails closed: a missing, unreadable or oversized file authorises nobody.
 *
 * <p>Lines are parsed with ssh-base's {@link AuthorizedKeys#parseLine}. Unlike sshd, a
 * line carrying options ({@code command=}, {@code from=}, {@code restrict}, ...) is
 * <em>skipped</em>: this demo cannot honour them, and ignoring a restriction would grant
 * more than the file says. A malformed line is skipped too, logged with file and line
 * number, and the other lines still count (as sshd does).
 */
final class AuthorizedKeysFile {

    private static final System.Logger LOG = System.getLogger("org.lightwire.plugin.sshddemo");

    /** What a read of the file produced: the keys and the lines that were skipped, with why. */
    record Parsed(List<SshPublicKey> keys, List<String> skipped) {
    }

    private final Path file;
    private final int maxBytes;
    private Object stamp;
    private List<SshPublicKey> keys = List.of();

    AuthorizedKeysFile(Path file, int maxBytes) {
        this.file = Objects.requireNonNull(file, "file");
        this.maxBytes = maxBytes;
    }

    Path file() {
        return file;
    }

    /**
     * Whether the file lists this exact key. Checks the file's attributes on every call
     * (one stat) and rereads it when they changed. Thread-safe: loops of one vhost share it.
     */
    synchronized boolean authorizes(String keyType, byte[] blob) {
        refresh();
        for (SshPublicKey k : keys) {
            // public keys are not secret; isEqual only because it states "compare bytes"
            if (k.type().equals(keyType) && MessageDigest.isEqual(k.blob(), blob)) {
                return true;
            }
        }
        return false;
    }

    private void refresh() {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            replace("missing", List.of(), "authorized-keys file " + file + " does not exist: nobody can log in");
            return;
        } catch (IOException e) {
            replace("unreadable", List.of(), "authorized-keys file " + file + " cannot be read (" + e + "): nobody can log in");
            return;
        }
        Object now = List.of(attrs.size(), attrs.lastModifiedTime(), String.valueOf(attrs.fileKey()));
        if (now.equals(stamp)) {
            return;
        }
        if (!attrs.isRegularFile()) {
            replace(now, List.of(), "authorized-keys " + file + " is not a regular file: nobody can log in");
            return;
        }
        if (attrs.size() > maxBytes) {
            replace(now, List.of(), "authorized-keys file " + file + " is larger than authorized-keys-max-bytes ("
                    + maxBytes + "): nobody can log in");
            return;
        }
        try {
            Parsed parsed = parse(read(file, maxBytes), file.toString());
            for (String why : parsed.skipped()) {
                LOG.log(System.Logger.Level.WARNING, "lws-sshd-demo: skipping " + why);
            }
            replace(now, parsed.keys(), null);
            LOG.log(System.Logger.Level.INFO, "lws-sshd-demo: " + keys.size() + " key(s) authorised by " + file);
        } catch (IOException e) {
            replace(now, List.of(), "authorized-keys file " + file + " cannot be read (" + e + "): nobody can log in");
        }
    }

    private void replace(Object newStamp, List<SshPublicKey> newKeys, String warning) {
        if (warning != null && !newStamp.equals(stamp)) {
            LOG.log(System.Logger.Level.WARNING, "lws-sshd-demo: " + warning);
        }
        stamp = newStamp;
        keys = newKeys;
    }

    /** Reads at most {@code maxBytes}; a file that grew past the limit meanwhile is refused. */
    private static String read(Path file, int maxBytes) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new IOException("larger than authorized-keys-max-bytes (" + maxBytes + ")");
            }
            // comments may be in any encoding: undecodable bytes become U+FFFD, keys are ASCII
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
        }
    }

    /**
     * Parses authorized_keys text: every line that is a plain key (no options) and decodes
     * is kept; every other non-blank, non-comment line is reported as skipped with
     * {@code source:line} and the reason.
     */
    static Parsed parse(String content, String source) {
        List<SshPublicKey> out = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int lineNo = 0;
        int start = 0;
        while (start <= content.length()) {
            int nl = content.indexOf('\n', start);
            int end = nl < 0 ? content.length() : nl;
            lineNo++;
            String line = content.substring(start, end);
            start = end + 1;
            String why = acceptLine(line, out);
            if (why != null) {
                skipped.add(source + ":" + lineNo + ": " + why);
            }
            if (nl < 0) {
                break;
            }
        }
        return new Parsed(List.copyOf(out), List.copyOf(skipped));
    }

    /** Adds the key of {@code line} to {@code out}; returns why it was skipped, or null. */
    private static String acceptLine(String raw, List<SshPublicKey> out) {
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#")) {
            return null;
        }
        if (line.length() > AuthorizedKeys.MAX_LINE) {
            return "line longer than " + AuthorizedKeys.MAX_LINE + " characters";
        }
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x20 && c != '\t') {
                return "control character in line";
            }
        }
        if (out.size() >= AuthorizedKeys.MAX_ENTRIES) {
            return "more than " + AuthorizedKeys.MAX_ENTRIES + " keys";
        }
        AuthorizedKeys.Entry entry;
        try {
            entry = AuthorizedKeys.parseLine(line);
        } catch (SshKeyFormatException | RuntimeException e) {
            // RuntimeException too: a hostile line must never take the whole file (or the loop) down
            return e.getMessage();
        }
        if (!entry.options().isEmpty()) {
            return "key options are not supported by lws-sshd-demo (" + abbreviate(entry.options())
                    + "); the key is not authorised rather than authorised without its restrictions";
        }
        SshPublicKey key = entry.key();
        if (!key.type().equals(SshPublicKey.ED25519) && !key.type().equals(SshPublicKey.RSA)) {
            return "key type " + abbreviate(key.type()) + " is not supported (ssh-ed25519 and ssh-rsa are)";
        }
        out.add(key);
        return null;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }
}
