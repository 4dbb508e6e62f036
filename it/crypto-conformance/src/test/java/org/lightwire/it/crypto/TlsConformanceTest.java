package org.lightwire.it.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.BadParameterException;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.api.crypto.EcCurve;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.TlsContext;
import org.lightwire.api.crypto.TlsSettings;

/**
 * The TLS context factory: a server engine from one backend and a client engine from
 * another complete a handshake in memory (no sockets) and exchange data; ALPN is agreed;
 * a client that trusts another CA fails the handshake.
 */
class TlsConformanceTest {

    static Stream<Arguments> pairs() {
        return Backends.pairs();
    }

    static Stream<CryptoBackend> backends() {
        return Backends.each();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @ParameterizedTest(name = "server {0}, client {1}")
    @MethodSource("pairs")
    void handshakeAndDataAcrossBackends(CryptoBackend serverSide, CryptoBackend clientSide) throws Exception {
        X509ConformanceTest.Pki pki = X509ConformanceTest.Pki.make(serverSide, serverSide.ec().generate(EcCurve.P_256));
        String chain = serverSide.x509().pem("CERTIFICATE", X509ConformanceTest.der(pki.leaf()))
                + serverSide.x509().pem("CERTIFICATE", X509ConformanceTest.der(pki.ca()));
        String key = serverSide.x509().pem("PRIVATE KEY", serverSide.x509().encodePrivateKey(pki.leafKey()));
        TlsContext server = serverSide.tls().create(TlsSettings.server(ascii(chain), ascii(key))
                .applicationProtocols(List.of("h2", "http/1.1")).build());
        TlsContext client = clientSide.tls().create(TlsSettings.client()
                .trustAnchorsPem(ascii(serverSide.x509().pem("CERTIFICATE", X509ConformanceTest.der(pki.ca()))))
                .applicationProtocols(List.of("http/1.1")).build());
        SSLEngine s = server.serverEngine();
        SSLEngine c = client.clientEngine("localhost", 443);
        byte[] received = Loop.run(c, s, ascii("hello over TLS"));
        assertArrayEquals(ascii("hello over TLS"), received);
        assertEquals("http/1.1", c.getApplicationProtocol());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void clientTrustingAnotherCaFailsTheHandshake(CryptoBackend backend) {
        X509ConformanceTest.Pki pki = X509ConformanceTest.Pki.make(backend, backend.ec().generate(EcCurve.P_256));
        X509ConformanceTest.Pki other = X509ConformanceTest.Pki.make(backend, backend.ec().generate(EcCurve.P_256));
        TlsContext server = backend.tls().create(TlsSettings.server(
                ascii(backend.x509().pem("CERTIFICATE", X509ConformanceTest.der(pki.leaf()))),
                ascii(backend.x509().pem("PRIVATE KEY", backend.x509().encodePrivateKey(pki.leafKey())))).build());
        TlsContext client = backend.tls().create(TlsSettings.client()
                .trustAnchorsPem(ascii(backend.x509().pem("CERTIFICATE", X509ConformanceTest.der(other.ca())))).build());
        assertThrows(SSLException.class, () -> Loop.run(client.clientEngine("localhost", 443), server.serverEngine(), new byte[1]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void mismatchedKeyAndUnknownProtocolAreRefusedUpFront(CryptoBackend backend) {
        X509ConformanceTest.Pki pki = X509ConformanceTest.Pki.make(backend, backend.ec().generate(EcCurve.P_256));
        KeyElements stranger = backend.ec().generate(EcCurve.P_256);
        byte[] cert = ascii(backend.x509().pem("CERTIFICATE", X509ConformanceTest.der(pki.leaf())));
        byte[] wrongKey = ascii(backend.x509().pem("PRIVATE KEY", backend.x509().encodePrivateKey(stranger)));
        assertThrows(BadKeyException.class, () -> backend.tls().create(TlsSettings.server(cert, wrongKey).build()));
        byte[] key = ascii(backend.x509().pem("PRIVATE KEY", backend.x509().encodePrivateKey(pki.leafKey())));
        assertThrows(BadParameterException.class,
                () -> backend.tls().create(TlsSettings.server(cert, key).protocols(List.of("SSLv2")).build()));
    }

    /** Drives two engines against each other through memory until the data arrives. */
    static final class Loop {
        private Loop() {
        }

        static byte[] run(SSLEngine client, SSLEngine server, byte[] data) throws SSLException {
            client.beginHandshake();
            server.beginHandshake();
            int size = Math.max(client.getSession().getPacketBufferSize(), server.getSession().getPacketBufferSize());
            ByteBuffer toServer = ByteBuffer.allocate(size * 4);
            ByteBuffer toClient = ByteBuffer.allocate(size * 4);
            ByteBuffer clientApp = ByteBuffer.allocate(size * 2);
            ByteBuffer serverApp = ByteBuffer.allocate(size * 2);
            ByteBuffer out = ByteBuffer.wrap(data);
            for (int round = 0; round < 200; round++) {
                SSLEngineResult cr = client.wrap(client.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING
                        ? out : ByteBuffer.allocate(0), toServer);
                runTasks(client, cr);
                toServer.flip();
                runTasks(server, server.unwrap(toServer, serverApp));
                toServer.compact();
                runTasks(server, server.wrap(ByteBuffer.allocate(0), toClient));
                toClient.flip();
                runTasks(client, client.unwrap(toClient, clientApp));
                toClient.compact();
                if (serverApp.position() == data.length && !out.hasRemaining()) {
                    serverApp.flip();
                    byte[] got = new byte[serverApp.remaining()];
                    serverApp.get(got);
                    return got;
                }
            }
            throw new AssertionError("handshake did not finish in 200 rounds");
        }

        private static void runTasks(SSLEngine e, SSLEngineResult r) {
            if (r.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_TASK) {
                Runnable t;
                while ((t = e.getDelegatedTask()) != null) {
                    t.run();
                }
            }
        }
    }
}
