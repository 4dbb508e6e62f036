package org.lightwire.crypto.jca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.Security;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lightwire.api.crypto.CertificateTemplate;
import org.lightwire.api.crypto.EcCurve;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.TlsContext;
import org.lightwire.api.crypto.TlsSettings;
import org.lightwire.api.crypto.TlsSettings.ClientAuthentication;
import org.lightwire.crypto.jca.ossl.OpenSsl;

/**
 * SunJSSE's handshake signatures with this backend's keys made by OpenSSL through
 * {@link OpenSslSignatures}, and signed on the JDK again once the provider is gone.
 */
class OpenSslTlsSignaturesTest {

    private static final String PREFIX = "LightwireOpenSSL-";
    private static final byte[] MESSAGE = "CertificateVerify content".getBytes(StandardCharsets.US_ASCII);

    private final List<JcaBackend> backends = new ArrayList<>();

    @BeforeAll
    static void openSslIsUsed() {
        // the build makes the library wherever these tests run: its absence is a failure, never a skip
        assertTrue(OpenSsl.available(), OpenSsl.description());
    }

    @AfterEach
    void closeBackends() {
        backends.forEach(JcaBackend::close);
        assertTrue(ourProviders().isEmpty(), "left registered: " + ourProviders());
    }

    private JcaBackend backend() {
        JcaBackend b = new JcaBackend();
        backends.add(b);
        return b;
    }

    private static List<String> ourProviders() {
        return Arrays.stream(Security.getProviders()).map(p -> p.getName()).filter(n -> n.startsWith(PREFIX)).toList();
    }

    private static KeyElements key(JcaBackend b, String type) {
        return type.equals("RSA") ? b.rsa().generate(2048) : b.ec().generate(EcCurve.P_256);
    }

    /** A self-signed "localhost" certificate and its key, as PEM. */
    private record Identity(byte[] certificatePem, byte[] keyPem) {
        static Identity make(JcaBackend b, KeyElements key) {
            Instant now = Instant.now();
            X509Certificate cert = b.x509().selfSigned(CertificateTemplate.builder("CN=localhost").dnsName("localhost")
                    .validity(now.minusSeconds(60), now.plusSeconds(3600)).build(), key);
            try {
                return new Identity(ascii(b.x509().pem("CERTIFICATE", cert.getEncoded())),
                        ascii(b.x509().pem("PRIVATE KEY", b.x509().encodePrivateKey(key))));
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"RSA, TLSv1.3", "RSA, TLSv1.2", "EC, TLSv1.3", "EC, TLSv1.2"})
    void serverSignaturesRunOnOpenSsl(String keyType, String protocol) throws Exception {
        JcaBackend b = backend();
        Identity server = Identity.make(b, key(b, keyType));
        TlsContext serverContext = b.tls().create(TlsSettings.server(server.certificatePem(), server.keyPem()).build());
        TlsContext client = b.tls().create(TlsSettings.client().verifyPeer(false).protocols(List.of(protocol)).build());
        assertEquals(List.of(b.tlsSignatureProviderName()), ourProviders());

        long before = OpenSslSignatureSpi.SIGNED.get();
        SSLEngine s = serverContext.serverEngine();
        handshake(client.clientEngine("localhost", 443), s);
        assertEquals(protocol, s.getSession().getProtocol());
        assertEquals(before + 1, OpenSslSignatureSpi.SIGNED.get());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"TLSv1.3", "TLSv1.2"})
    void clientCertificateSignatureRunsOnOpenSsl(String protocol) throws Exception {
        JcaBackend b = backend();
        Identity server = Identity.make(b, key(b, "RSA"));
        Identity client = Identity.make(b, key(b, "EC"));
        TlsContext serverContext = b.tls().create(TlsSettings.server(server.certificatePem(), server.keyPem())
                .clientAuthentication(ClientAuthentication.REQUIRED).trustAnchorsPem(client.certificatePem()).build());
        TlsContext clientContext = b.tls().create(TlsSettings.client().verifyPeer(false).protocols(List.of(protocol))
                .clientCertificate(client.certificatePem(), client.keyPem()).build());

        long before = OpenSslSignatureSpi.SIGNED.get();
        SSLEngine s = serverContext.serverEngine();
        handshake(clientContext.clientEngine("localhost", 443), s);
        assertEquals("CN=localhost", ((X509Certificate) s.getSession().getPeerCertificates()[0]).getSubjectX500Principal().getName());
        assertEquals(before + 2, OpenSslSignatureSpi.SIGNED.get(), "server and client signatures");
    }

    @Test
    void afterCloseTheSameContextsHandshakeOnTheJdk() throws Exception {
        JcaBackend first = backend();
        JcaBackend second = backend();
        Identity id = Identity.make(first, key(first, "RSA"));
        TlsContext server = first.tls().create(TlsSettings.server(id.certificatePem(), id.keyPem()).build());
        TlsContext client = first.tls().create(TlsSettings.client().verifyPeer(false).build());
        second.tls().create(TlsSettings.server(id.certificatePem(), id.keyPem()).build());
        assertEquals(2, ourProviders().size());

        second.close();
        assertEquals(List.of(first.tlsSignatureProviderName()), ourProviders(), "names are unique: only the second's is gone");
        first.close();
        first.close();
        assertEquals(List.of(), ourProviders());

        long before = OpenSslSignatureSpi.SIGNED.get();
        handshake(client.clientEngine("localhost", 443), server.serverEngine());
        assertEquals(before, OpenSslSignatureSpi.SIGNED.get(), "signed by SunRsaSign with the key's JDK half");

        first.tls().create(TlsSettings.server(id.certificatePem(), id.keyPem()).build());
        assertEquals(List.of(), ourProviders(), "a closed backend registers nothing again");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"SHA256withRSA", "SHA384withRSA", "SHA512withRSA", "SHA256withECDSA", "SHA384withECDSA", "SHA512withECDSA"})
    void signaturesVerifyOnTheJdk(String algorithm) throws Exception {
        JcaBackend b = backend();
        KeyElements key = key(b, algorithm.endsWith("RSA") ? "RSA" : "EC");
        Signature signer = Signature.getInstance(algorithm, new OpenSslSignatures());
        long before = OpenSslSignatureSpi.SIGNED.get();
        signer.initSign(OpenSslPrivateKey.of(key));
        signer.update(MESSAGE);
        byte[] signature = signer.sign();
        assertEquals(before + 1, OpenSslSignatureSpi.SIGNED.get());
        assertTrue(jdkVerifies(algorithm, null, key, signature));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"SHA-256, 32", "SHA-384, 48", "SHA-512, 64"})
    void pssWithTlsParametersVerifiesOnTheJdk(String hash, int salt) throws Exception {
        JcaBackend b = backend();
        KeyElements key = key(b, "RSA");
        PSSParameterSpec spec = new PSSParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash), salt, 1);
        Signature signer = Signature.getInstance("RSASSA-PSS", new OpenSslSignatures());
        PrivateKey ours = OpenSslPrivateKey.of(key);
        signer.initSign(ours);
        signer.setParameter(spec);
        signer.update(MESSAGE);
        assertTrue(jdkVerifies("RSASSA-PSS", spec, key, signer.sign()));
        // a fresh init keeps the parameters and starts a fresh digest
        signer.update(MESSAGE);
        signer.initSign(ours);
        signer.update(MESSAGE);
        assertTrue(jdkVerifies("RSASSA-PSS", spec, key, signer.sign()));
    }

    @Test
    void pssWithOtherParametersIsRefused() throws Exception {
        JcaBackend b = backend();
        PrivateKey ours = OpenSslPrivateKey.of(key(b, "RSA"));
        PSSParameterSpec shortSalt = new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 20, 1);
        PSSParameterSpec otherMgfHash = new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA1, 32, 1);

        Signature initialised = Signature.getInstance("RSASSA-PSS", new OpenSslSignatures());
        initialised.initSign(ours);
        assertThrows(InvalidAlgorithmParameterException.class, () -> initialised.setParameter(shortSalt));
        assertThrows(InvalidAlgorithmParameterException.class, () -> initialised.setParameter(otherMgfHash));

        Signature preset = Signature.getInstance("RSASSA-PSS", new OpenSslSignatures());
        preset.setParameter(shortSalt);
        assertThrows(InvalidKeyException.class, () -> preset.initSign(ours));
    }

    @Test
    void parametersBeforeTheKeyLeaveJdkKeysToTheJdk() throws Exception {
        JcaBackend b = backend();
        KeyElements key = key(b, "RSA");
        Identity id = Identity.make(b, key);
        b.tls().create(TlsSettings.server(id.certificatePem(), id.keyPem()).build());
        PSSParameterSpec shortSalt = new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 20, 1);
        long before = OpenSslSignatureSpi.SIGNED.get();

        // parameters before the key make JCA take the first provider, ours: it serves the JDK key as SunRsaSign would
        Signature presetFirst = Signature.getInstance("RSASSA-PSS");
        presetFirst.setParameter(shortSalt);
        assertTrue(presetFirst.getProvider().getName().startsWith(PREFIX));
        // SunJSSE reads parameters back this way as it starts, and drops RSASSA-PSS for good if that fails
        assertEquals(20, presetFirst.getParameters().getParameterSpec(PSSParameterSpec.class).getSaltLength());
        presetFirst.initSign(JdkKeys.rsaPrivate(key));
        presetFirst.update(MESSAGE);
        byte[] signature = presetFirst.sign();
        Signature verifier = Signature.getInstance("RSASSA-PSS");
        verifier.setParameter(shortSalt);
        verifier.initVerify(JdkKeys.rsaPublic(key));
        verifier.update(MESSAGE);
        assertTrue(verifier.verify(signature));
        assertEquals(before, OpenSslSignatureSpi.SIGNED.get());
    }

    private static boolean jdkVerifies(String algorithm, PSSParameterSpec spec, KeyElements key, byte[] signature) throws Exception {
        boolean rsa = algorithm.contains("RSA");
        Signature v = Signature.getInstance(algorithm, rsa ? "SunRsaSign" : "SunEC");
        if (spec != null) {
            v.setParameter(spec);
        }
        v.initVerify(rsa ? JdkKeys.rsaPublic(key) : JdkKeys.ecPublic(key));
        v.update(MESSAGE);
        return v.verify(signature);
    }

    /** Runs a handshake between two engines in memory, delegated tasks inline. */
    private static void handshake(SSLEngine client, SSLEngine server) throws Exception {
        ByteBuffer toServer = ByteBuffer.allocate(1 << 17);
        ByteBuffer toClient = ByteBuffer.allocate(1 << 17);
        ByteBuffer app = ByteBuffer.allocate(1 << 17);
        ByteBuffer empty = ByteBuffer.allocate(0);
        client.beginHandshake();
        server.beginHandshake();
        for (int i = 0; i < 50; i++) {
            client.wrap(empty, toServer);
            runTasks(client);
            toServer.flip();
            server.unwrap(toServer, app);
            runTasks(server);
            toServer.compact();
            server.wrap(empty, toClient);
            runTasks(server);
            toClient.flip();
            client.unwrap(toClient, app);
            runTasks(client);
            toClient.compact();
            if (client.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING
                    && server.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING) {
                return;
            }
        }
        throw new AssertionError("handshake did not finish");
    }

    private static void runTasks(SSLEngine engine) {
        for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) {
            task.run();
        }
    }
}
