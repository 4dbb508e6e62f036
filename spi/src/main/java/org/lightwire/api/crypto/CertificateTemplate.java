package org.lightwire.api.crypto;

import java.math.BigInteger;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a certificate {@link X509} issues should say: subject, names, validity, serial and
 * whether it is a CA (the fields lws' test server and ACME need). Immutable; built with
 * {@link #builder(String)}.
 *
 * <p>The signature algorithm follows the signing key: SHA-256 with RSA (PKCS#1 v1.5),
 * ECDSA with the curve's {@link EcCurve#naturalHash()}, or Ed25519. Issued certificates are
 * X.509 v3 with subjectAltName (when names are given), basicConstraints (critical), keyUsage
 * (critical), subjectKeyIdentifier and, for a leaf, extendedKeyUsage serverAuth+clientAuth.
 */
public final class CertificateTemplate {

    private final String subject;
    private final List<String> dnsNames;
    private final List<InetAddress> ipAddresses;
    private final Instant notBefore;
    private final Instant notAfter;
    private final BigInteger serialNumber;
    private final boolean certificateAuthority;

    private CertificateTemplate(Builder b) {
        this.subject = b.subject;
        this.dnsNames = List.copyOf(b.dnsNames);
        this.ipAddresses = List.copyOf(b.ipAddresses);
        this.notBefore = b.notBefore;
        this.notAfter = b.notAfter;
        this.serialNumber = b.serialNumber;
        this.certificateAuthority = b.certificateAuthority;
    }

    /**
     * A builder for a certificate whose subject is {@code subjectDn} in RFC 4514 form
     * ("CN=localhost, O=Lightwire"); valid from now for 365 days unless set.
     */
    public static Builder builder(String subjectDn) {
        return new Builder(subjectDn);
    }

    /** The subject distinguished name, RFC 4514 form. */
    public String subject() {
        return subject;
    }

    public List<String> dnsNames() {
        return dnsNames;
    }

    public List<InetAddress> ipAddresses() {
        return ipAddresses;
    }

    public Instant notBefore() {
        return notBefore;
    }

    public Instant notAfter() {
        return notAfter;
    }

    /** The serial number; empty = the backend picks a random positive 127-bit one. */
    public Optional<BigInteger> serialNumber() {
        return Optional.ofNullable(serialNumber);
    }

    public boolean certificateAuthority() {
        return certificateAuthority;
    }

    /** Builds a {@link CertificateTemplate}; checks on {@link #build()}. */
    public static final class Builder {
        private final String subject;
        private final List<String> dnsNames = new ArrayList<>();
        private final List<InetAddress> ipAddresses = new ArrayList<>();
        private Instant notBefore;
        private Instant notAfter;
        private BigInteger serialNumber;
        private boolean certificateAuthority;

        private Builder(String subject) {
            this.subject = Objects.requireNonNull(subject, "subject");
        }

        /** Adds a dNSName subjectAltName (ASCII; a leading "*." makes a wildcard). */
        public Builder dnsName(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isEmpty() || !name.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                throw new BadParameterException("certificate: DNS name must be non-empty printable ASCII: '" + name + "'");
            }
            dnsNames.add(name);
            return this;
        }

        /** Adds an iPAddress subjectAltName. */
        public Builder ipAddress(InetAddress address) {
            ipAddresses.add(Objects.requireNonNull(address, "address"));
            return this;
        }

        public Builder validity(Instant from, Instant until) {
            this.notBefore = Objects.requireNonNull(from, "from");
            this.notAfter = Objects.requireNonNull(until, "until");
            return this;
        }

        public Builder serialNumber(BigInteger serial) {
            if (serial.signum() <= 0 || serial.bitLength() > 159) {
                throw new BadParameterException("certificate: serial number must be positive and at most 20 bytes (RFC 5280 4.1.2.2)");
            }
            this.serialNumber = serial;
            return this;
        }

        /** Makes a CA certificate (basicConstraints cA, keyCertSign) rather than a leaf. */
        public Builder certificateAuthority(boolean ca) {
            this.certificateAuthority = ca;
            return this;
        }

        public CertificateTemplate build() {
            if (notBefore == null) {
                Instant now = Instant.now();
                notBefore = now.minusSeconds(60);
                notAfter = now.plusSeconds(365L * 24 * 3600);
            }
            if (!notAfter.isAfter(notBefore)) {
                throw new BadParameterException("certificate: notAfter " + notAfter + " is not after notBefore " + notBefore);
            }
            return new CertificateTemplate(this);
        }
    }
}
