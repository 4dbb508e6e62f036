package org.lightwire.crypto.bc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcECContentSignerBuilder;
import org.bouncycastle.operator.bc.BcEdECContentSignerBuilder;
import org.bouncycastle.operator.bc.BcRSAContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.lightwire.api.crypto.BadEncodingException;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.BadParameterException;
import org.lightwire.api.crypto.CertificateTemplate;
import org.lightwire.api.crypto.CryptoException;
import org.lightwire.api.crypto.EcCurve;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.KeyType;
import org.lightwire.api.crypto.OkpCurve;
import org.lightwire.api.crypto.X509;

/**
 * {@link X509} on bcpkix and BC's lightweight key factories (lws {@code lws_x509_*} on
 * mbedTLS): DER is parsed by BC's ASN.1 classes, certificates become
 * {@link X509Certificate}s through a private BC provider instance, certificates and CSRs
 * are built and signed with BC's lightweight content signers.
 */
final class BcX509 implements X509 {

    private final BcProviders providers;
    private final SecureRandom random;

    BcX509(BcProviders providers, SecureRandom random) {
        this.providers = providers;
        this.random = random;
    }

    // ---- reading -------------------------------------------------------------------------

    @Override
    public List<X509Certificate> certificates(byte[] pemOrDer) {
        Objects.requireNonNull(pemOrDer, "pemOrDer");
        CertificateFactory cf = certificateFactory();
        List<X509Certificate> out = new ArrayList<>();
        if (!Pem.looksLikePem(pemOrDer)) {
            out.add(parseCertificate(cf, pemOrDer, "DER certificate"));
            return out;
        }
        for (Pem.Block block : Pem.read(pemOrDer)) {
            if (block.label().equals("CERTIFICATE")) {
                out.add(parseCertificate(cf, block.der(), block.name()));
            }
        }
        if (out.isEmpty()) {
            throw new BadEncodingException("X.509: no PEM CERTIFICATE block found");
        }
        return out;
    }

    private static X509Certificate parseCertificate(CertificateFactory cf, byte[] der, String what) {
        try {
            // BC's ASN.1 reader refuses trailing bytes and truncation, and checks the structure first
            if (Certificate.getInstance(ASN1Primitive.fromByteArray(der)) == null) {
                throw new BadEncodingException("X.509: " + what + " is empty");
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException | ClassCastException e) {
            throw new BadEncodingException("X.509: " + what + " is not a well-formed certificate: " + e.getMessage(), e);
        }
        return certificate(cf, der, what);
    }

    static X509Certificate certificate(CertificateFactory cf, byte[] der) {
        return certificate(cf, der, "certificate");
    }

    private static X509Certificate certificate(CertificateFactory cf, byte[] der, String what) {
        try {
            X509Certificate c = (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der));
            if (c == null) {
                throw new BadEncodingException("X.509: " + what + " is empty");
            }
            return c;
        } catch (CertificateException | RuntimeException e) {
            throw new BadEncodingException("X.509: " + what + " is not a well-formed certificate: " + e.getMessage(), e);
        }
    }

    /** A BC view of any {@link X509Certificate}, whichever provider made it. */
    static X509CertificateHolder holder(X509Certificate certificate) {
        try {
            return new X509CertificateHolder(certificate.getEncoded());
        } catch (CertificateEncodingException | IOException e) {
            throw new BadEncodingException("X.509: cannot re-read certificate '" + certificate.getSubjectX500Principal() + "': "
                    + e.getMessage(), e);
        }
    }

    @Override
    public KeyElements privateKey(byte[] pemOrDer) {
        Objects.requireNonNull(pemOrDer, "pemOrDer");
        if (!Pem.looksLikePem(pemOrDer)) {
            return privateKeyFromDer(pemOrDer);
        }
        for (Pem.Block block : Pem.read(pemOrDer)) {
            switch (block.label()) {
                case "PRIVATE KEY":
                    return fromPkcs8(block.der(), block.name());
                case "RSA PRIVATE KEY":
                    refuseEncrypted(block);
                    return fromPkcs1(block.der(), block.name());
                case "EC PRIVATE KEY":
                    refuseEncrypted(block);
                    return fromSec1(block.der(), block.name());
                case "ENCRYPTED PRIVATE KEY":
                    throw new BadEncodingException("X.509: " + block.name() + " is encrypted; decrypt it first "
                            + "(e.g. openssl pkcs8 -in key.pem -out plain.pem)");
                default:
                    // certificates and parameters next to the key are skipped
                    break;
            }
        }
        throw new BadEncodingException("X.509: no PEM private key block (PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY) found");
    }

    private static void refuseEncrypted(Pem.Block block) {
        if (block.encryptedHeader()) {
            throw new BadEncodingException("X.509: " + block.name() + " is encrypted (Proc-Type: 4,ENCRYPTED); decrypt it first");
        }
    }

    /** DER without a label: PKCS#8, else PKCS#1, else SEC1, decided by the structure. */
    private static KeyElements privateKeyFromDer(byte[] der) {
        ASN1Sequence seq = sequence(der, "DER private key");
        if (seq.size() >= 3 && seq.getObjectAt(1) instanceof ASN1Sequence) {
            return fromPkcs8(der, "DER private key (PKCS#8)");
        }
        if (seq.size() >= 9) {
            return fromPkcs1(der, "DER private key (PKCS#1)");
        }
        return fromSec1(der, "DER private key (SEC1)");
    }

    private static ASN1Sequence sequence(byte[] der, String what) {
        try {
            ASN1Primitive p = ASN1Primitive.fromByteArray(der);
            if (!(p instanceof ASN1Sequence seq)) {
                throw new BadEncodingException("X.509: " + what + " is not an ASN.1 SEQUENCE");
            }
            return seq;
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new BadEncodingException("X.509: " + what + " is not well-formed DER: " + e.getMessage(), e);
        }
    }

    private static KeyElements fromPkcs8(byte[] der, String what) {
        ASN1Sequence seq = sequence(der, what);
        AsymmetricKeyParameter key;
        try {
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(seq);
            if (info.getPrivateKeyAlgorithm().getAlgorithm().equals(PKCSObjectIdentifiers.id_PBES2)) {
                throw new BadEncodingException("X.509: " + what + " is encrypted; decrypt it first");
            }
            key = PrivateKeyFactory.createKey(info);
        } catch (IOException | IllegalArgumentException | IllegalStateException | ClassCastException e) {
            throw new BadEncodingException("X.509: " + what + " is not a usable PKCS#8 private key: " + e.getMessage(), e);
        }
        return privateElements(key, what);
    }

    private static KeyElements fromPkcs1(byte[] der, String what) {
        ASN1Sequence seq = sequence(der, what);
        RSAPrivateKey k;
        try {
            k = RSAPrivateKey.getInstance(seq);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new BadEncodingException("X.509: " + what + " is not a PKCS#1 RSAPrivateKey: " + e.getMessage(), e);
        }
        return privateElements(new RSAPrivateCrtKeyParameters(k.getModulus(), k.getPublicExponent(), k.getPrivateExponent(),
                k.getPrime1(), k.getPrime2(), k.getExponent1(), k.getExponent2(), k.getCoefficient()), what);
    }

    private static KeyElements fromSec1(byte[] der, String what) {
        ASN1Sequence seq = sequence(der, what);
        ECPrivateKey k;
        org.bouncycastle.asn1.ASN1Object params;
        try {
            k = ECPrivateKey.getInstance(seq);
            params = k.getParametersObject();
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new BadEncodingException("X.509: " + what + " is not a SEC1 ECPrivateKey: " + e.getMessage(), e);
        }
        if (!(params instanceof ASN1ObjectIdentifier oid)) {
            throw new BadEncodingException("X.509: " + what + " does not name its curve (SEC1 parameters [0] absent or explicit)");
        }
        EcCurve curve = EcKeys.curveOf(oid);
        if (curve == null) {
            throw new BadKeyException("X.509: " + what + " is on an unsupported curve " + oid + " (supported: P-256, P-384, P-521)");
        }
        return ecPrivate(curve, k.getKey(), what);
    }

    private static KeyElements privateElements(AsymmetricKeyParameter key, String what) {
        if (key instanceof RSAPrivateCrtKeyParameters rsa) {
            return RsaKeys.elements(rsa);
        }
        if (key instanceof ECPrivateKeyParameters ec) {
            return ecPrivate(curveOf(ec.getParameters(), what), ec.getD(), what);
        }
        if (key instanceof Ed25519PrivateKeyParameters ed) {
            byte[] d = ed.getEncoded();
            return KeyElements.okp(OkpCurve.ED25519, ed.generatePublicKey().getEncoded(), d);
        }
        if (key instanceof X25519PrivateKeyParameters x) {
            byte[] d = x.getEncoded();
            return KeyElements.okp(OkpCurve.X25519, x.generatePublicKey().getEncoded(), d);
        }
        throw new BadKeyException("X.509: " + what + " holds an unsupported key type (" + key.getClass().getSimpleName()
                + "); supported: RSA, EC P-256/384/521, Ed25519, X25519");
    }

    private static KeyElements ecPrivate(EcCurve curve, BigInteger d, String what) {
        if (d.signum() <= 0 || d.compareTo(EcKeys.domain(curve).getN()) >= 0) {
            throw new BadKeyException("X.509: " + what + ": EC private scalar is not in 1..n-1");
        }
        // the public point is derived, never taken from the file, so it always matches D
        ECPoint q = new FixedPointCombMultiplier().multiply(EcKeys.domain(curve).getG(), d);
        return EcKeys.elements(curve, q, d);
    }

    private static EcCurve curveOf(org.bouncycastle.crypto.params.ECDomainParameters domain, String what) {
        if (domain instanceof org.bouncycastle.crypto.params.ECNamedDomainParameters named) {
            EcCurve curve = EcKeys.curveOf(named.getName());
            if (curve != null) {
                return curve;
            }
        }
        throw new BadKeyException("X.509: " + what + " is on an unsupported curve (supported: P-256, P-384, P-521)");
    }

    @Override
    public KeyElements publicKey(X509Certificate certificate) {
        Objects.requireNonNull(certificate, "certificate");
        String what = "public key of '" + certificate.getSubjectX500Principal().getName() + "'";
        SubjectPublicKeyInfo spki = holder(certificate).getSubjectPublicKeyInfo();
        AsymmetricKeyParameter key;
        try {
            key = PublicKeyFactory.createKey(spki);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new BadKeyException("X.509: " + what + " is unsupported or malformed: " + e.getMessage(), e);
        }
        if (key instanceof RSAKeyParameters rsa) {
            return RsaKeys.publicElements(rsa);
        }
        if (key instanceof ECPublicKeyParameters ec) {
            EcCurve curve = curveOf(ec.getParameters(), what);
            ECPoint q = ec.getQ().normalize();
            EcKeys.validPoint(curve, q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
            return EcKeys.elements(curve, q, null);
        }
        if (key instanceof Ed25519PublicKeyParameters ed) {
            return KeyElements.okp(OkpCurve.ED25519, ed.getEncoded(), null);
        }
        if (key instanceof X25519PublicKeyParameters x) {
            return KeyElements.okp(OkpCurve.X25519, x.getEncoded(), null);
        }
        throw new BadKeyException("X.509: " + what + " has an unsupported type (" + key.getClass().getSimpleName() + ")");
    }

    // ---- verifying -----------------------------------------------------------------------

    @Override
    public void verifyChain(List<X509Certificate> chain, Collection<X509Certificate> trustAnchors, String hostname, Instant at) {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(trustAnchors, "trustAnchors");
        Objects.requireNonNull(at, "at");
        new ChainVerifier(providers.jca()).verify(chain, trustAnchors, hostname, at);
    }

    // ---- making --------------------------------------------------------------------------

    @Override
    public X509Certificate selfSigned(CertificateTemplate template, KeyElements keyPair) {
        Objects.requireNonNull(template, "template");
        requirePair(keyPair, "self-signed certificate");
        X500Name subject = name(template.subject());
        return build(template, subject, subject, publicInfo(keyPair), keyPair, null);
    }

    @Override
    public X509Certificate issue(CertificateTemplate template, KeyElements subjectPublicKey, X509Certificate issuer,
            KeyElements issuerPrivateKey) {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(subjectPublicKey, "subjectPublicKey");
        Objects.requireNonNull(issuer, "issuer");
        requirePair(issuerPrivateKey, "issuing key");
        X509CertificateHolder issuerHolder = holder(issuer);
        if (!issuerHolder.getSubjectPublicKeyInfo().equals(publicInfo(issuerPrivateKey))) {
            throw new BadKeyException("X.509: the issuing private key does not belong to '" + issuerHolder.getSubject() + "'");
        }
        return build(template, name(template.subject()), issuerHolder.getSubject(), publicInfo(subjectPublicKey),
                issuerPrivateKey, issuerHolder);
    }

    private X509Certificate build(CertificateTemplate t, X500Name subject, X500Name issuer, SubjectPublicKeyInfo subjectKey,
            KeyElements signingKey, X509CertificateHolder issuerHolder) {
        BigInteger serial = t.serialNumber().orElseGet(() -> new BigInteger(127, random).setBit(0));
        X509v3CertificateBuilder b = new X509v3CertificateBuilder(issuer, serial, Date.from(t.notBefore()),
                Date.from(t.notAfter()), subject, subjectKey);
        try {
            BcX509ExtensionUtils ext = new BcX509ExtensionUtils();
            GeneralNames san = subjectAltNames(t);
            if (san != null) {
                b.addExtension(Extension.subjectAlternativeName, false, san);
            }
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(t.certificateAuthority()));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage(t.certificateAuthority(), subjectKey)));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(subjectKey));
            if (issuerHolder != null) {
                b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(issuerHolder));
            }
            if (!t.certificateAuthority()) {
                b.addExtension(Extension.extendedKeyUsage, false,
                        new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
            }
        } catch (IOException e) {
            throw new CryptoException("X.509: encoding extensions failed: " + e.getMessage(), e);
        }
        X509CertificateHolder holder = b.build(signer(signingKey));
        try {
            return certificate(certificateFactory(), holder.getEncoded());
        } catch (IOException e) {
            throw new CryptoException("X.509: encoding the new certificate failed: " + e.getMessage(), e);
        }
    }

    private static int keyUsage(boolean ca, SubjectPublicKeyInfo key) {
        if (ca) {
            return KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature;
        }
        boolean rsa = key.getAlgorithm().getAlgorithm().equals(PKCSObjectIdentifiers.rsaEncryption);
        return rsa ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment : KeyUsage.digitalSignature;
    }

    private static GeneralNames subjectAltNames(CertificateTemplate t) {
        List<GeneralName> names = new ArrayList<>();
        for (String dns : t.dnsNames()) {
            names.add(new GeneralName(GeneralName.dNSName, dns));
        }
        for (java.net.InetAddress ip : t.ipAddresses()) {
            names.add(new GeneralName(GeneralName.iPAddress, new DEROctetString(ip.getAddress())));
        }
        return names.isEmpty() ? null : new GeneralNames(names.toArray(GeneralName[]::new));
    }

    @Override
    public byte[] certificationRequest(String subjectDn, List<String> dnsNames, KeyElements keyPair) {
        Objects.requireNonNull(subjectDn, "subjectDn");
        Objects.requireNonNull(dnsNames, "dnsNames");
        requirePair(keyPair, "certification request");
        PKCS10CertificationRequestBuilder b = new PKCS10CertificationRequestBuilder(name(subjectDn), publicInfo(keyPair));
        if (!dnsNames.isEmpty()) {
            try {
                ExtensionsGenerator ext = new ExtensionsGenerator();
                GeneralName[] names = dnsNames.stream().map(n -> {
                    if (n == null || n.isEmpty() || !n.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                        throw new BadParameterException("CSR: DNS name must be non-empty printable ASCII: '" + n + "'");
                    }
                    return new GeneralName(GeneralName.dNSName, n);
                }).toArray(GeneralName[]::new);
                ext.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
                Extensions extensions = ext.generate();
                b.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions);
            } catch (IOException e) {
                throw new CryptoException("CSR: encoding subjectAltName failed: " + e.getMessage(), e);
            }
        }
        try {
            return b.build(signer(keyPair)).getEncoded();
        } catch (IOException e) {
            throw new CryptoException("CSR: encoding failed: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] encodePrivateKey(KeyElements privateKey) {
        Objects.requireNonNull(privateKey, "privateKey");
        try {
            return PrivateKeyInfoFactory.createPrivateKeyInfo(privateParameters(privateKey)).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new CryptoException("X.509: encoding the private key failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String pem(String label, byte[] der) {
        Objects.requireNonNull(der, "der");
        return Pem.write(label, der);
    }

    // ---- keys and signers ----------------------------------------------------------------

    private static void requirePair(KeyElements key, String what) {
        Objects.requireNonNull(key, "keyPair");
        if (key.type() == KeyType.OCT || !key.isPrivate()) {
            throw new BadKeyException("X.509: a " + what + " needs a private key with its public part, got " + key);
        }
    }

    private static AsymmetricKeyParameter privateParameters(KeyElements key) {
        switch (key.type()) {
            case RSA:
                RSAKeyParameters rsa = RsaKeys.privateParameters(key);
                if (!(rsa instanceof RSAPrivateCrtKeyParameters)) {
                    throw new BadKeyException("X.509: RSA private key needs its CRT elements (P, Q, DP, DQ, QI) to be encoded");
                }
                return rsa;
            case EC:
                return EcKeys.privateParameters(key);
            case OKP:
                if (!key.has(KeyElements.OKP_D)) {
                    throw new BadKeyException(key.okpCurve().jwkName() + ": a private key is needed, this one has no D");
                }
                byte[] d = key.element(KeyElements.OKP_D);
                return key.okpCurve() == OkpCurve.ED25519 ? new Ed25519PrivateKeyParameters(d) : new X25519PrivateKeyParameters(d);
            default:
                throw new BadKeyException("X.509: " + key.type().jwkName() + " keys have no certificate form");
        }
    }

    static SubjectPublicKeyInfo publicInfo(KeyElements key) {
        AsymmetricKeyParameter pub;
        switch (key.type()) {
            case RSA:
                pub = RsaKeys.publicParameters(key);
                break;
            case EC:
                pub = EcKeys.publicParameters(key);
                break;
            case OKP:
                byte[] x = key.element(KeyElements.OKP_X);
                pub = key.okpCurve() == OkpCurve.ED25519 ? new Ed25519PublicKeyParameters(x) : new X25519PublicKeyParameters(x);
                break;
            default:
                throw new BadKeyException("X.509: " + key.type().jwkName() + " keys have no certificate form");
        }
        try {
            return SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(pub);
        } catch (IOException e) {
            throw new CryptoException("X.509: encoding the public key failed: " + e.getMessage(), e);
        }
    }

    /** SHA-256 with RSA, ECDSA with the curve's own hash, or Ed25519, as the template promises. */
    private static ContentSigner signer(KeyElements key) {
        AsymmetricKeyParameter priv = privateParameters(key);
        String algorithm;
        switch (key.type()) {
            case RSA:
                algorithm = "SHA256withRSA";
                break;
            case EC:
                algorithm = key.ecCurve().naturalHash().standardName().replace("-", "") + "withECDSA";
                break;
            case OKP:
                if (key.okpCurve() != OkpCurve.ED25519) {
                    throw new BadKeyException("X.509: X25519 keys cannot sign; use an Ed25519, EC or RSA key");
                }
                algorithm = "Ed25519";
                break;
            default:
                throw new BadKeyException("X.509: " + key.type().jwkName() + " keys cannot sign certificates");
        }
        AlgorithmIdentifier sigAlg = new DefaultSignatureAlgorithmIdentifierFinder().find(algorithm);
        try {
            switch (key.type()) {
                case RSA:
                    return new BcRSAContentSignerBuilder(sigAlg, new DefaultDigestAlgorithmIdentifierFinder().find(sigAlg)).build(priv);
                case EC:
                    return new BcECContentSignerBuilder(sigAlg, new DefaultDigestAlgorithmIdentifierFinder().find(sigAlg)).build(priv);
                default:
                    return new BcEdECContentSignerBuilder(sigAlg).build(priv);
            }
        } catch (OperatorCreationException e) {
            throw new CryptoException("X.509: cannot make a " + algorithm + " signer: " + e.getMessage(), e);
        }
    }

    /** An RFC 4514 string read the JDK's way, so "CN=a, O=b" puts O outermost, as the RFC says. */
    private static X500Name name(String rfc4514) {
        try {
            return X500Name.getInstance(new X500Principal(rfc4514).getEncoded());
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("X.509: '" + rfc4514 + "' is not a distinguished name: " + e.getMessage(), e);
        }
    }

    private CertificateFactory certificateFactory() {
        try {
            return CertificateFactory.getInstance("X.509", providers.jca());
        } catch (CertificateException e) {
            throw new CryptoException("X.509: BC's certificate factory is unavailable: " + e.getMessage(), e);
        }
    }
}
