package org.lightwire.jose;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.lightwire.jose.internal.Base64Url;
import org.lightwire.jose.internal.JsonObject;
import org.lightwire.jose.internal.JsonReader;

/**
 * Reads the three JWS serialisations (RFC 7515 section 7) into headers, signing inputs and
 * signatures, enforcing {@link JoseLimits} before decoding each part and refusing anything
 * malformed: wrong part counts, bad base64url, bad or duplicate-member JSON, members of the
 * wrong type, protected/unprotected overlap, inconsistent {@code b64}.
 */
final class JwsParser {

    /** One signature to check. */
    record Part(JwsHeader header, byte[] signingInput, byte[] signature) {
    }

    /** A parsed JWS: its payload and its signatures (one for compact and flattened). */
    record Parsed(byte[] payload, List<Part> parts) {
    }

    private static final JsonObject EMPTY = JsonObject.of("JWS unprotected header", new LinkedHashMap<>());

    private final JoseLimits limits;

    JwsParser(JoseLimits limits) {
        this.limits = limits;
    }

    /** Compact or JSON, told apart by the first non-blank character. */
    Parsed parse(String text, byte[] detachedPayload) {
        if (text.length() > limits.maxObjectChars()) {
            throw new JoseLimitException("JWS: " + text.length() + " characters exceed the limit of " + limits.maxObjectChars());
        }
        String t = text.strip();
        return t.startsWith("{") ? json(t, detachedPayload) : compact(t, detachedPayload);
    }

    @SuppressWarnings("deprecation") // getBytes(int, int, byte[], int): exact for ASCII, which base64url is
    Parsed compact(String s, byte[] detachedPayload) {
        int dot1 = s.indexOf('.');
        int dot2 = dot1 < 0 ? -1 : s.indexOf('.', dot1 + 1);
        if (dot1 < 0 || dot2 < 0) {
            throw new MalformedJoseException("JWS compact: expected 3 parts separated by '.', got " + (dot1 < 0 ? 1 : 2));
        }
        if (s.indexOf('.', dot2 + 1) >= 0) {
            long parts = s.chars().filter(c -> c == '.').count() + 1;
            throw new MalformedJoseException("JWS compact: expected 3 parts separated by '.', got " + parts
                    + (parts == 5 ? " (a JWE?)" : ""));
        }
        JsonObject prot = protectedHeader(s, 0, dot1);
        String encodedProtected = s.substring(0, dot1);
        JwsHeader header = new JwsHeader(prot, encodedProtected, EMPTY);
        boolean b64 = header.base64Payload();
        byte[] signature = signature(s, dot2 + 1, s.length());
        byte[] payload;
        byte[] input;
        if (detachedPayload != null) {
            if (dot2 != dot1 + 1) {
                throw new MalformedJoseException("JWS compact: a detached payload was given but the JWS carries one");
            }
            checkPayloadSize(detachedPayload.length);
            payload = detachedPayload.clone();
            input = signingInput(encodedProtected, payload, b64);
        } else if (b64) {
            checkEncodedPayload(dot2 - dot1 - 1);
            payload = Base64Url.decode(s, dot1 + 1, dot2, "JWS payload");
            // every character up to dot2 is now known to be base64url: the ASCII bytes are the signing input
            input = new byte[dot2];
            s.getBytes(0, dot2, input, 0);
        } else {
            payload = s.substring(dot1 + 1, dot2).getBytes(StandardCharsets.UTF_8);
            checkPayloadSize(payload.length);
            input = signingInput(encodedProtected, payload, false);
        }
        return new Parsed(payload, List.of(new Part(header, input, signature)));
    }


    Parsed json(String s, byte[] detachedPayload) {
        JsonObject o = JsonReader.parseObject(s, "JWS JSON", limits.maxObjectChars(), limits.maxJsonDepth());
        List<JsonObject> entries;
        if (o.has("signatures")) {
            for (String m : new String[] {"protected", "header", "signature"}) {
                if (o.has(m)) {
                    throw new MalformedJoseException("JWS JSON: \"" + m + "\" beside \"signatures\" (RFC 7515 section 7.2.2)");
                }
            }
            entries = o.optObjectArray("signatures");
            if (entries.isEmpty()) {
                throw new MalformedJoseException("JWS JSON: \"signatures\" is empty");
            }
            if (entries.size() > limits.maxSignatures()) {
                throw new JoseLimitException("JWS JSON: " + entries.size() + " signatures exceed the limit of " + limits.maxSignatures());
            }
        } else {
            entries = List.of(o);
        }
        String payloadText = o.optString("payload");
        if (payloadText != null && detachedPayload != null) {
            throw new MalformedJoseException("JWS JSON: a detached payload was given but the JWS carries one");
        }
        if (payloadText == null && detachedPayload == null) {
            throw new MalformedJoseException("JWS JSON: member \"payload\" is missing (detached payload not given)");
        }
        List<JwsHeader> headers = new ArrayList<>();
        List<byte[]> sigs = new ArrayList<>();
        Boolean b64 = null;
        for (int i = 0; i < entries.size(); i++) {
            JsonObject e = entries.get(i);
            String what = entries.size() == 1 ? "JWS JSON" : "JWS JSON signature " + (i + 1);
            String encodedProtected = e.optString("protected");
            JsonObject unprot = e.optObject("header");
            if (encodedProtected == null && unprot == null) {
                throw new MalformedJoseException(what + ": neither \"protected\" nor \"header\"");
            }
            JsonObject prot = encodedProtected == null ? JsonObject.of("JWS protected header", new LinkedHashMap<>())
                    : protectedHeader(encodedProtected, 0, encodedProtected.length());
            JwsHeader h = new JwsHeader(prot, encodedProtected == null ? "" : encodedProtected, unprot == null ? EMPTY : unprot);
            if (b64 != null && b64 != h.base64Payload()) {
                throw new MalformedJoseException("JWS JSON: signatures disagree on \"b64\" (RFC 7797 section 3)");
            }
            b64 = h.base64Payload();
            String sig = e.string("signature");
            headers.add(h);
            sigs.add(signature(sig, 0, sig.length()));
        }
        byte[] payload;
        if (detachedPayload != null) {
            checkPayloadSize(detachedPayload.length);
            payload = detachedPayload.clone();
        } else if (b64) {
            checkEncodedPayload(payloadText.length());
            payload = Base64Url.decode(payloadText, "JWS payload");
        } else {
            payload = payloadText.getBytes(StandardCharsets.UTF_8);
            checkPayloadSize(payload.length);
        }
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            parts.add(new Part(headers.get(i), signingInput(headers.get(i).encodedProtected(), payload, b64), sigs.get(i)));
        }
        return new Parsed(payload, parts);
    }

    private JsonObject protectedHeader(String s, int start, int end) {
        if (end == start) {
            throw new MalformedJoseException("JWS protected header is empty");
        }
        if (Base64Url.decodedLength(end - start) > limits.maxHeaderBytes()) {
            throw new JoseLimitException("JWS protected header: " + Base64Url.decodedLength(end - start)
                    + " bytes exceed the limit of " + limits.maxHeaderBytes());
        }
        byte[] json = Base64Url.decode(s, start, end, "JWS protected header");
        return JsonReader.parseObject(json, "JWS protected header", limits.maxHeaderBytes(), limits.maxJsonDepth());
    }

    private byte[] signature(String s, int start, int end) {
        // the largest signature is RSA-16384's 2048 bytes
        if (end - start > 4096) {
            throw new JoseLimitException("JWS signature: " + (end - start) + " characters, longer than any signature");
        }
        return Base64Url.decode(s, start, end, "JWS signature");
    }

    private void checkEncodedPayload(int chars) {
        checkPayloadSize(Base64Url.decodedLength(chars));
    }

    private void checkPayloadSize(int bytes) {
        if (bytes > limits.maxPayloadBytes()) {
            throw new JoseLimitException("JWS payload: " + bytes + " bytes exceed the limit of " + limits.maxPayloadBytes());
        }
    }

    /** ASCII(protected) '.' then the payload, base64url-encoded or (RFC 7797) as is. */
    static byte[] signingInput(String encodedProtected, byte[] payload, boolean b64) {
        byte[] head = encodedProtected.getBytes(StandardCharsets.US_ASCII);
        int bodyLength = b64 ? Base64Url.encodedLength(payload.length) : payload.length;
        byte[] input = new byte[head.length + 1 + bodyLength];
        System.arraycopy(head, 0, input, 0, head.length);
        input[head.length] = '.';
        if (b64) {
            Base64Url.encodeInto(payload, 0, payload.length, input, head.length + 1);
        } else {
            System.arraycopy(payload, 0, input, head.length + 1, payload.length);
        }
        return input;
    }

    /**
     * RFC 7515 section 4.1.11: {@code crit} only in the protected header, a non-empty list of
     * distinct names that are not registered parameters, each present, each understood.
     * RFC 7797 section 6: {@code b64} must be listed when used.
     */
    static void checkCritical(JwsHeader h, Set<String> understood) {
        if (h.unprotectedPart().has("crit")) {
            throw new CriticalHeaderException("JWS: \"crit\" must be in the protected header");
        }
        JsonObject p = h.protectedPart();
        List<String> crit;
        try {
            crit = p.optStringArray("crit");
        } catch (MalformedJoseException e) {
            throw new CriticalHeaderException("JWS: \"crit\" must be an array of strings");
        }
        if (crit != null) {
            if (crit.isEmpty()) {
                throw new CriticalHeaderException("JWS: \"crit\" must not be empty");
            }
            Set<String> seen = new HashSet<>();
            for (String c : crit) {
                if (!seen.add(c)) {
                    throw new CriticalHeaderException("JWS: \"crit\" lists \"" + c + "\" twice");
                }
                if (JwsHeader.REGISTERED.contains(c)) {
                    throw new CriticalHeaderException("JWS: \"crit\" must not list the registered parameter \"" + c + "\"");
                }
                if (!p.has(c)) {
                    throw new CriticalHeaderException("JWS: \"crit\" lists \"" + c + "\" but the protected header lacks it");
                }
                if (!understood.contains(c)) {
                    throw new CriticalHeaderException("JWS: critical extension \"" + c + "\" is not understood");
                }
            }
        }
        if (p.has("b64")) {
            p.optBoolean("b64");
            if (crit == null || !crit.contains("b64")) {
                throw new CriticalHeaderException("JWS: \"b64\" used without being listed in \"crit\" (RFC 7797 section 6)");
            }
        }
        if (h.unprotectedPart().has("b64")) {
            throw new CriticalHeaderException("JWS: \"b64\" must be in the protected header");
        }
    }
}
