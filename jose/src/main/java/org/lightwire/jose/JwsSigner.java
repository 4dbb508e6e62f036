package org.lightwire.jose;

import java.nio.charset.StandardCharsets;
import org.lightwire.jose.internal.Base64Url;

/**
 * One key and one JWS algorithm, checked once to fit each other, reused for any number of
 * signatures (lws {@code lws_jws_sign_from_b64} with a fixed {@code lws_jose}). The key
 * must be private (or oct) and its {@code alg}, {@code use} and {@code key_ops}, if present,
 * must allow signing with this algorithm. Thread-safe.
 */
public final class JwsSigner {

    private final Jose jose;
    private final Jwk key;
    private final JwsAlgorithm algorithm;
    /** ASCII(BASE64URL(default protected header)) + '.', made once: the header of every {@link #signCompact}. */
    private final byte[] compactHead;

    JwsSigner(Jose jose, Jwk key, JwsAlgorithm algorithm) {
        if (algorithm == JwsAlgorithm.NONE) {
            throw new AlgorithmRejectedException("JWS: \"none\" is not a signature algorithm; build an unsecured JWS with Jose.unsecuredSigner()");
        }
        this.jose = jose;
        this.key = key;
        this.algorithm = algorithm;
        if (key != null) {
            JosePolicy.allowing(algorithm).requireKeyFits(algorithm, key, KeyOperation.SIGN);
            if (!key.isPrivate()) {
                throw new JoseKeyException("JWS " + algorithm.jwaName() + ": signing needs a private key"
                        + key.kid().map(k -> " (\"" + k + "\" is public)").orElse(""));
            }
        }
        this.compactHead = (header().build().encodedProtected() + '.').getBytes(StandardCharsets.US_ASCII);
    }

    /** The unsecured "signer" ({@code alg: none}); package-private, reached through {@link Jose#unsecuredSigner()}. */
    static JwsSigner unsecured(Jose jose) {
        return new JwsSigner(jose);
    }

    /** The unsecured signer: no key, alg none. */
    private JwsSigner(Jose jose) {
        this.jose = jose;
        this.key = null;
        this.algorithm = JwsAlgorithm.NONE;
        this.compactHead = null;
    }

    public JwsAlgorithm algorithm() {
        return algorithm;
    }

    /** The signing key; null for the unsecured signer. */
    public Jwk key() {
        return key;
    }

    /** A protected-header builder with {@code alg} and (if the key has one) {@code kid} set. */
    public JwsHeader.Builder header() {
        JwsHeader.Builder b = JwsHeader.builder(algorithm);
        if (key != null) {
            key.kid().ifPresent(b::kid);
        }
        return b;
    }

    /** The signature of a JWS signing input (RFC 7515 section 5.1 step 5). */
    public byte[] sign(byte[] signingInput) {
        if (key == null) {
            return new byte[0];
        }
        return JwsCrypto.sign(jose.backend(), algorithm, key.elements(), signingInput);
    }

    /** A compact JWS of {@code payload} with the default header ({@code alg}, {@code kid}). */
    public String signCompact(byte[] payload) {
        if (key == null) {
            return jose.jws(payload).sign(this).compact();
        }
        // what jws(payload).sign(this).compact() makes, without re-serialising the fixed
        // header each time: the signing input (section 5.1 step 7) is the compact form's
        // first two parts, so it is built once and the signature appended to it
        int inputLength = compactHead.length + Base64Url.encodedLength(payload.length);
        byte[] input = new byte[inputLength];
        System.arraycopy(compactHead, 0, input, 0, compactHead.length);
        Base64Url.encodeInto(payload, 0, payload.length, input, compactHead.length);
        byte[] signature = sign(input);
        byte[] out = new byte[inputLength + 1 + Base64Url.encodedLength(signature.length)];
        System.arraycopy(input, 0, out, 0, inputLength);
        out[inputLength] = '.';
        Base64Url.encodeInto(signature, 0, signature.length, out, inputLength + 1);
        // ISO-8859-1 of pure ASCII: the compact Latin-1 string, no re-encoding
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return "JwsSigner[" + algorithm.jwaName() + (key == null ? "" : ", " + key) + "]";
    }
}
