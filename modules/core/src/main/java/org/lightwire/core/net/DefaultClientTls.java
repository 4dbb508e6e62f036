package org.lightwire.core.net;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import org.lightwire.api.ClientRequest.TlsClientOption;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.api.crypto.TlsContext;
import org.lightwire.core.tls.VhostTls;

/**
 * Client TLS for vhosts without TLS keys (lws: a vhost without {@code enable-client-ssl}
 * still makes https/wss connections with the library's default trust): contexts that
 * verify against the JDK trust store, one per crypto backend and set of relaxations.
 */
final class DefaultClientTls {

    // weak keys: a backend bundle that goes away takes its contexts with it
    private static final Map<CryptoBackend, Map<Set<TlsClientOption>, TlsContext>> CONTEXTS = new WeakHashMap<>();

    private DefaultClientTls() {
    }

    static SSLEngine engine(VhostImpl vhost, String host, int port, Set<TlsClientOption> options, List<String> alpn) {
        CryptoBackend backend = vhost.context().crypto();
        Set<TlsClientOption> key = options.isEmpty() ? Set.of() : EnumSet.copyOf(options);
        TlsContext ctx;
        synchronized (CONTEXTS) {
            ctx = CONTEXTS.computeIfAbsent(backend, b -> new java.util.HashMap<>())
                    .computeIfAbsent(key, k -> VhostTls.buildClient(vhost.name(), null, backend, k));
        }
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
}
