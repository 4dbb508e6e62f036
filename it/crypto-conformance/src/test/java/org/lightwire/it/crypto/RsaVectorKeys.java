package org.lightwire.it.crypto;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lightwire.api.crypto.KeyElements;

/**
 * The keys of one file under {@code vectors/rsa/}: a record with an {@code n} is a key, named
 * by its {@code key} field; every other record is a case that names its key the same way.
 * Keys are built only through {@link KeyElements}, in each form a published key allows: the
 * public key, the private key without CRT elements (n, e, d) and the full eight elements
 * (published dp, dq, qi where the file has them, else derived from d, p and q).
 */
final class RsaVectorKeys {

    private final String file;
    private final Map<String, Vectors.Vector> keys = new LinkedHashMap<>();
    private final List<Vectors.Vector> cases;

    private RsaVectorKeys(String file, List<Vectors.Vector> records) {
        this.file = file;
        for (Vectors.Vector r : records) {
            if (r.has("n")) {
                keys.put(r.get("key"), r);
            }
        }
        this.cases = records.stream().filter(r -> !r.has("n")).toList();
        if (keys.isEmpty() || cases.isEmpty()) {
            throw new IllegalStateException(file + ": needs at least one key record and one case");
        }
    }

    static RsaVectorKeys load(String file) {
        return new RsaVectorKeys(file, Vectors.load(file));
    }

    /** The cases (every record that is not a key), in file order. */
    List<Vectors.Vector> cases() {
        return cases;
    }

    /** The key records, in file order. */
    List<Vectors.Vector> keyRecords() {
        return List.copyOf(keys.values());
    }

    /** The key record a case (or key record) names. */
    Vectors.Vector keyOf(Vectors.Vector record) {
        Vectors.Vector k = keys.get(record.get("key"));
        if (k == null) {
            throw new IllegalStateException(file + ": " + record + " names key '" + record.get("key") + "', which the file lacks");
        }
        return k;
    }

    /** The public key of a record's key; a case's own {@code e} wins (SigVer "e changed" cases). */
    KeyElements publicKey(Vectors.Vector record) {
        Vectors.Vector k = keyOf(record);
        byte[] e = record.has("e") ? record.hex("e") : k.hex("e");
        return KeyElements.rsaPublic(k.hex("n"), e);
    }

    /** The private key as n, e, d only: exercises each backend's non-CRT path. */
    KeyElements withoutCrt(Vectors.Vector record) {
        Vectors.Vector k = keyOf(record);
        return KeyElements.rsa(k.hex("n"), k.hex("e"), k.hex("d"), null, null, null, null, null);
    }

    /** All eight elements: the published CRT values, or those RFC 8017 section 3.2 defines from d, p, q. */
    KeyElements withCrt(Vectors.Vector record) {
        Vectors.Vector k = keyOf(record);
        BigInteger n = big(k, "n");
        BigInteger d = big(k, "d");
        BigInteger p = big(k, "p");
        BigInteger q = big(k, "q");
        if (!p.multiply(q).equals(n)) {
            throw new IllegalStateException(file + ": key " + k + " has p*q != n (transcription error)");
        }
        BigInteger dp = k.has("dp") ? big(k, "dp") : d.mod(p.subtract(BigInteger.ONE));
        BigInteger dq = k.has("dq") ? big(k, "dq") : d.mod(q.subtract(BigInteger.ONE));
        BigInteger qi = k.has("qi") ? big(k, "qi") : q.modInverse(p);
        return KeyElements.rsa(n, big(k, "e"), d, p, q, dp, dq, qi);
    }

    /** Modulus length in octets, k of RFC 8017. */
    int modulusOctets(Vectors.Vector record) {
        return (big(keyOf(record), "n").bitLength() + 7) / 8;
    }

    private static BigInteger big(Vectors.Vector r, String field) {
        return new BigInteger(1, r.hex(field));
    }
}
