package org.lightwire.role.h1.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.HttpLimits;
import org.lightwire.api.ProtocolProvider;
import org.lightwire.api.VhostSettings;
import org.lightwire.core.embedded.EmbeddedConnection;
import org.lightwire.role.h1.H1Role;

/** Builds in-memory h1 server connections for the tests. */
final class H1Server {

    /** Small limits so every limit is cheap to exceed. */
    static final HttpLimits LIMITS = HttpLimits.builder().maxRequestLine(256).maxHeaderBytes(1024).maxHeaderCount(20).maxBodyBytes(4096).build();

    private H1Server() {
    }

    /** Context settings with the test limits, a 5 s timeout-secs, and these vhosts. */
    static ContextSettings.Builder settings(VhostSettings... vhosts) {
        ContextSettings.Builder b = ContextSettings.builder().httpLimits(LIMITS).timeoutSecs(5).serverString("lw-test");
        for (VhostSettings v : vhosts) {
            b.vhost(v);
        }
        return b;
    }

    static EmbeddedConnection connect(ContextSettings settings, ProtocolProvider... providers) {
        return EmbeddedConnection.accepting(new H1Role(), settings, providers).build();
    }

    /** A plain vhost "localhost" with no mounts, not listening. */
    static VhostSettings.Builder vhost(String name) {
        return VhostSettings.builder(name);
    }

    /** A TCP port free on loopback now (for vhosts that must share a listen socket). */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
