package org.lightwire.api.tls;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * The negotiated TLS session of one connection, once its handshake is done (lws
 * {@code lws_tls_peer_cert_info}, {@code lws_get_alpn}). Immutable snapshot.
 */
public interface TlsInfo {

    /** The protocol version, e.g. "TLSv1.3". */
    String protocol();

    /** The cipher suite, e.g. "TLS_AES_128_GCM_SHA256". */
    String cipherSuite();

    /** The ALPN protocol id both sides agreed on; empty if none was negotiated. */
    Optional<String> alpn();

    /** The SNI name the client sent (server side) or asked for (client side); empty if none. */
    Optional<String> serverName();

    /**
     * The peer's certificate chain, leaf first, as verified; empty when the peer sent none
     * (a server that does not ask for client certificates).
     */
    List<X509Certificate> peerCertificates();
}
