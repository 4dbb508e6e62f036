package org.lightwire.core.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Random;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLProtocolException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lightwire.core.loop.BufferPool;

/**
 * {@link TlsTransport} between two JDK engines over an in-memory pipe whose writes are cut
 * short: handshake, bulk data, pending ciphertext, buffered records, renegotiation and
 * hostile records, and that buffers go back to the pool.
 */
class TlsTransportTest {

    private static TestCerts.Issued ca;
    private static TestCerts.Issued leaf;

    private final BufferPool pool = new BufferPool(BufferPool.TLS_RECORD_BUFFER);

    @BeforeAll
    static void certificates() throws Exception {
        ca = TestCerts.ca("test ca");
        leaf = TestCerts.leaf("a.test", ca);
    }

    private TlsTransport[] pair(MemoryPipe pipe, String... protocols) throws Exception {
        SSLEngine s = TestCerts.server(leaf).createSSLEngine();
        s.setUseClientMode(false);
        SSLEngine c = TestCerts.client(ca).createSSLEngine("a.test", 443);
        c.setUseClientMode(true);
        if (protocols.length > 0) {
            s.setEnabledProtocols(protocols);
            c.setEnabledProtocols(protocols);
        }
        return new TlsTransport[] {new TlsTransport(pipe.a, s, pool, null), new TlsTransport(pipe.b, c, pool, null)};
    }

    private static void handshake(TlsTransport server, TlsTransport client) throws IOException {
        for (int i = 0; i < 10_000; i++) {
            TlsTransport.Progress sp = server.handshake();
            TlsTransport.Progress cp = client.handshake();
            if (sp == TlsTransport.Progress.DONE && cp == TlsTransport.Progress.DONE) {
                return;
            }
        }
        throw new AssertionError("handshake did not finish");
    }

    /** Sends everything from {@code from} to {@code to}, reading into a {@code dstSize} buffer. */
    private static byte[] transfer(TlsTransport from, TlsTransport to, byte[] data, int dstSize) throws IOException {
        ByteBuffer src = ByteBuffer.wrap(data);
        ByteBuffer dst = ByteBuffer.allocateDirect(dstSize);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        for (int i = 0; i < 1_000_000 && got.size() < data.length; i++) {
            if (from.flush() && src.hasRemaining()) {
                from.write(src);
            }
            dst.clear();
            int n = to.read(dst);
            dst.flip();
            byte[] chunk = new byte[dst.remaining()];
            dst.get(chunk);
            got.writeBytes(chunk);
            assertTrue(n >= 0, "no end of stream in the middle");
        }
        return got.toByteArray();
    }

    @Test
    void bulkDataCrossesIntactThroughShortWritesAndSmallReads() throws Exception {
        MemoryPipe pipe = new MemoryPipe(700);
        TlsTransport[] t = pair(pipe);
        handshake(t[0], t[1]);
        byte[] data = new byte[1 << 20];
        new Random(42).nextBytes(data);

        assertArrayEquals(data, transfer(t[1], t[0], data, 1000));
        assertArrayEquals(data, transfer(t[0], t[1], data, 64 * 1024));
        assertTrue(pipe.b.partialWrites > 0, "the pipe cut writes short, so ciphertext was pending");
    }

    @Test
    void ciphertextTheSocketDidNotTakeIsPendingOutput() throws Exception {
        MemoryPipe pipe = new MemoryPipe(100);
        TlsTransport[] t = pair(pipe);
        handshake(t[0], t[1]);

        int taken = t[0].write(ByteBuffer.wrap(new byte[5000]));

        assertEquals(5000, taken, "one record takes the whole write");
        assertTrue(t[0].hasPendingOutput());
        while (!t[0].flush()) {
            // the pipe takes 100 bytes per call: keep flushing as OP_WRITE would
        }
        assertFalse(t[0].hasPendingOutput());
    }

    @Test
    void recordsReadAheadAreReportedAsBufferedInput() throws Exception {
        MemoryPipe pipe = new MemoryPipe(1 << 20);
        TlsTransport[] t = pair(pipe);
        handshake(t[0], t[1]);
        t[1].write(ByteBuffer.wrap("first".getBytes()));
        t[1].write(ByteBuffer.wrap("second".getBytes()));
        ByteBuffer one = ByteBuffer.allocate(3);

        assertEquals(3, t[0].read(one));
        assertTrue(t[0].hasBufferedInput(), "decrypted bytes left over");
        ByteBuffer rest = ByteBuffer.allocate(100);
        t[0].read(rest);
        assertFalse(t[0].hasBufferedInput());
        assertEquals("stsecond", new String(rest.array(), 0, rest.position()));
    }

    @Test
    void renegotiationOnTls12IsRefused() throws Exception {
        MemoryPipe pipe = new MemoryPipe(1 << 20);
        TlsTransport[] t = pair(pipe, "TLSv1.2");
        handshake(t[0], t[1]);
        t[1].engine().beginHandshake();
        t[1].handshake(); // sends the new ClientHello

        SSLProtocolException e = assertThrows(SSLProtocolException.class, () -> t[0].read(ByteBuffer.allocate(100)));
        assertEquals("TLS renegotiation refused", e.getMessage());
    }

    @Test
    void oversizedRecordIsRefusedEvenBeforeItsBodyArrives() throws Exception {
        MemoryPipe pipe = new MemoryPipe(1 << 20);
        TlsTransport[] t = pair(pipe);
        handshake(t[0], t[1]);
        pipe.a.inject(new byte[] {0x17, 0x03, 0x03, 0x50, 0x00, 1, 2, 3});

        t[0].read(ByteBuffer.allocate(0)); // nothing asked: nothing read
        assertThrows(SSLException.class, () -> t[0].read(ByteBuffer.allocate(100)));
    }

    @Test
    void forgedRecordAfterTheHandshakeFails() throws Exception {
        MemoryPipe pipe = new MemoryPipe(1 << 20);
        TlsTransport[] t = pair(pipe);
        handshake(t[0], t[1]);
        byte[] forged = new byte[5 + 40];
        forged[0] = 0x17;
        forged[1] = 0x03;
        forged[2] = 0x03;
        forged[4] = 40;

        pipe.a.inject(forged);

        assertThrows(SSLException.class, () -> t[0].read(ByteBuffer.allocate(100)));
    }

    @Test
    void garbageInsteadOfAHandshakeFails() throws Exception {
        MemoryPipe pipe = new MemoryPipe(1 << 20);
        TlsTransport[] t = pair(pipe);
        pipe.a.inject("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());

        assertThrows(SSLException.class, () -> t[0].handshake());
    }

    @Test
    void closeNotifyEndsTheStreamAndBuffersGoBackToThePool() throws Exception {
        MemoryPipe pipe = new MemoryPipe(1 << 20);
        TlsTransport[] t = pair(pipe);
        handshake(t[0], t[1]);
        assertArrayEquals("hello".getBytes(), transfer(t[1], t[0], "hello".getBytes(), 100));
        assertEquals(pool.allocated(), pool.idleCount(), "idle connections hold no buffer");

        t[1].close();

        assertEquals(-1, t[0].read(ByteBuffer.allocate(100)));
        t[0].close();
        assertEquals(pool.allocated(), pool.idleCount());
    }

    @Test
    void tls13CloseNotifyIsAHalfCloseTheOtherDirectionKeepsWorking() throws Exception {
        MemoryPipe pipe = new MemoryPipe(1 << 20);
        TlsTransport[] t = pair(pipe, "TLSv1.3");
        handshake(t[0], t[1]);
        t[1].engine().closeOutbound(); // the client is done sending, as SSLSocket.shutdownOutput does
        t[1].handshake();

        assertEquals(-1, t[0].read(ByteBuffer.allocate(100)));
        assertArrayEquals("the rest of the answer".getBytes(),
                transfer(t[0], t[1], "the rest of the answer".getBytes(), 100));
    }

    @Test
    void closeNotifyArrivingWithTheLastDataIsReportedWithoutMoreReadiness() throws Exception {
        MemoryPipe pipe = new MemoryPipe(1 << 20);
        TlsTransport[] t = pair(pipe);
        handshake(t[0], t[1]);
        t[1].write(ByteBuffer.wrap("last words".getBytes()));
        t[1].engine().closeOutbound();
        t[1].handshake(); // close_notify right behind the data, TCP left open

        ByteBuffer dst = ByteBuffer.allocate(100);
        assertEquals(10, t[0].read(dst));
        assertTrue(t[0].hasBufferedInput(), "the end is still to be reported");
        assertEquals(-1, t[0].read(ByteBuffer.allocate(100)));
        assertFalse(t[0].hasBufferedInput());
    }

    @Test
    void peerVanishingMidHandshakeIsAnError() throws Exception {
        MemoryPipe pipe = new MemoryPipe(1 << 20);
        TlsTransport[] t = pair(pipe);
        t[1].handshake(); // ClientHello out
        pipe.b.close();   // the client goes away

        assertThrows(IOException.class, () -> {
            for (int i = 0; i < 10; i++) {
                t[0].handshake();
            }
        });
    }
}
