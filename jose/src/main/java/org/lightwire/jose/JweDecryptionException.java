package org.lightwire.jose;

/**
 * A JWE could not be decrypted: no recipient's encrypted key could be recovered with any key
 * tried, or the content's authentication tag did not verify (tampered ciphertext, IV, AAD or
 * protected header; a wrong, truncated or extended tag; the wrong key). Deliberately
 * unspecific: an RSA1_5 padding failure and a tag mismatch look the same (RFC 7516 section
 * 11.5), and a CBC padding error is never told apart from a MAC failure.
 */
public class JweDecryptionException extends JoseException {

    private static final long serialVersionUID = 1L;

    public JweDecryptionException(String message) {
        super(message);
    }

    public JweDecryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
