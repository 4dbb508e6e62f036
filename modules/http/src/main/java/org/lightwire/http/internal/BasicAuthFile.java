package org.lightwire.http.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.lightwire.api.http.HttpFields;

/**
 * The credentials of a {@code basic-auth} mount (lws {@code lws_check_basic_auth} with the
 * lwsws mount key {@code "basic-auth"}): a text file of {@code user:password} lines, checked
 * against a request's {@code Authorization: Basic} field (RFC 7617, UTF-8).
 *
 * <p>Passwords are kept only as SHA-256 digests and compared with
 * {@link MessageDigest#isEqual} on those fixed-length digests, so the time a check takes
 * says nothing about how much of a guess was right; an unknown user is compared against a
 * dummy digest for the same reason. The file is re-read when its size, time or identity
 * changes (lws reads it on every request), so passwords can change without a restart; if
 * it then cannot be read or parsed, every check fails (closed, not open) until it is fixed.
 */
public final class BasicAuthFile {

    /** Longest Authorization value looked at; longer ones are refused unread. */
    public static final int MAX_AUTHORIZATION_CHARS = 4096;

    /** Why a loaded file cannot be used. */
    public static final class CredentialsException extends Exception {
        private static final long serialVersionUID = 1L;

        CredentialsException(String message) {
            super(message);
        }
    }

    private record Loaded(long modified, long size, Object fileKey, Map<String, byte[]> digests, String failure) {
    }

    private static final System.Logger LOG = System.getLogger(BasicAuthFile.class.getName());
    private static final byte[] DUMMY = new byte[32];

    private final Path file;
    private final long maxBytes;
    private volatile Loaded loaded;

    private BasicAuthFile(Path file, long maxBytes, Loaded loaded) {
        this.file = file;
        this.maxBytes = maxBytes;
        this.loaded = loaded;
    }

    /**
     * Loads {@code file}, which may never be longer than {@code maxBytes}
     * ({@code http-max-credentials-file-bytes}; a reread finding it longer fails closed).
     * @throws CredentialsException naming the file (and line) if it is missing, unreadable,
     *         too large or malformed
     */
    public static BasicAuthFile load(Path file, long maxBytes) throws CredentialsException {
        Loaded l = read(file, maxBytes);
        if (l.failure != null) {
            throw new CredentialsException(l.failure);
        }
        return new BasicAuthFile(file, maxBytes, l);
    }

    /** The credentials file. */
    public Path file() {
        return file;
    }

    /**
     * The user {@code headers}' Authorization field authenticates, or empty: no field,
     * another scheme, malformed base64 or UTF-8, no ':' , unknown user or wrong password.
     */
    public Optional<String> authenticate(HttpFields headers) {
        Optional<String> auth = headers.get("authorization");
        if (auth.isEmpty() || auth.get().length() > MAX_AUTHORIZATION_CHARS) {
            return Optional.empty();
        }
        String v = auth.get().strip();
        if (v.length() < 6 || !v.regionMatches(true, 0, "Basic", 0, 5) || v.charAt(5) != ' ') {
            return Optional.empty();
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(v.substring(6).strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String userPass;
        try {
            userPass = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(decoded)).toString();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        int colon = userPass.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String user = userPass.substring(0, colon);
        for (int i = 0; i < user.length(); i++) {
            if (user.charAt(i) < 0x20 || user.charAt(i) == 0x7f) {
                return Optional.empty();
            }
        }
        Loaded current = current();
        byte[] expected = current.failure == null ? current.digests.get(user) : null;
        byte[] given = sha256(userPass.substring(colon + 1));
        boolean equal = MessageDigest.isEqual(given, expected != null ? expected : DUMMY);
        return equal && expected != null ? Optional.of(user) : Optional.empty();
    }

    /** The loaded credentials, re-read first if the file changed. */
    private Loaded current() {
        Loaded l = loaded;
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            if (a.lastModifiedTime().toMillis() != l.modified || a.size() != l.size || !Objects.equals(a.fileKey(), l.fileKey)) {
                l = read(file, maxBytes);
                loaded = l;
                if (l.failure != null) {
                    LOG.log(System.Logger.Level.WARNING, l.failure + "; refusing every login until it is fixed");
                }
            }
        } catch (IOException e) {
            if (l.failure == null) {
                LOG.log(System.Logger.Level.WARNING, "basic-auth credentials file " + file + " is gone (" + e
                        + "); refusing every login until it is back");
            }
            l = new Loaded(-1, -1, null, Map.of(), "basic-auth credentials file " + file + ": " + e);
            loaded = l;
        }
        return l;
    }

    private static Loaded read(Path file, long maxBytes) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            if (!a.isRegularFile()) {
                return failed(file, "not a regular file");
            }
            if (a.size() > maxBytes) {
                return failed(file, "larger than " + maxBytes + " bytes");
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Map<String, byte[]> digests = new HashMap<>();
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
                if (line.isEmpty()) {
                    continue;
                }
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    return failed(file, "line " + (i + 1) + ": expected user:password");
                }
                String user = line.substring(0, colon);
                if (digests.put(user, sha256(line.substring(colon + 1))) != null) {
                    return failed(file, "line " + (i + 1) + ": user '" + user + "' is listed twice");
                }
            }
            return new Loaded(a.lastModifiedTime().toMillis(), a.size(), a.fileKey(), Map.copyOf(digests), null);
        } catch (IOException e) {
            return failed(file, "cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }

    private static Loaded failed(Path file, String why) {
        return new Loaded(-1, -1, null, Map.of(), "basic-auth credentials file " + file + ": " + why);
    }

    private static byte[] sha256(String password) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
