package org.lightwire.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.VhostSettings;
import org.lightwire.config.ConfigLoader;

/** The default config's self-signed test certificate, and the https vhost that uses it. */
class TestCertificateTest {

    @Test
    void theCertificateIsSelfSignedForLocalhostAndItsKeyMatches() throws Exception {
        String[] pem = TestCertificate.generate();

        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem[0].getBytes(StandardCharsets.US_ASCII)));
        cert.verify(cert.getPublicKey());
        cert.checkValidity();
        assertEquals("CN=localhost", cert.getSubjectX500Principal().getName());
        assertEquals(-1, cert.getBasicConstraints(), "not a CA");
        assertEquals(List.of(List.of(2, "localhost"), List.of(7, "127.0.0.1")),
                cert.getSubjectAlternativeNames().stream().toList());

        byte[] der = Base64.getMimeDecoder().decode(pem[1].replaceAll("-----[A-Z ]+-----", ""));
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initSign(KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der)));
        s.update(new byte[] {1, 2, 3});
        byte[] sig = s.sign();
        s.initVerify(cert.getPublicKey());
        s.update(new byte[] {1, 2, 3});
        assertTrue(s.verify(sig), "the key belongs to the certificate");
    }

    @Test
    void derLengthsUseTheLongFormsAbove127Bytes() {
        assertEquals(2 + 5, TestCertificate.tlv(0x04, new byte[5]).length);
        assertEquals(3 + 200, TestCertificate.tlv(0x04, new byte[200]).length);
        byte[] big = TestCertificate.tlv(0x04, new byte[300]);
        assertEquals((byte) 0x82, big[1]);
        assertEquals(300, ((big[2] & 0xff) << 8) | (big[3] & 0xff));
    }

    @Test
    void theEmbeddedDefaultServesHttpsOn7682WithTheCertificateDirectory(@TempDir Path tls) throws Exception {
        String config = ServeCommand.embeddedDefault().replace(ServeCommand.TLS_DIR_TOKEN, tls.toString());

        ContextSettings settings = ConfigLoader.parse("(embedded default config)", config, Path.of("/usr/share/lightwire"));

        VhostSettings https = settings.vhosts().stream().filter(v -> v.port() == 7682).findFirst().orElseThrow();
        assertEquals(tls.resolve(TestCertificate.CERT), https.tls().orElseThrow().hostSslCert().orElseThrow());
        assertEquals(tls.resolve(TestCertificate.KEY), https.tls().orElseThrow().hostSslKey().orElseThrow());
        assertEquals("127.0.0.1", https.iface().orElseThrow());
    }
}
