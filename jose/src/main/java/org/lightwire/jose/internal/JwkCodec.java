package org.lightwire.jose.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.EcCurve;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.OkpCurve;
import org.lightwire.jose.JoseKeyException;
import org.lightwire.jose.Jwk;
import org.lightwire.jose.KeyOperation;
import org.lightwire.jose.KeyUse;
import org.lightwire.jose.MalformedJoseException;

/**
 * JWK JSON to and from {@link Jwk} (RFC 7517 section 4, RFC 7518 section 6, RFC 8037
 * section 2): the structural half of reading a key. The mathematical checks (points on
 * their curve, RSA consistency) are the backend's and happen in {@code Jose}.
 * Members this codec does not know are ignored, as RFC 7517 section 4 asks.
 */
public final class JwkCodec {

    private static final String[] RSA_PRIVATE = {"p", "q", "dp", "dq", "qi"};

    private JwkCodec() {
    }

    /** A JWK from its JSON object; {@code what} names it in errors ("JWK 2 of the set"). */
    public static Jwk read(JsonObject o, String what) {
        String kty = o.string("kty");
        KeyElements key;
        try {
            key = switch (kty) {
                case "oct" -> KeyElements.oct(bytes(o, "k", what, true));
                case "RSA" -> rsa(o, what);
                case "EC" -> {
                    EcCurve crv = EcCurve.ofJwkName(o.string("crv"));
                    yield KeyElements.ec(crv, bytes(o, "x", what, true), bytes(o, "y", what, true), bytes(o, "d", what, false));
                }
                case "OKP" -> {
                    OkpCurve crv = OkpCurve.ofJwkName(o.string("crv"));
                    if (o.has("y")) {
                        throw new MalformedJoseException(what + ": an OKP key has no \"y\" member (RFC 8037 section 2)");
                    }
                    yield KeyElements.okp(crv, bytes(o, "x", what, true), bytes(o, "d", what, false));
                }
                default -> throw new UnknownKeyTypeException(what + ": unsupported \"kty\" \"" + kty + "\"");
            };
        } catch (BadKeyException e) {
            throw new JoseKeyException(what + ": " + e.getMessage(), e);
        }
        try {
            Jwk.Builder b = Jwk.builder(key).kid(o.optString("kid")).alg(o.optString("alg"));
            String use = o.optString("use");
            if (use != null) {
                b.use(KeyUse.ofJwkName(use));
            }
            List<String> ops = o.optStringArray("key_ops");
            if (ops != null) {
                Set<KeyOperation> set = EnumSet.noneOf(KeyOperation.class);
                for (String op : ops) {
                    if (!set.add(KeyOperation.ofJwkName(op))) {
                        throw new MalformedJoseException(what + ": duplicate \"key_ops\" value \"" + op + "\" (RFC 7517 section 4.3)");
                    }
                }
                b.keyOps(set);
            }
            List<String> x5c = o.optStringArray("x5c");
            if (x5c != null) {
                if (x5c.isEmpty()) {
                    throw new MalformedJoseException(what + ": \"x5c\" is empty");
                }
                List<byte[]> ders = new ArrayList<>();
                for (String c : x5c) {
                    try {
                        // RFC 7517 section 4.7: standard base64 with padding, not base64url
                        ders.add(Base64.getDecoder().decode(c));
                    } catch (IllegalArgumentException e) {
                        throw new MalformedJoseException(what + ": \"x5c\" entry is not base64 DER: " + e.getMessage());
                    }
                }
                b.x5c(ders);
            }
            return b.build();
        } catch (RuntimeException e) {
            key.destroy();
            throw e;
        }
    }

    private static KeyElements rsa(JsonObject o, String what) {
        if (o.has("oth")) {
            throw new JoseKeyException(what + ": multi-prime RSA keys (\"oth\") are not supported");
        }
        byte[] n = bytes(o, "n", what, true);
        byte[] e = bytes(o, "e", what, true);
        byte[] d = bytes(o, "d", what, false);
        byte[][] crt = new byte[5][];
        for (int i = 0; i < 5; i++) {
            crt[i] = bytes(o, RSA_PRIVATE[i], what, false);
        }
        if (d == null) {
            for (int i = 0; i < 5; i++) {
                if (crt[i] != null) {
                    throw new JoseKeyException(what + ": RSA member \"" + RSA_PRIVATE[i] + "\" without \"d\"");
                }
            }
        }
        return KeyElements.rsa(n, e, d, crt[0], crt[1], crt[2], crt[3], crt[4]);
    }

    private static byte[] bytes(JsonObject o, String name, String what, boolean required) {
        String s = required ? o.string(name) : o.optString(name);
        if (s == null) {
            return null;
        }
        byte[] b = Base64Url.decode(s, what + " member \"" + name + "\"");
        if (b.length == 0) {
            throw new MalformedJoseException(what + ": member \"" + name + "\" is empty");
        }
        return b;
    }

    /** The JWK as compact JSON; private members only if {@code includePrivate} and present. */
    public static String write(Jwk jwk, boolean includePrivate) {
        return JsonWriter.write(members(jwk, includePrivate));
    }

    /** The JWK's members in the conventional order (kty, key members, metadata). */
    public static Map<String, Object> members(Jwk jwk, boolean includePrivate) {
        KeyElements k = jwk.elements();
        Map<String, Object> m = new LinkedHashMap<>();
        try {
            m.put("kty", k.type().jwkName());
            boolean priv = includePrivate && k.isPrivate();
            switch (k.type()) {
                case OCT -> {
                    if (!includePrivate) {
                        throw new JoseKeyException("JWK: an oct key has no public part");
                    }
                    m.put("k", k.element(KeyElements.OCT_K));
                }
                case RSA -> {
                    m.put("n", k.element(KeyElements.RSA_N));
                    m.put("e", k.element(KeyElements.RSA_E));
                    if (priv) {
                        m.put("d", k.element(KeyElements.RSA_D));
                        if (k.has(KeyElements.RSA_P)) {
                            m.put("p", k.element(KeyElements.RSA_P));
                            m.put("q", k.element(KeyElements.RSA_Q));
                            m.put("dp", k.element(KeyElements.RSA_DP));
                            m.put("dq", k.element(KeyElements.RSA_DQ));
                            m.put("qi", k.element(KeyElements.RSA_QI));
                        }
                    }
                }
                case EC -> {
                    m.put("crv", k.ecCurve().jwkName());
                    m.put("x", k.element(KeyElements.EC_X));
                    m.put("y", k.element(KeyElements.EC_Y));
                    if (priv) {
                        m.put("d", k.element(KeyElements.EC_D));
                    }
                }
                case OKP -> {
                    m.put("crv", k.okpCurve().jwkName());
                    m.put("x", k.element(KeyElements.OKP_X));
                    if (priv) {
                        m.put("d", k.element(KeyElements.OKP_D));
                    }
                }
                default -> throw new JoseKeyException("JWK: unknown key type " + k.type());
            }
        } catch (BadKeyException e) {
            throw new JoseKeyException("JWK: " + e.getMessage(), e);
        }
        jwk.kid().ifPresent(v -> m.put("kid", v));
        jwk.use().ifPresent(v -> m.put("use", v.jwkName()));
        jwk.keyOps().ifPresent(ops -> {
            List<Object> names = new ArrayList<>();
            for (KeyOperation op : KeyOperation.values()) {
                if (ops.contains(op)) {
                    names.add(op.jwkName());
                }
            }
            m.put("key_ops", names);
        });
        jwk.alg().ifPresent(v -> m.put("alg", v));
        List<byte[]> x5c = jwk.x5c();
        if (!x5c.isEmpty()) {
            List<Object> certs = new ArrayList<>();
            for (byte[] c : x5c) {
                certs.add(Base64.getEncoder().encodeToString(c));
            }
            m.put("x5c", certs);
        }
        return m;
    }

    /** RFC 7638 section 3.2 (and RFC 8037 section 2): required members, sorted, compact, UTF-8. */
    public static byte[] thumbprintInput(Jwk jwk) {
        KeyElements k = jwk.elements();
        Map<String, Object> m = new LinkedHashMap<>();
        try {
            switch (k.type()) {
                case OCT -> {
                    m.put("k", k.element(KeyElements.OCT_K));
                    m.put("kty", "oct");
                }
                case RSA -> {
                    m.put("e", k.element(KeyElements.RSA_E));
                    m.put("kty", "RSA");
                    m.put("n", k.element(KeyElements.RSA_N));
                }
                case EC -> {
                    m.put("crv", k.ecCurve().jwkName());
                    m.put("kty", "EC");
                    m.put("x", k.element(KeyElements.EC_X));
                    m.put("y", k.element(KeyElements.EC_Y));
                }
                case OKP -> {
                    m.put("crv", k.okpCurve().jwkName());
                    m.put("kty", "OKP");
                    m.put("x", k.element(KeyElements.OKP_X));
                }
                default -> throw new JoseKeyException("JWK: unknown key type " + k.type());
            }
        } catch (BadKeyException e) {
            throw new JoseKeyException("JWK: " + e.getMessage(), e);
        }
        return JsonWriter.write(m).getBytes(StandardCharsets.UTF_8);
    }

    /** A {@code kty} this implementation does not know: a JWK set skips such keys (RFC 7517 section 5). */
    public static final class UnknownKeyTypeException extends JoseKeyException {
        private static final long serialVersionUID = 1L;

        UnknownKeyTypeException(String message) {
            super(message);
        }
    }

}
