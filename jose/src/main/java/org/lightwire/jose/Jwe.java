package org.lightwire.jose;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lightwire.jose.internal.Base64Url;
import org.lightwire.jose.internal.JsonObject;
import org.lightwire.jose.internal.JsonReader;
import org.lightwire.jose.internal.JsonWriter;

/**
 * A JWE (RFC 7516; lws {@code struct lws_jwe}): the protected header as encoded, the shared
 * unprotected header, one or more recipients (their own header and encrypted key), the IV,
 * ciphertext, authentication tag and optional AAD. Made by {@link JweBuilder} or read by
 * {@link Jose#parseJwe(String)} from any of the three serialisations (section 7); written
 * back with {@link #compact()}, {@link #flattened()} or {@link #general()}. Holds no key and
 * no plaintext; {@link JweDecrypter} opens it. Immutable.
 */
public final class Jwe {

    private static final JsonObject EMPTY = JsonObject.of("JWE header", Map.of());

    private final JsonObject protectedPart;
    private final String encodedProtected;
    private final JsonObject sharedPart;
    private final List<JsonObject> recipientHeaders;
    private final List<byte[]> encryptedKeys;
    private final byte[] iv;
    private final byte[] ciphertext;
    private final byte[] tag;
    private final String encodedAad;

    Jwe(JsonObject protectedPart, String encodedProtected, JsonObject sharedPart, List<JsonObject> recipientHeaders,
            List<byte[]> encryptedKeys, byte[] iv, byte[] ciphertext, byte[] tag, String encodedAad) {
        this.protectedPart = protectedPart;
        this.encodedProtected = encodedProtected;
        this.sharedPart = sharedPart;
        this.recipientHeaders = List.copyOf(recipientHeaders);
        this.encryptedKeys = List.copyOf(encryptedKeys);
        this.iv = iv;
        this.ciphertext = ciphertext;
        this.tag = tag;
        this.encodedAad = encodedAad;
    }

    /** How many recipients (1 for the compact and flattened serialisations). */
    public int recipientCount() {
        return encryptedKeys.size();
    }

    /** The JOSE header of recipient {@code index}; {@link MalformedJoseException} if its parts overlap. */
    public JweHeader header(int index) {
        return new JweHeader(protectedPart, encodedProtected, sharedPart, recipientHeaders.get(index));
    }

    /** The encrypted key of recipient {@code index} (empty for {@code dir} and {@code ECDH-ES}). */
    public byte[] encryptedKey(int index) {
        return encryptedKeys.get(index).clone();
    }

    public byte[] iv() {
        return iv.clone();
    }

    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    public byte[] tag() {
        return tag.clone();
    }

    /** The JWE AAD member, decoded; empty if absent. */
    public byte[] aad() {
        return encodedAad == null ? new byte[0] : Base64Url.decode(encodedAad, "JWE \"aad\"");
    }

    /**
     * The additional authenticated data of the content encryption (RFC 7516 section 5.1 step
     * 14): ASCII(encoded protected header), followed by '.' and the encoded {@code aad} if any.
     */
    byte[] authenticatedData() {
        String s = encodedAad == null ? encodedProtected : encodedProtected + "." + encodedAad;
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Whether {@link #compact()} can represent this JWE: one recipient, everything protected, no AAD. */
    public boolean isCompactable() {
        return encryptedKeys.size() == 1 && sharedPart.size() == 0 && recipientHeaders.get(0).size() == 0 && encodedAad == null
                && !encodedProtected.isEmpty();
    }

    /** The compact serialisation (section 7.1); {@link IllegalStateException} if {@link #isCompactable()} is false. */
    public String compact() {
        if (!isCompactable()) {
            throw new IllegalStateException("JWE: the compact serialisation needs one recipient, a protected header only and no AAD;"
                    + " use flattened() or general()");
        }
        return encodedProtected + '.' + Base64Url.encode(encryptedKeys.get(0)) + '.' + Base64Url.encode(iv) + '.'
                + Base64Url.encode(ciphertext) + '.' + Base64Url.encode(tag);
    }

    /** The flattened JSON serialisation (section 7.2.2); {@link IllegalStateException} with several recipients. */
    public String flattened() {
        if (encryptedKeys.size() != 1) {
            throw new IllegalStateException("JWE: the flattened serialisation has one recipient, this JWE has " + encryptedKeys.size());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        putShared(m);
        if (recipientHeaders.get(0).size() != 0) {
            m.put("header", recipientHeaders.get(0));
        }
        if (encryptedKeys.get(0).length != 0) {
            m.put("encrypted_key", encryptedKeys.get(0));
        }
        putContent(m);
        return JsonWriter.write(m);
    }

    /** The general JSON serialisation (section 7.2.1). */
    public String general() {
        Map<String, Object> m = new LinkedHashMap<>();
        putShared(m);
        List<Object> recipients = new ArrayList<>();
        for (int i = 0; i < encryptedKeys.size(); i++) {
            Map<String, Object> r = new LinkedHashMap<>();
            if (recipientHeaders.get(i).size() != 0) {
                r.put("header", recipientHeaders.get(i));
            }
            if (encryptedKeys.get(i).length != 0) {
                r.put("encrypted_key", encryptedKeys.get(i));
            }
            recipients.add(r);
        }
        m.put("recipients", recipients);
        putContent(m);
        return JsonWriter.write(m);
    }

    private void putShared(Map<String, Object> m) {
        if (!encodedProtected.isEmpty()) {
            m.put("protected", encodedProtected);
        }
        if (sharedPart.size() != 0) {
            m.put("unprotected", sharedPart);
        }
    }

    private void putContent(Map<String, Object> m) {
        m.put("iv", iv);
        if (encodedAad != null) {
            m.put("aad", encodedAad);
        }
        m.put("ciphertext", ciphertext);
        m.put("tag", tag);
    }

    @Override
    public String toString() {
        return "Jwe[" + encryptedKeys.size() + " recipient(s), " + protectedPart.toJson() + ", " + ciphertext.length + " bytes]";
    }

    // ---- parsing ---------------------------------------------------------------------

    /** Reads any serialisation; see {@link Jose#parseJwe(String)}. */
    static Jwe parse(String text, JoseLimits limits) {
        if (text.length() > limits.maxObjectChars()) {
            throw new JoseLimitException("JWE: " + text.length() + " characters exceed the limit of " + limits.maxObjectChars());
        }
        String t = text.strip();
        return t.startsWith("{") ? parseJson(t, limits) : parseCompact(t, limits);
    }

    private static Jwe parseCompact(String s, JoseLimits limits) {
        int[] dots = new int[4];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '.') {
                if (n == 4) {
                    throw new MalformedJoseException("JWE compact serialisation: more than 5 parts (a JWE has exactly 5)");
                }
                dots[n++] = i;
            }
        }
        if (n != 4) {
            throw new MalformedJoseException("JWE compact serialisation: " + (n + 1) + " part(s), a JWE has exactly 5"
                    + (n == 2 ? " (3 parts is a JWS)" : ""));
        }
        String encodedProtected = s.substring(0, dots[0]);
        if (encodedProtected.isEmpty()) {
            throw new MalformedJoseException("JWE compact serialisation: the protected header is empty");
        }
        JsonObject prot = protectedHeader(encodedProtected, limits);
        byte[] ek = Base64Url.decode(s, dots[0] + 1, dots[1], "JWE encrypted key");
        byte[] iv = Base64Url.decode(s, dots[1] + 1, dots[2], "JWE IV");
        byte[] ct = Base64Url.decode(s, dots[2] + 1, dots[3], "JWE ciphertext");
        byte[] tag = Base64Url.decode(s, dots[3] + 1, s.length(), "JWE authentication tag");
        checkPayload(ct, limits);
        return new Jwe(prot, encodedProtected, EMPTY, List.of(EMPTY), List.of(ek), iv, ct, tag, null);
    }

    private static Jwe parseJson(String s, JoseLimits limits) {
        JsonObject o = JsonReader.parseObject(s, "JWE JSON", limits.maxObjectChars(), limits.maxJsonDepth());
        String encodedProtected = o.optString("protected");
        JsonObject prot = EMPTY;
        if (encodedProtected != null) {
            if (encodedProtected.isEmpty()) {
                throw new MalformedJoseException("JWE JSON: \"protected\" is empty (leave the member out instead)");
            }
            prot = protectedHeader(encodedProtected, limits);
        } else {
            encodedProtected = "";
        }
        JsonObject shared = o.optObject("unprotected");
        if (shared == null) {
            shared = EMPTY;
        }
        checkHeaderSize(shared, "JWE \"unprotected\"", limits);
        List<JsonObject> headers = new ArrayList<>();
        List<byte[]> keys = new ArrayList<>();
        List<JsonObject> recipients = o.optObjectArray("recipients");
        if (recipients != null) {
            if (o.has("header") || o.has("encrypted_key")) {
                throw new MalformedJoseException("JWE JSON: \"recipients\" together with the flattened \"header\"/\"encrypted_key\"");
            }
            if (recipients.isEmpty()) {
                throw new MalformedJoseException("JWE JSON: \"recipients\" is empty");
            }
            if (recipients.size() > limits.maxSignatures()) {
                throw new JoseLimitException("JWE JSON: " + recipients.size() + " recipients exceed the limit of " + limits.maxSignatures());
            }
            for (int i = 0; i < recipients.size(); i++) {
                readRecipient(recipients.get(i), "JWE recipient " + (i + 1), headers, keys, limits);
            }
        } else {
            readRecipient(o, "JWE", headers, keys, limits);
        }
        byte[] iv = optBytes(o, "iv");
        byte[] tag = optBytes(o, "tag");
        String ctText = o.string("ciphertext");
        byte[] ct = Base64Url.decode(ctText, "JWE \"ciphertext\"");
        checkPayload(ct, limits);
        String aad = o.optString("aad");
        if (aad != null) {
            Base64Url.decode(aad, "JWE \"aad\"");
        }
        if (prot.size() == 0 && shared.size() == 0 && headers.stream().allMatch(h -> h.size() == 0)) {
            throw new MalformedJoseException("JWE JSON: no header at all");
        }
        return new Jwe(prot, encodedProtected, shared, headers, keys, iv, ct, tag, aad);
    }

    private static void readRecipient(JsonObject r, String what, List<JsonObject> headers, List<byte[]> keys, JoseLimits limits) {
        JsonObject h = r.optObject("header");
        if (h == null) {
            h = EMPTY;
        }
        checkHeaderSize(h, what + " \"header\"", limits);
        headers.add(h);
        String ek = r.optString("encrypted_key");
        keys.add(ek == null ? new byte[0] : Base64Url.decode(ek, what + " \"encrypted_key\""));
    }

    private static byte[] optBytes(JsonObject o, String name) {
        String v = o.optString(name);
        return v == null ? new byte[0] : Base64Url.decode(v, "JWE \"" + name + "\"");
    }

    private static JsonObject protectedHeader(String encoded, JoseLimits limits) {
        if (Base64Url.decodedLength(encoded.length()) > limits.maxHeaderBytes()) {
            throw new JoseLimitException("JWE protected header: " + Base64Url.decodedLength(encoded.length())
                    + " bytes exceed the limit of " + limits.maxHeaderBytes());
        }
        byte[] json = Base64Url.decode(encoded, "JWE protected header");
        return JsonReader.parseObject(json, "JWE protected header", limits.maxHeaderBytes(), limits.maxJsonDepth());
    }

    private static void checkHeaderSize(JsonObject h, String what, JoseLimits limits) {
        int size = h.toJson().length();
        if (size > limits.maxHeaderBytes()) {
            throw new JoseLimitException(what + ": " + size + " characters exceed the header limit of " + limits.maxHeaderBytes());
        }
    }

    private static void checkPayload(byte[] ct, JoseLimits limits) {
        if (ct.length > limits.maxPayloadBytes()) {
            throw new JoseLimitException("JWE ciphertext: " + ct.length + " bytes exceed the limit of " + limits.maxPayloadBytes());
        }
    }

    static JsonObject emptyHeader() {
        return EMPTY;
    }
}
