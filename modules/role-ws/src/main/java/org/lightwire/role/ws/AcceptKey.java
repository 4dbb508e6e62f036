package org.lightwire.role.ws;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The opening handshake's key and accept values (RFC 6455 section 4.2.2 step 5.4, section
 * 4.1 step 7). SHA-1 here is a fixed protocol checksum proving the server read the request,
 * not a security function, so it comes from the JDK rather than the crypto backend: the
 * role must work (and be testable) without a backend bundle.
 */
final class AcceptKey {

    private static final byte[] GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11".getBytes(StandardCharsets.US_ASCII);

    private AcceptKey() {
    }

    /** The {@code Sec-WebSocket-Accept} value answering {@code key}. */
    static String accept(String key) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(key.getBytes(StandardCharsets.US_ASCII));
            sha1.update(GUID);
            return Base64.getEncoder().encodeToString(sha1.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK must provide SHA-1", e);
        }
    }

    /** Whether {@code key} is the base64 of 16 bytes, as a client must send (section 4.1 step 7). */
    static boolean isValidKey(String key) {
        if (key.length() != 24) {
            return false;
        }
        try {
            return Base64.getDecoder().decode(key).length == 16;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A fresh client key: 16 random bytes, base64. */
    static String newKey(SecureRandom random) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        return Base64.getEncoder().encodeToString(nonce);
    }
}
