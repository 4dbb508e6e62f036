package org.lightwire.api.crypto;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * X.509 certificates and private-key files (lws {@code lws_x509_*}): loading, chain
 * verification, key extraction, and making self-signed certificates, issued certificates
 * and CSRs. Certificates are the JDK's {@link X509Certificate} values, whichever backend
 * parsed them. Thread-safe.
 */
public interface X509 {

    /**
     * Every certificate in {@code pemOrDer}: one or more PEM "CERTIFICATE" blocks (text
     * around them ignored) or a single DER certificate. {@link BadEncodingException} naming
     * the block if any is malformed, or if there is none.
     */
    List<X509Certificate> certificates(byte[] pemOrDer);

    /**
     * A private key from PEM or DER: PKCS#8 ("PRIVATE KEY"; RSA, EC, Ed25519, X25519),
     * PKCS#1 ("RSA PRIVATE KEY") or SEC1 ("EC PRIVATE KEY", public point derived if
     * absent). Encrypted keys are a {@link BadEncodingException} saying so. The result has
     * its public elements too.
     */
    KeyElements privateKey(byte[] pemOrDer);

    /** A certificate's subject public key as elements (RSA, EC, Ed25519 or X25519). */
    KeyElements publicKey(X509Certificate certificate);

    /**
     * Verifies {@code chain} (leaf first, then intermediates in any order) up to one of
     * {@code trustAnchors} at time {@code at}: signatures, validity periods, CA constraints
     * and path length. If {@code hostname} is not null the leaf must name it in a dNSName
     * (RFC 6125: case-insensitive, a wildcard only as the whole leftmost label) or, for an
     * IP literal, an iPAddress subjectAltName; the subject CN is not consulted. Revocation is
     * not checked. Throws {@link CertificateRejectedException} with the reason.
     */
    void verifyChain(List<X509Certificate> chain, Collection<X509Certificate> trustAnchors, String hostname, Instant at);

    /** A self-signed certificate for {@code keyPair} (which needs its private and public elements). */
    X509Certificate selfSigned(CertificateTemplate template, KeyElements keyPair);

    /** A certificate for {@code subjectPublicKey} issued and signed by {@code issuer} with {@code issuerPrivateKey}. */
    X509Certificate issue(CertificateTemplate template, KeyElements subjectPublicKey, X509Certificate issuer,
            KeyElements issuerPrivateKey);

    /**
     * A PKCS#10 certification request (RFC 2986) in DER, signed with {@code keyPair}, for
     * {@code subjectDn} (RFC 4514 form) with the given dNSNames in an extensionRequest
     * subjectAltName (none if empty).
     */
    byte[] certificationRequest(String subjectDn, List<String> dnsNames, KeyElements keyPair);

    /** A private key as PKCS#8 DER (unencrypted). */
    byte[] encodePrivateKey(KeyElements privateKey);

    /** DER as a PEM block with {@code label} ("CERTIFICATE", "PRIVATE KEY", "CERTIFICATE REQUEST"), 64-column base64. */
    String pem(String label, byte[] der);
}
