package org.lightwire.core.tls;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLProtocolException;
import org.junit.jupiter.api.Test;

/** Which client handshake failures are worth another connection. */
class TransientHandshakeFailureTest {

    @Test
    void theNetworkFailingMayPass() {
        assertTrue(TransientHandshakeFailure.test(new EOFException("peer closed the connection during the TLS handshake")));
        assertTrue(TransientHandshakeFailure.test(new SocketException("Connection reset")));
        assertTrue(TransientHandshakeFailure.test(new SocketTimeoutException("TLS handshake not complete")));
    }

    @Test
    void whatTlsDecidedCannotPass() {
        assertFalse(TransientHandshakeFailure.test(new SSLHandshakeException("Received fatal alert: handshake_failure")));
        assertFalse(TransientHandshakeFailure.test(new SSLHandshakeException("Received fatal alert: unknown_ca")));
        assertFalse(TransientHandshakeFailure.test(new SSLProtocolException("TLS renegotiation refused")));
        assertFalse(TransientHandshakeFailure.test(new IOException("wrapped", new CertificateException("No subject alternative names"))));
        assertFalse(TransientHandshakeFailure.test(new IllegalStateException("engine misconfigured")));
    }
}
