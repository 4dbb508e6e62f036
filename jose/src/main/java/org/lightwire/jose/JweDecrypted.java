package org.lightwire.jose;

/**
 * What a successful {@link JweDecrypter#decrypt} returns: the plaintext (decompressed if the
 * JWE said {@code "zip":"DEF"}), the JOSE header of the recipient whose encrypted key was
 * used, that recipient's index in the JWE and the key that opened it.
 */
public final class JweDecrypted {

    private final byte[] plaintext;
    private final JweHeader header;
    private final int recipient;
    private final Jwk key;

    JweDecrypted(byte[] plaintext, JweHeader header, int recipient, Jwk key) {
        this.plaintext = plaintext;
        this.header = header;
        this.recipient = recipient;
        this.key = key;
    }

    /** The plaintext (a copy). */
    public byte[] plaintext() {
        return plaintext.clone();
    }

    public JweHeader header() {
        return header;
    }

    /** Index of the recipient used (0 for the compact and flattened serialisations). */
    public int recipient() {
        return recipient;
    }

    public Jwk key() {
        return key;
    }

    @Override
    public String toString() {
        return "JweDecrypted[" + plaintext.length + " bytes, recipient " + recipient + ", " + header.algorithmName() + "/"
                + header.encryptionMethodName() + "]";
    }
}
