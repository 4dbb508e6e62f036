package org.lightwire.ssh.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * An OpenSSH {@code authorized_keys} file (sshd(8) "AUTHORIZED_KEYS FILE FORMAT"): one key
 * per line, "[options] keytype base64-key [comment]", blank lines and '#' comments ignored.
 * Options are kept as text but not interpreted — what they would restrict is up to the ops.
 * Immutable.
 */
public final class AuthorizedKeys {

    /** Longest line accepted; OpenSSH's own limit is 8 KiB-ish per key, RSA 16384 fits. */
    public static final int MAX_LINE = 16 * 1024;

    /** Most entries accepted from one file. */
    public static final int MAX_ENTRIES = 10_000;

    /**
     * One line.
     *
     * @param options the options field, "" if none
     * @param key the key
     * @param comment the comment, "" if none
     */
    public record Entry(String options, SshPublicKey key, String comment) {
    }

    private final List<Entry> entries;

    private AuthorizedKeys(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Whether a line lists this exact key (type and blob). */
    public boolean contains(String keyType, byte[] blob) {
        for (Entry e : entries) {
            if (e.key().type().equals(keyType) && Arrays.equals(e.key().blob(), blob)) {
                return true;
            }
        }
        return false;
    }

    /** Reads a file; errors name the file and line. */
    public static AuthorizedKeys read(Path file) throws IOException, SshKeyFormatException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** Parses file content; {@code source} names it in errors. */
    public static AuthorizedKeys parse(String content, String source) throws SshKeyFormatException {
        List<Entry> out = new ArrayList<>();
        String[] lines = content.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.length() > MAX_LINE) {
                throw new SshKeyFormatException(source + ":" + (i + 1) + ": line longer than " + MAX_LINE + " characters");
            }
            if (out.size() == MAX_ENTRIES) {
                throw new SshKeyFormatException(source + ": more than " + MAX_ENTRIES + " keys");
            }
            try {
                out.add(parseLine(line));
            } catch (SshKeyFormatException e) {
                throw new SshKeyFormatException(source + ":" + (i + 1) + ": " + e.getMessage());
            }
        }
        return new AuthorizedKeys(out);
    }

    /** Parses one non-comment line. */
    public static Entry parseLine(String line) throws SshKeyFormatException {
        String options = "";
        String rest = line.strip();
        if (!startsWithKeyType(rest)) {
            int end = optionsEnd(rest);
            options = rest.substring(0, end);
            rest = rest.substring(end).strip();
        }
        String[] parts = rest.split("\\s+", 3);
        if (parts.length < 2) {
            throw new SshKeyFormatException("expected 'keytype base64-key [comment]'");
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new SshKeyFormatException("key is not valid base64: " + e.getMessage());
        }
        SshWireReader r = new SshWireReader(blob, parts[0] + " key");
        String inner = r.text();
        if (!inner.equals(parts[0])) {
            throw new SshKeyFormatException("line says " + parts[0] + " but the key is " + inner);
        }
        SshPublicKey key = new SshPublicKey(parts[0], blob);
        if (parts[0].equals(SshPublicKey.RSA) || parts[0].equals(SshPublicKey.ED25519)) {
            key.toKeyElements(); // a key we will compare against must at least decode
        }
        return new Entry(options, key, parts.length == 3 ? parts[2] : "");
    }

    private static boolean startsWithKeyType(String s) {
        return s.startsWith("ssh-") || s.startsWith("ecdsa-") || s.startsWith("sk-") || s.startsWith("rsa-");
    }

    /** End of the options field: the first whitespace outside double quotes. */
    private static int optionsEnd(String s) throws SshKeyFormatException {
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && quoted && i + 1 < s.length()) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == ' ' || c == '\t')) {
                return i;
            }
        }
        throw new SshKeyFormatException(quoted ? "unterminated quote in options" : "no key after the options");
    }
}
