package org.lightwire.core.tls;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.lightwire.api.tls.TlsInfo;

/** The snapshot of a finished handshake that {@link org.lightwire.api.Connection#tls()} returns. */
public record TlsSessionInfo(String protocol, String cipherSuite, Optional<String> alpn, Optional<String> serverName,
        List<X509Certificate> peerCertificates) implements TlsInfo {

    /** Reads the session of {@code engine} after its handshake; {@code serverName} as sniffed or asked for. */
    public static TlsSessionInfo of(SSLEngine engine, String serverName) {
        SSLSession s = engine.getSession();
        String negotiated = engine.getApplicationProtocol();
        List<X509Certificate> peers = new ArrayList<>();
        try {
            for (Certificate c : s.getPeerCertificates()) {
                if (c instanceof X509Certificate x) {
                    peers.add(x);
                }
            }
        } catch (SSLPeerUnverifiedException e) {
            // the peer sent no certificate (a server not asking for client certificates)
        }
        return new TlsSessionInfo(s.getProtocol(), s.getCipherSuite(),
                negotiated == null || negotiated.isEmpty() ? Optional.empty() : Optional.of(negotiated),
                Optional.ofNullable(serverName), List.copyOf(peers));
    }
}
