package org.lightwire.crypto.jca;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.lightwire.api.crypto.BadEncodingException;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.BadParameterException;
import org.lightwire.api.crypto.CertificateRejectedException;
import org.lightwire.api.crypto.CertificateRejectedException.Reason;
import org.lightwire.api.crypto.CertificateTemplate;
import org.lightwire.api.crypto.EcCurve;
import org.lightwire.api.crypto.EcdsaFormat;
import org.lightwire.api.crypto.HashAlgorithm;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.KeyType;
import org.lightwire.api.crypto.OkpCurve;
import org.lightwire.api.crypto.RsaSignatureScheme;
import org.lightwire.api.crypto.X509;
import org.lightwire.crypto.jca.der.Der;
import org.lightwire.crypto.jca.der.DerReader;
import org.lightwire.crypto.jca.der.Pem;
import org.lightwire.tls.verify.HostnameMatcher;

/**
 * X.509 on the SUN provider's CertificateFactory and PKIX CertPathValidator, with what the
 * JDK has no public API for done here: PEM, private-key formats, and writing certificates
 * and CSRs (a small DER encoder, signatures by the backend's own primitives).
 */
final class JcaX509 implements X509 {

    private static final String SHA256_WITH_RSA = "1.2.840.113549.1.1.11";
    private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
    private static final String ECDSA_WITH_SHA384 = "1.2.840.10045.4.3.3";
    private static final String ECDSA_WITH_SHA512 = "1.2.840.10045.4.3.4";
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final String KEY_USAGE = "2.5.29.15";
    private static final String EXT_KEY_USAGE = "2.5.29.37";
    private static final String SUBJECT_ALT_NAME = "2.5.29.17";
    private static final String SUBJECT_KEY_ID = "2.5.29.14";
    private static final String AUTHORITY_KEY_ID = "2.5.29.35";
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final String EXTENSION_REQUEST = "1.2.840.113549.1.9.14";

    private final JcaRsa rsa;
    private final JcaEc ec;
    private final JcaEd25519 ed25519;
    private final KeyEncoding keys;
    private final SecureRandom random;

    JcaX509(JcaRsa rsa, JcaEc ec, JcaX25519 x25519, JcaEd25519 ed25519, SecureRandom random) {
        this.rsa = rsa;
        this.ec = ec;
        this.ed25519 = ed25519;
        this.keys = new KeyEncoding(ec, x25519, ed25519);
        this.random = random;
    }

    // ---- reading ----

    @Override
    public List<X509Certificate> certificates(byte[] pemOrDer) {
        Objects.requireNonNull(pemOrDer, "pemOrDer");
        List<byte[]> ders = new ArrayList<>();
        if (Pem.isPem(pemOrDer)) {
            for (Pem.Block b : Pem.decode(pemOrDer, "certificate PEM")) {
                if (b.label().equals("CERTIFICATE")) {
                    ders.add(b.der());
                }
            }
            if (ders.isEmpty()) {
                throw new BadEncodingException("certificate PEM: no CERTIFICATE block");
            }
        } else {
            ders.add(pemOrDer);
        }
        List<X509Certificate> out = new ArrayList<>(ders.size());
        for (int i = 0; i < ders.size(); i++) {
            out.add(parseCertificate(ders.get(i), "certificate " + (i + 1)));
        }
        return List.copyOf(out);
    }

    private static X509Certificate parseCertificate(byte[] der, String what) {
        // strict outer framing first: the JDK tolerates trailing bytes after the certificate
        DerReader r = new DerReader(der, what);
        r.sequence();
        r.end();
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509", Jdk.provider(Jdk.SUN));
            return (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            throw new BadEncodingException(what + ": not a valid X.509 certificate: " + e.getMessage(), e);
        }
    }

    @Override
    public KeyElements privateKey(byte[] pemOrDer) {
        Objects.requireNonNull(pemOrDer, "pemOrDer");
        KeyElements key;
        if (Pem.isPem(pemOrDer)) {
            key = null;
            for (Pem.Block b : Pem.decode(pemOrDer, "private key PEM")) {
                switch (b.label()) {
                    case "PRIVATE KEY":
                        key = keys.pkcs8(b.der(), "private key");
                        break;
                    case "RSA PRIVATE KEY":
                        key = keys.pkcs1(b.der(), "private key");
                        break;
                    case "EC PRIVATE KEY":
                        key = keys.sec1(b.der(), "private key", null);
                        break;
                    case "ENCRYPTED PRIVATE KEY":
                        throw new BadEncodingException("private key PEM: the key is encrypted (ENCRYPTED PRIVATE KEY);"
                                + " encrypted keys are not supported, decrypt it first");
                    default:
                        // EC PARAMETERS, certificates in the same file: not the key
                        continue;
                }
                break;
            }
            if (key == null) {
                throw new BadEncodingException("private key PEM: no PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY block");
            }
        } else {
            key = keys.privateKeyDer(pemOrDer, "private key");
        }
        if (key.type() == KeyType.RSA) {
            rsa.check(key);
        }
        return key;
    }

    @Override
    public KeyElements publicKey(X509Certificate certificate) {
        return keys.spki(certificate.getPublicKey().getEncoded(), "certificate " + certificate.getSubjectX500Principal());
    }

    // ---- verifying ----

    @Override
    public void verifyChain(List<X509Certificate> chain, Collection<X509Certificate> trustAnchors, String hostname, Instant at) {
        if (chain == null || chain.isEmpty()) {
            throw new CertificateRejectedException(Reason.INVALID, "certificate chain is empty");
        }
        if (trustAnchors == null || trustAnchors.isEmpty()) {
            throw new CertificateRejectedException(Reason.UNTRUSTED, "no trust anchors given");
        }
        Objects.requireNonNull(at, "at");
        X509Certificate leaf = chain.get(0);
        List<X509Certificate> path = orderedPath(chain, trustAnchors);
        try {
            Set<TrustAnchor> anchors = new HashSet<>();
            for (X509Certificate a : trustAnchors) {
                anchors.add(new TrustAnchor(a, null));
            }
            PKIXParameters params = new PKIXParameters(anchors);
            params.setRevocationEnabled(false);
            params.setDate(Date.from(at));
            CertificateFactory cf = CertificateFactory.getInstance("X.509", Jdk.provider(Jdk.SUN));
            CertPath certPath = cf.generateCertPath(path);
            CertPathValidator.getInstance("PKIX", Jdk.provider(Jdk.SUN)).validate(certPath, params);
            if (path.isEmpty()) {
                // the leaf is itself a trust anchor: PKIX checked nothing, validity still matters
                leaf.checkValidity(Date.from(at));
            }
        } catch (CertPathValidatorException e) {
            X509Certificate bad = e.getIndex() >= 0 && e.getIndex() < path.size() ? path.get(e.getIndex()) : leaf;
            Reason reason = reason(e);
            if (reason == Reason.UNTRUSTED && !path.isEmpty() && signedByNamedAnchorWithOtherKey(path.get(path.size() - 1), trustAnchors)) {
                // an anchor of the right name exists but did not sign it: say so, as a forged or re-keyed issuer would
                reason = Reason.BAD_SIGNATURE;
            }
            throw new CertificateRejectedException(reason, "certificate " + bad.getSubjectX500Principal() + " rejected: "
                    + e.getMessage(), e);
        } catch (java.security.cert.CertificateExpiredException e) {
            throw new CertificateRejectedException(Reason.EXPIRED, "certificate " + leaf.getSubjectX500Principal()
                    + " expired: " + e.getMessage(), e);
        } catch (java.security.cert.CertificateNotYetValidException e) {
            throw new CertificateRejectedException(Reason.NOT_YET_VALID, "certificate " + leaf.getSubjectX500Principal()
                    + " is not yet valid: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new CertificateRejectedException(Reason.INVALID, "certificate chain of " + leaf.getSubjectX500Principal()
                    + " rejected: " + e.getMessage(), e);
        }
        if (hostname != null) {
            HostnameMatcher.check(leaf, hostname);
        }
    }

    /**
     * Leaf first, then each certificate's issuer from the rest, stopping where a trust
     * anchor takes over; certificates equal to an anchor are left out (servers often send
     * the root), and certificates that belong to no path are ignored.
     */
    private static List<X509Certificate> orderedPath(List<X509Certificate> chain, Collection<X509Certificate> anchors) {
        Set<X509Certificate> rest = new LinkedHashSet<>(chain.subList(1, chain.size()));
        List<X509Certificate> path = new ArrayList<>();
        X509Certificate current = chain.get(0);
        while (current != null && !anchors.contains(current) && path.size() <= chain.size()) {
            path.add(current);
            if (issuedByAnchor(current, anchors)) {
                break;
            }
            X509Certificate next = null;
            for (X509Certificate c : rest) {
                if (c.getSubjectX500Principal().equals(current.getIssuerX500Principal())) {
                    next = c;
                    break;
                }
            }
            if (next != null) {
                rest.remove(next);
            }
            current = next;
        }
        return path;
    }

    private static boolean issuedByAnchor(X509Certificate c, Collection<X509Certificate> anchors) {
        for (X509Certificate a : anchors) {
            if (a.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
                return true;
            }
        }
        return false;
    }

    private static boolean signedByNamedAnchorWithOtherKey(X509Certificate top, Collection<X509Certificate> anchors) {
        boolean named = false;
        for (X509Certificate a : anchors) {
            if (a.getSubjectX500Principal().equals(top.getIssuerX500Principal())) {
                named = true;
                try {
                    top.verify(a.getPublicKey(), Jdk.provider(a.getPublicKey() instanceof java.security.interfaces.RSAKey
                            ? Jdk.SUN_RSA_SIGN : Jdk.SUN_EC));
                    return false;
                } catch (GeneralSecurityException e) {
                    // this anchor's key does not verify the signature: try the next one of that name
                }
            }
        }
        return named;
    }

    private static Reason reason(CertPathValidatorException e) {
        CertPathValidatorException.Reason r = e.getReason();
        if (r == CertPathValidatorException.BasicReason.EXPIRED) {
            return Reason.EXPIRED;
        }
        if (r == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
            return Reason.NOT_YET_VALID;
        }
        if (r == CertPathValidatorException.BasicReason.INVALID_SIGNATURE) {
            return Reason.BAD_SIGNATURE;
        }
        if (r == PKIXReason.NO_TRUST_ANCHOR) {
            return Reason.UNTRUSTED;
        }
        if (r == PKIXReason.NOT_CA_CERT || r == PKIXReason.PATH_TOO_LONG || r == PKIXReason.INVALID_KEY_USAGE) {
            return Reason.NOT_A_CA;
        }
        return Reason.INVALID;
    }

    // ---- writing ----

    @Override
    public X509Certificate selfSigned(CertificateTemplate template, KeyElements keyPair) {
        requirePrivate(keyPair, "self-signed certificate");
        byte[] subject = name(template.subject());
        return build(template, keyPair.publicKey(), subject, keyPair, null);
    }

    @Override
    public X509Certificate issue(CertificateTemplate template, KeyElements subjectPublicKey, X509Certificate issuer,
            KeyElements issuerPrivateKey) {
        requirePrivate(issuerPrivateKey, "issuing certificate");
        Objects.requireNonNull(issuer, "issuer");
        KeyElements subjectKey = subjectPublicKey.isPrivate() ? subjectPublicKey.publicKey() : subjectPublicKey;
        return build(template, subjectKey, issuer.getSubjectX500Principal().getEncoded(), issuerPrivateKey, issuer);
    }

    private X509Certificate build(CertificateTemplate t, KeyElements subjectKey, byte[] issuerName, KeyElements signer,
            X509Certificate issuer) {
        byte[] spki = KeyEncoding.encodeSpki(subjectKey);
        byte[] algorithm = signatureAlgorithm(signer);
        BigInteger serial = t.serialNumber().orElseGet(() -> new BigInteger(127, random).setBit(0));
        List<byte[]> extensions = new ArrayList<>();
        extensions.add(extension(BASIC_CONSTRAINTS, true,
                t.certificateAuthority() ? Der.sequence(Der.bool(true)) : Der.sequence()));
        // keyUsage bits: 0 digitalSignature, 2 keyEncipherment, 5 keyCertSign, 6 cRLSign
        boolean rsaLeaf = !t.certificateAuthority() && subjectKey.type() == KeyType.RSA;
        extensions.add(extension(KEY_USAGE, true, Der.namedBits(true, false, rsaLeaf, false, false,
                t.certificateAuthority(), t.certificateAuthority())));
        if (!t.certificateAuthority()) {
            extensions.add(extension(EXT_KEY_USAGE, false, Der.sequence(Der.oid(SERVER_AUTH), Der.oid(CLIENT_AUTH))));
        }
        byte[] san = subjectAltName(t.dnsNames(), t.ipAddresses());
        if (san != null) {
            extensions.add(extension(SUBJECT_ALT_NAME, false, san));
        }
        byte[] keyId = keyIdentifier(spki);
        extensions.add(extension(SUBJECT_KEY_ID, false, Der.octetString(keyId)));
        byte[] authorityKeyId = issuer == null ? keyId : subjectKeyId(issuer);
        if (authorityKeyId != null) {
            extensions.add(extension(AUTHORITY_KEY_ID, false, Der.sequence(Der.implicitPrimitive(0, authorityKeyId))));
        }
        byte[] tbs = Der.sequence(
                Der.explicit(0, Der.integer(2)),
                Der.integer(serial),
                algorithm,
                issuerName,
                Der.sequence(Der.time(t.notBefore()), Der.time(t.notAfter())),
                name(t.subject()),
                spki,
                Der.explicit(3, Der.sequence(extensions.toArray(new byte[0][]))));
        byte[] cert = Der.sequence(tbs, algorithm, Der.bitString(sign(signer, tbs)));
        return parseCertificate(cert, "generated certificate");
    }

    @Override
    public byte[] certificationRequest(String subjectDn, List<String> dnsNames, KeyElements keyPair) {
        requirePrivate(keyPair, "certification request");
        byte[] attributes;
        byte[] san = subjectAltName(dnsNames, List.of());
        if (san == null) {
            attributes = Der.tlv(0xa0, new byte[0]);
        } else {
            byte[] extensions = Der.sequence(extension(SUBJECT_ALT_NAME, false, san));
            attributes = Der.tlv(0xa0, Der.sequence(Der.oid(EXTENSION_REQUEST), Der.set(extensions)));
        }
        byte[] info = Der.sequence(Der.integer(0), name(subjectDn), KeyEncoding.encodeSpki(keyPair.publicKey()), attributes);
        return Der.sequence(info, signatureAlgorithm(keyPair), Der.bitString(sign(keyPair, info)));
    }

    @Override
    public byte[] encodePrivateKey(KeyElements privateKey) {
        return keys.encodePkcs8(privateKey);
    }

    @Override
    public String pem(String label, byte[] der) {
        if (label == null || !label.matches("[A-Z0-9 ]+")) {
            throw new BadParameterException("PEM label must be upper-case letters, digits and spaces: '" + label + "'");
        }
        return Pem.encode(label, der);
    }

    private static byte[] name(String dn) {
        try {
            return new X500Principal(dn).getEncoded();
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("distinguished name '" + dn + "' is not valid RFC 4514: " + e.getMessage(), e);
        }
    }

    private static byte[] subjectAltName(List<String> dnsNames, List<InetAddress> ips) {
        if (dnsNames.isEmpty() && ips.isEmpty()) {
            return null;
        }
        List<byte[]> names = new ArrayList<>();
        for (String d : dnsNames) {
            if (d.isEmpty() || !d.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                throw new BadParameterException("DNS name must be non-empty printable ASCII: '" + d + "'");
            }
            names.add(Der.implicitPrimitive(2, d.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        }
        for (InetAddress a : ips) {
            names.add(Der.implicitPrimitive(7, a.getAddress()));
        }
        return Der.sequence(names.toArray(new byte[0][]));
    }

    private static byte[] extension(String oid, boolean critical, byte[] value) {
        return critical ? Der.sequence(Der.oid(oid), Der.bool(true), Der.octetString(value))
                : Der.sequence(Der.oid(oid), Der.octetString(value));
    }

    /** RFC 5280 section 4.2.1.2 method 1: SHA-1 of the subjectPublicKey BIT STRING's bytes. */
    private static byte[] keyIdentifier(byte[] spki) {
        DerReader r = new DerReader(spki, "SubjectPublicKeyInfo");
        DerReader seq = r.sequence();
        seq.skip();
        return Jdk.messageDigest("SHA-1").digest(seq.bitString());
    }

    private static byte[] subjectKeyId(X509Certificate c) {
        byte[] ext = c.getExtensionValue(SUBJECT_KEY_ID);
        if (ext == null) {
            return null;
        }
        byte[] inner = new DerReader(ext, "issuer subjectKeyIdentifier").octetString();
        return new DerReader(inner, "issuer subjectKeyIdentifier").octetString();
    }

    private static byte[] signatureAlgorithm(KeyElements signer) {
        switch (signer.type()) {
            case RSA:
                return Der.sequence(Der.oid(SHA256_WITH_RSA), Der.nullValue());
            case EC: {
                EcCurve c = signer.ecCurve();
                String oid = c == EcCurve.P_256 ? ECDSA_WITH_SHA256 : c == EcCurve.P_384 ? ECDSA_WITH_SHA384 : ECDSA_WITH_SHA512;
                return Der.sequence(Der.oid(oid));
            }
            case OKP:
                if (signer.okpCurve() == OkpCurve.ED25519) {
                    return Der.sequence(Der.oid(KeyEncoding.ED25519));
                }
                throw new BadKeyException("X25519 keys cannot sign; use RSA, EC or Ed25519");
            default:
                throw new BadKeyException("oct keys cannot sign certificates");
        }
    }

    private byte[] sign(KeyElements signer, byte[] data) {
        switch (signer.type()) {
            case RSA:
                return rsa.sign(RsaSignatureScheme.PKCS1_V1_5, HashAlgorithm.SHA_256, signer, data);
            case EC:
                return ec.sign(signer.ecCurve().naturalHash(), signer, data, EcdsaFormat.DER);
            default:
                return ed25519.sign(signer, data);
        }
    }

    private static void requirePrivate(KeyElements key, String what) {
        if (key == null || !key.isPrivate() || key.type() == KeyType.OCT) {
            throw new BadKeyException(what + ": needs a private RSA, EC or Ed25519 key");
        }
    }

    /** Used by TLS: the private key's public elements must be the certificate's. */
    static void requireMatch(KeyElements privateKey, KeyElements certificateKey, String what) {
        KeyElements pub = privateKey.publicKey();
        for (int i = 0; i < pub.type().elementCount(); i++) {
            if (!java.util.Arrays.equals(pub.element(i), certificateKey.element(i))) {
                throw new BadKeyException(what + ": the private key does not belong to the certificate");
            }
        }
    }
}
