package org.lightwire.jose;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lightwire.jose.internal.Base64Url;
import org.lightwire.jose.internal.JsonReader;
import org.lightwire.jose.internal.JsonWriter;

/**
 * Produces a JWS (RFC 7515 section 5.1) of one payload with one or more signatures, in the
 * compact, flattened JSON or general JSON serialisation (section 7). Options: a detached
 * payload (appendix F: the payload is left out and travels separately) and an unencoded
 * payload (RFC 7797 {@code b64: false}, with {@code crit: ["b64"]}). Not thread-safe; one
 * builder per object. Reached through {@link Jose#jws(byte[])}.
 */
public final class JwsBuilder {

    private final byte[] payload;
    private final List<Signed> signatures = new ArrayList<>();
    private boolean detached;
    private boolean unencoded;

    private record Signed(JwsHeader header, byte[] signature) {
    }

    JwsBuilder(byte[] payload) {
        this.payload = payload.clone();
    }

    /** Leaves the payload out of the serialisation (RFC 7515 appendix F). Call before signing. */
    public JwsBuilder detached() {
        requireNoSignatures("detached()");
        detached = true;
        return this;
    }

    /**
     * Signs the payload as is rather than base64url-encoded (RFC 7797): every header gets
     * {@code b64: false} and {@code crit: ["b64"]}. Call before signing. An attached unencoded
     * payload in the compact form must not contain '.'.
     */
    public JwsBuilder unencodedPayload() {
        requireNoSignatures("unencodedPayload()");
        unencoded = true;
        return this;
    }

    private void requireNoSignatures(String what) {
        if (!signatures.isEmpty()) {
            throw new IllegalStateException(what + " must be called before the first signature");
        }
    }

    /** Adds a signature with the signer's default header. */
    public JwsBuilder sign(JwsSigner signer) {
        return sign(signer, signer.header());
    }

    /** Adds a signature with {@code header} (its {@code alg} must be the signer's). */
    public JwsBuilder sign(JwsSigner signer, JwsHeader.Builder header) {
        if (unencoded && !header.hasProtected("b64")) {
            header.parameter("b64", Boolean.FALSE).critical("b64");
        }
        JwsHeader h = header.build();
        if (!signer.algorithm().isNamed(h.algorithmName())) {
            throw new AlgorithmRejectedException("JWS: header alg \"" + h.algorithmName() + "\" is not the signer's "
                    + signer.algorithm().jwaName());
        }
        if (h.base64Payload() == unencoded) {
            throw new MalformedJoseException("JWS: header b64 disagrees with the builder's payload encoding");
        }
        signatures.add(new Signed(h, signer.sign(signingInput(h.encodedProtected()))));
        return this;
    }

    private byte[] signingInput(String encodedProtected) {
        byte[] head = encodedProtected.getBytes(StandardCharsets.US_ASCII);
        int bodyLength = unencoded ? payload.length : Base64Url.encodedLength(payload.length);
        byte[] input = new byte[head.length + 1 + bodyLength];
        System.arraycopy(head, 0, input, 0, head.length);
        input[head.length] = '.';
        if (unencoded) {
            System.arraycopy(payload, 0, input, head.length + 1, payload.length);
        } else {
            Base64Url.encodeInto(payload, 0, payload.length, input, head.length + 1);
        }
        return input;
    }

    /**
     * The compact serialisation {@code header.payload.signature} (section 7.1); one
     * signature, no unprotected header. A detached payload leaves the middle part empty.
     */
    public String compact() {
        Signed s = single("compact");
        if (!s.header.unprotectedPart().names().isEmpty()) {
            throw new MalformedJoseException("JWS compact serialisation has no unprotected header: use the JSON serialisation");
        }
        StringBuilder sb = new StringBuilder(s.header.encodedProtected().length() + payload.length * 4 / 3 + 100);
        sb.append(s.header.encodedProtected()).append('.');
        if (!detached) {
            if (unencoded) {
                String text = JsonReader.utf8(payload, "JWS unencoded payload");
                if (text.indexOf('.') >= 0) {
                    throw new MalformedJoseException("JWS: an attached unencoded payload containing '.' cannot be compact (RFC 7797 section 5.2); detach it");
                }
                sb.append(text);
            } else {
                Base64Url.encodeTo(payload, sb);
            }
        }
        sb.append('.');
        Base64Url.encodeTo(s.signature, sb);
        return sb.toString();
    }

    /** The flattened JSON serialisation (section 7.2.2); one signature. */
    public String flattened() {
        Signed s = single("flattened JSON");
        Map<String, Object> m = new LinkedHashMap<>();
        putPayload(m);
        putSignature(m, s);
        return JsonWriter.write(m);
    }

    /** The general JSON serialisation (section 7.2.1); one or more signatures. */
    public String general() {
        if (signatures.isEmpty()) {
            throw new IllegalStateException("JWS: nothing signed yet");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        putPayload(m);
        List<Object> sigs = new ArrayList<>();
        for (Signed s : signatures) {
            Map<String, Object> one = new LinkedHashMap<>();
            putSignature(one, s);
            sigs.add(one);
        }
        m.put("signatures", sigs);
        return JsonWriter.write(m);
    }

    private void putPayload(Map<String, Object> m) {
        if (!detached) {
            m.put("payload", unencoded ? JsonReader.utf8(payload, "JWS unencoded payload") : Base64Url.encode(payload));
        }
    }

    private static void putSignature(Map<String, Object> m, Signed s) {
        if (!s.header.encodedProtected().isEmpty()) {
            m.put("protected", s.header.encodedProtected());
        }
        if (!s.header.unprotectedPart().names().isEmpty()) {
            m.put("header", s.header.unprotectedPart());
        }
        m.put("signature", Base64Url.encode(s.signature));
    }

    private Signed single(String form) {
        if (signatures.size() != 1) {
            throw new IllegalStateException("JWS " + form + " serialisation needs exactly one signature, have " + signatures.size());
        }
        return signatures.get(0);
    }
}
