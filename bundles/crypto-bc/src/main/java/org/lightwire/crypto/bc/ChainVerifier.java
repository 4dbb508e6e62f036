package org.lightwire.crypto.bc;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.Provider;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.lightwire.api.crypto.CertificateRejectedException;
import org.lightwire.api.crypto.CertificateRejectedException.Reason;
import org.lightwire.tls.verify.HostnameMatcher;

/**
 * {@link org.lightwire.api.crypto.X509#verifyChain}: builds the path from the leaf through
 * the given intermediates to a trust anchor, then checks it from the anchor down the way
 * RFC 5280 section 6 (and the JDK's PKIX validator) does — each certificate's signature,
 * validity, and for issuers CA status, key usage and path length — so the first problem
 * found has a precise {@link Reason}. BC's own PKIX validator then runs over the same path
 * for the rest of RFC 5280 (critical extensions, name constraints, policies); what it alone
 * refuses is {@link Reason#INVALID}. Revocation is not checked.
 */
final class ChainVerifier {

    /** Extensions we, or BC's validator after us, act on; anything else critical is refused. */
    private static final Set<ASN1ObjectIdentifier> UNDERSTOOD = Set.of(Extension.basicConstraints, Extension.keyUsage,
            Extension.extendedKeyUsage, Extension.subjectAlternativeName, Extension.issuerAlternativeName,
            Extension.nameConstraints, Extension.certificatePolicies, Extension.policyMappings,
            Extension.policyConstraints, Extension.inhibitAnyPolicy, Extension.subjectKeyIdentifier,
            Extension.authorityKeyIdentifier);

    private final Provider bc;

    ChainVerifier(Provider bc) {
        this.bc = bc;
    }

    void verify(List<X509Certificate> chain, Collection<X509Certificate> trustAnchors, String hostname, Instant at) {
        if (chain.isEmpty()) {
            throw new CertificateRejectedException(Reason.INVALID, "X.509: the chain is empty");
        }
        if (trustAnchors.isEmpty()) {
            throw new CertificateRejectedException(Reason.UNTRUSTED, "X.509: no trust anchors given");
        }
        List<X509CertificateHolder> given = new ArrayList<>();
        for (X509Certificate c : chain) {
            given.add(BcX509.holder(c));
        }
        List<X509CertificateHolder> anchors = new ArrayList<>();
        for (X509Certificate c : trustAnchors) {
            anchors.add(BcX509.holder(c));
        }
        Path path = build(given, anchors);
        Date when = Date.from(at);
        // from the anchor down, as RFC 5280 section 6.1 processes a path
        int pathLength = path.certs.size();
        for (int i = pathLength - 1; i >= 0; i--) {
            X509CertificateHolder cert = path.certs.get(i);
            X509CertificateHolder issuer = i + 1 < pathLength ? path.certs.get(i + 1) : path.anchor;
            checkSignature(cert, issuer);
            checkValidity(cert, when);
            checkCriticalExtensions(cert);
            if (i > 0) {
                checkIssuer(cert, i - 1);
            }
        }
        runPkix(path, when);
        if (hostname != null) {
            // the path's leaf is one of the given certificates: judge that certificate itself
            HostnameMatcher.check(chain.get(given.indexOf(path.certs.get(0))), hostname);
        }
    }

    /** The chain from the leaf up to (not including) the anchor that issued its top. */
    private record Path(List<X509CertificateHolder> certs, X509CertificateHolder anchor) {
    }

    private Path build(List<X509CertificateHolder> given, List<X509CertificateHolder> anchors) {
        List<X509CertificateHolder> path = new ArrayList<>();
        List<X509CertificateHolder> unused = new ArrayList<>(given.subList(1, given.size()));
        X509CertificateHolder current = given.get(0);
        path.add(current);
        X509CertificateHolder misSigned = null;
        while (true) {
            for (X509CertificateHolder anchor : anchors) {
                if (anchor.getSubject().equals(current.getIssuer())) {
                    if (signedBy(current, anchor)) {
                        return new Path(path, anchor);
                    }
                    misSigned = current;
                }
            }
            X509CertificateHolder next = null;
            for (X509CertificateHolder candidate : unused) {
                if (candidate.getSubject().equals(current.getIssuer()) && candidate != current) {
                    if (signedBy(current, candidate)) {
                        next = candidate;
                        break;
                    }
                    misSigned = current;
                }
            }
            if (next == null) {
                if (misSigned != null) {
                    throw new CertificateRejectedException(Reason.BAD_SIGNATURE, "X.509: the signature of '"
                            + misSigned.getSubject() + "' does not verify with its issuer's key");
                }
                throw new CertificateRejectedException(Reason.UNTRUSTED, "X.509: '" + current.getSubject() + "' (issuer '"
                        + current.getIssuer() + "') does not chain to any trust anchor");
            }
            unused.remove(next);
            path.add(next);
            current = next;
        }
    }

    private void checkSignature(X509CertificateHolder cert, X509CertificateHolder issuer) {
        if (!signedBy(cert, issuer)) {
            throw new CertificateRejectedException(Reason.BAD_SIGNATURE, "X.509: the signature of '" + cert.getSubject()
                    + "' does not verify with the key of '" + issuer.getSubject() + "'");
        }
    }

    private boolean signedBy(X509CertificateHolder cert, X509CertificateHolder issuer) {
        try {
            ContentVerifierProvider verifier = new JcaContentVerifierProviderBuilder().setProvider(bc).build(issuer);
            return cert.isSignatureValid(verifier);
        } catch (OperatorCreationException | CertException | java.security.cert.CertificateException | RuntimeException e) {
            // an unusable issuer key or an unknown signature algorithm: not signed by it
            return false;
        }
    }

    private static void checkValidity(X509CertificateHolder cert, Date when) {
        if (when.before(cert.getNotBefore())) {
            throw new CertificateRejectedException(Reason.NOT_YET_VALID, "X.509: '" + cert.getSubject() + "' is not valid before "
                    + cert.getNotBefore().toInstant());
        }
        if (when.after(cert.getNotAfter())) {
            throw new CertificateRejectedException(Reason.EXPIRED, "X.509: '" + cert.getSubject() + "' expired at "
                    + cert.getNotAfter().toInstant());
        }
    }

    private static void checkCriticalExtensions(X509CertificateHolder cert) {
        for (Object oid : cert.getCriticalExtensionOIDs()) {
            if (!UNDERSTOOD.contains(oid)) {
                throw new CertificateRejectedException(Reason.INVALID, "X.509: '" + cert.getSubject()
                        + "' has an unrecognised critical extension " + oid);
            }
        }
    }

    /** {@code below}: how many non-self-issued certificates follow this one towards the leaf, minus the leaf. */
    private static void checkIssuer(X509CertificateHolder cert, int below) {
        BasicConstraints bc = BasicConstraints.fromExtensions(cert.getExtensions());
        if (bc == null || !bc.isCA()) {
            throw new CertificateRejectedException(Reason.NOT_A_CA, "X.509: '" + cert.getSubject()
                    + "' issued a certificate but is not a CA (basicConstraints)");
        }
        KeyUsage usage = KeyUsage.fromExtensions(cert.getExtensions());
        if (usage != null && !usage.hasUsages(KeyUsage.keyCertSign)) {
            throw new CertificateRejectedException(Reason.NOT_A_CA, "X.509: '" + cert.getSubject()
                    + "' issued a certificate but its keyUsage lacks keyCertSign");
        }
        if (bc.getPathLenConstraint() != null && below > bc.getPathLenConstraint().intValue()) {
            throw new CertificateRejectedException(Reason.NOT_A_CA, "X.509: path too long: '" + cert.getSubject()
                    + "' allows " + bc.getPathLenConstraint() + " intermediate(s) below it, the chain has " + below);
        }
    }

    private void runPkix(Path path, Date when) {
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509", bc);
            List<X509Certificate> certs = new ArrayList<>();
            for (X509CertificateHolder h : path.certs) {
                certs.add(BcX509.certificate(cf, h.getEncoded()));
            }
            X509Certificate anchor = BcX509.certificate(cf, path.anchor.getEncoded());
            CertPath certPath = cf.generateCertPath(certs);
            PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
            params.setRevocationEnabled(false);
            params.setDate(when);
            CertPathValidator.getInstance("PKIX", bc).validate(certPath, params);
        } catch (CertPathValidatorException e) {
            throw new CertificateRejectedException(Reason.INVALID, "X.509: path validation failed: " + e.getMessage(), e);
        } catch (InvalidAlgorithmParameterException e) {
            throw new CertificateRejectedException(Reason.INVALID, "X.509: " + e.getMessage(), e);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new org.lightwire.api.crypto.CryptoException("X.509: BC's PKIX validator is unavailable: " + e.getMessage(), e);
        }
    }

}
