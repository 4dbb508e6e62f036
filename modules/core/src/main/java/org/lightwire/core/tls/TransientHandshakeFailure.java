package org.lightwire.core.tls;

import java.io.IOException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;

/**
 * Tells a client TLS handshake failure that may pass on a new connection from one that
 * cannot: the peer closing or resetting the socket mid-handshake, or the handshake timing
 * out, are plain I/O failures; anything TLS itself decided (an alert sent or received, a
 * certificate, trust or host name check, no common protocol or cipher, a malformed or
 * refused record) is an {@link SSLException} or carries a {@link CertificateException},
 * and would fail the same way again.
 */
public final class TransientHandshakeFailure {

    private static final int MAX_CHAIN = 32;

    private TransientHandshakeFailure() {
    }

    /** True if retrying the handshake on a fresh connection and engine may succeed. */
    public static boolean test(Throwable cause) {
        if (!(cause instanceof IOException)) {
            return false; // an engine or configuration error, not the network's
        }
        int depth = 0;
        // bounded: a cause chain may loop back on itself
        for (Throwable t = cause; t != null && depth < MAX_CHAIN; t = t.getCause(), depth++) {
            if (t instanceof SSLException || t instanceof CertificateException) {
                return false;
            }
        }
        return true;
    }
}
