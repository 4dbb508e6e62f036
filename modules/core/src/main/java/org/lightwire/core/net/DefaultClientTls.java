package org.lightwire.core.net;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import org.lightwire.api.ClientRequest.TlsClientOption;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.api.crypto.TlsContext;
import org.lightwire.core.tls.VhostTls;

/**
 * Client TLS for vhosts without TLS keys (lws: a vhost without {@code enable-client-ssl}
 * still makes https/wss connections with the library's default trust): contexts that
 * verify against the JDK trust store, one per set of relaxations, built with the context's
 * current crypto backend. One instance per context ({@link Network}); a backend swap
 * drops every context built with the previous backend.
 */
final class DefaultClientTls {

    /** The contexts of one backend; replaced as a whole when the backend changes. */
    private record Built(CryptoBackend backend, Map<Set<TlsClientOption>, TlsContext> contexts) {
    }

    private volatile Built built;

    /** An engine for an outgoing connection from {@code vhost}, from its context's own contexts. */
    static SSLEngine engine(VhostImpl vhost, String host, int port, Set<TlsClientOption> options, List<String> alpn) {
        return vhost.network().defaultClientTls().engineFor(vhost, host, port, options, alpn);
    }

    SSLEngine engineFor(VhostImpl vhost, String host, int port, Set<TlsClientOption> options, List<String> alpn) {
        CryptoBackend backend = vhost.context().crypto();
        Set<TlsClientOption> key = options.isEmpty() ? Set.of() : EnumSet.copyOf(options);
        TlsContext ctx = contextsFor(backend).computeIfAbsent(key, k -> VhostTls.buildClient(vhost.name(), null, backend, k));
        SSLEngine e = ctx.clientEngine(host, port);
        SSLParameters p = e.getSSLParameters();
        if (options.contains(TlsClientOption.SKIP_HOSTNAME_CHECK)) {
            p.setEndpointIdentificationAlgorithm(""); // null would mean "unchanged" to JSSE
        }
        if (!alpn.isEmpty()) {
            p.setApplicationProtocols(alpn.toArray(new String[0]));
        }
        e.setSSLParameters(p);
        return e;
    }

    /** The contexts built with {@code backend}; a different backend than last time starts afresh. */
    Map<Set<TlsClientOption>, TlsContext> contextsFor(CryptoBackend backend) {
        Built b = built;
        if (b != null && b.backend() == backend) {
            return b.contexts();
        }
        synchronized (this) {
            b = built;
            if (b == null || b.backend() != backend) {
                // a backend swap (or the first use): new connections follow the current backend
                b = new Built(backend, new ConcurrentHashMap<>());
                built = b;
            }
            return b.contexts();
        }
    }
}
