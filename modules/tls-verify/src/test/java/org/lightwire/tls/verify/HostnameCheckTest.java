package org.lightwire.tls.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.Provider;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.stream.Stream;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lightwire.api.crypto.CertificateRejectedException;
import org.lightwire.api.crypto.CertificateRejectedException.Reason;

/**
 * {@link HostnameMatcher#check} on whole certificates, parsed by the JDK's and by BC's
 * CertificateFactory (each backend hands over its own provider's certificate objects, and
 * each renders subjectAltName addresses as text its own way).
 */
class HostnameCheckTest {

    private static final KeyPair KEY = TestCertificates.ecKey();

    static Stream<Provider> parsers() {
        // null: the JDK's default X.509 CertificateFactory
        return Stream.of(null, new BouncyCastleProvider());
    }

    /** A certificate with these subjectAltNames, parsed by {@code parser}'s CertificateFactory. */
    private static X509Certificate withNames(Provider parser, GeneralName... names) throws Exception {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name("CN=names"), BigInteger.ONE,
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(1))), new X500Name("CN=names"),
                KEY.getPublic());
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
        byte[] der = b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(KEY.getPrivate())).getEncoded();
        CertificateFactory cf = parser == null ? CertificateFactory.getInstance("X.509")
                : CertificateFactory.getInstance("X.509", parser);
        return (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der));
    }

    private static GeneralName ip(int... octets) {
        byte[] a = new byte[octets.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = (byte) octets[i];
        }
        return new GeneralName(GeneralName.iPAddress, new DEROctetString(a));
    }

    @ParameterizedTest
    @MethodSource("parsers")
    void aNamedHostPassesAndAnotherIsRefusedWithTheNamesItCarries(Provider parser) throws Exception {
        X509Certificate c = withNames(parser, new GeneralName(GeneralName.dNSName, "*.example.com"), ip(192, 0, 2, 7));
        HostnameMatcher.check(c, "www.example.com");
        HostnameMatcher.check(c, "192.0.2.7");
        CertificateRejectedException e = assertThrows(CertificateRejectedException.class,
                () -> HostnameMatcher.check(c, "example.com"));
        assertEquals(Reason.HOSTNAME_MISMATCH, e.reason());
        assertTrue(e.getMessage().contains("'example.com'") && e.getMessage().contains("*.example.com")
                && e.getMessage().contains("192.0.2.7"), e.getMessage());
        assertThrows(CertificateRejectedException.class, () -> HostnameMatcher.check(c, "192.0.2.8"));
    }

    @ParameterizedTest
    @MethodSource("parsers")
    void ipv6EntriesMatchTheirAddressWhateverTheParsersSpelling(Provider parser) throws Exception {
        X509Certificate c = withNames(parser, ip(0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1));
        HostnameMatcher.check(c, "2001:db8::1");
        HostnameMatcher.check(c, "[2001:DB8:0:0:0:0:0:1]");
        assertThrows(CertificateRejectedException.class, () -> HostnameMatcher.check(c, "2001:db8::2"));
    }

    @ParameterizedTest
    @MethodSource("parsers")
    void aCertificateWithoutAddressOrNameEntriesNamesNothing(Provider parser) throws Exception {
        X509Certificate c = withNames(parser, new GeneralName(GeneralName.rfc822Name, "a@example.com"));
        CertificateRejectedException e = assertThrows(CertificateRejectedException.class,
                () -> HostnameMatcher.check(c, "example.com"));
        assertEquals(Reason.HOSTNAME_MISMATCH, e.reason());
    }

    @ParameterizedTest
    @MethodSource("parsers")
    void anIpv4MappedEntryIsNotTheIpv4Address(Provider parser) throws Exception {
        X509Certificate c = withNames(parser, ip(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 127, 0, 0, 1));
        HostnameMatcher.check(c, "::ffff:127.0.0.1");
        assertThrows(CertificateRejectedException.class, () -> HostnameMatcher.check(c, "127.0.0.1"));
    }
}
