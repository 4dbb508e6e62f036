package org.lightwire.crypto.bc;

import java.math.BigInteger;
import java.util.EnumMap;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.EcCurve;
import org.lightwire.api.crypto.InvalidPointException;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.KeyType;

/**
 * EC {@link KeyElements} to and from BC key parameters on the three NIST curves. Every
 * public point is validated here, on the way in: coordinates below the field prime, on
 * the curve, not the point at infinity (with cofactor 1 that rules out every small-order
 * point, so invalid-curve attacks stop before any scalar multiplication).
 */
final class EcKeys {

    private static final Map<EcCurve, ECNamedDomainParameters> DOMAINS = new EnumMap<>(EcCurve.class);

    static {
        // BC's custom curve implementations: constant-time field arithmetic, faster than the generic ones
        DOMAINS.put(EcCurve.P_256, domain(SECObjectIdentifiers.secp256r1, "secp256r1"));
        DOMAINS.put(EcCurve.P_384, domain(SECObjectIdentifiers.secp384r1, "secp384r1"));
        DOMAINS.put(EcCurve.P_521, domain(SECObjectIdentifiers.secp521r1, "secp521r1"));
    }

    private EcKeys() {
    }

    private static ECNamedDomainParameters domain(ASN1ObjectIdentifier oid, String name) {
        X9ECParameters x9 = CustomNamedCurves.getByName(name);
        return new ECNamedDomainParameters(oid, x9);
    }

    /** The one domain-parameters instance per curve (BC's ECDH insists both keys share it). */
    static ECNamedDomainParameters domain(EcCurve curve) {
        return DOMAINS.get(curve);
    }

    /** The curve of an OID from a certificate or SEC1/PKCS#8 key; null if not one of ours. */
    static EcCurve curveOf(ASN1ObjectIdentifier oid) {
        for (Map.Entry<EcCurve, ECNamedDomainParameters> e : DOMAINS.entrySet()) {
            if (e.getValue().getName().equals(oid)) {
                return e.getKey();
            }
        }
        return null;
    }

    static ECPublicKeyParameters publicParameters(KeyElements key) {
        EcCurve curve = curve(key);
        ECNamedDomainParameters domain = domain(curve);
        ECPoint q = validPoint(curve, key.bigInteger(KeyElements.EC_X), key.bigInteger(KeyElements.EC_Y));
        return new ECPublicKeyParameters(q, domain);
    }

    static ECPrivateKeyParameters privateParameters(KeyElements key) {
        EcCurve curve = curve(key);
        if (!key.has(KeyElements.EC_D)) {
            throw new BadKeyException("EC " + curve.jwkName() + ": a private key is needed, this one has no D");
        }
        ECNamedDomainParameters domain = domain(curve);
        BigInteger d = key.bigInteger(KeyElements.EC_D);
        if (d.signum() <= 0 || d.compareTo(domain.getN()) >= 0) {
            throw new BadKeyException("EC " + curve.jwkName() + ": private scalar D is not in 1..n-1");
        }
        return new ECPrivateKeyParameters(d, domain);
    }

    /** A validated point; {@link InvalidPointException} saying what is wrong with it. */
    static ECPoint validPoint(EcCurve curve, BigInteger x, BigInteger y) {
        ECNamedDomainParameters domain = domain(curve);
        BigInteger p = domain.getCurve().getField().getCharacteristic();
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            throw new InvalidPointException("EC " + curve.jwkName() + ": public point coordinates are not below the field prime");
        }
        ECPoint q;
        try {
            q = domain.getCurve().createPoint(x, y);
        } catch (IllegalArgumentException e) {
            throw new InvalidPointException("EC " + curve.jwkName() + ": public point is not on the curve", e);
        }
        if (q.isInfinity() || !q.isValid()) {
            throw new InvalidPointException("EC " + curve.jwkName() + ": public point is not on the curve");
        }
        return q;
    }

    static KeyElements elements(EcCurve curve, ECPoint q, BigInteger d) {
        ECPoint n = q.normalize();
        int len = curve.fieldLength();
        byte[] x = BigIntegers.asUnsignedByteArray(len, n.getAffineXCoord().toBigInteger());
        byte[] y = BigIntegers.asUnsignedByteArray(len, n.getAffineYCoord().toBigInteger());
        return KeyElements.ec(curve, x, y, d == null ? null : BigIntegers.asUnsignedByteArray(len, d));
    }

    static EcCurve curve(KeyElements key) {
        if (key.type() != KeyType.EC) {
            throw new BadKeyException("EC: expected an EC key, got " + key.type().jwkName());
        }
        return key.ecCurve();
    }
}
