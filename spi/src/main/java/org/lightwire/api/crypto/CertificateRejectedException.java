package org.lightwire.api.crypto;

import java.util.Objects;

/**
 * {@link X509#verifyChain} rejected a certificate chain (lws {@code lws_tls_peer_cert_info}
 * / {@code lws_x509_verify} failure). {@link #reason()} says why; the message names the
 * certificate's subject.
 */
public class CertificateRejectedException extends CryptoException {

    private static final long serialVersionUID = 1L;

    /** Why a chain was rejected. */
    public enum Reason {
        /** A certificate's notAfter is before the verification time. */
        EXPIRED,
        /** A certificate's notBefore is after the verification time. */
        NOT_YET_VALID,
        /** The chain does not lead to any of the trust anchors. */
        UNTRUSTED,
        /** A signature in the chain does not verify. */
        BAD_SIGNATURE,
        /** An issuing certificate is not a CA (basicConstraints, keyUsage) or the path is too long. */
        NOT_A_CA,
        /** The leaf certificate does not name the expected host. */
        HOSTNAME_MISMATCH,
        /** Anything else the validator refused (unknown critical extension, malformed chain). */
        INVALID
    }

    private final Reason reason;

    public CertificateRejectedException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public CertificateRejectedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
