package org.lightwire.role.h1.client;

import java.util.Map;
import org.lightwire.api.ClientRequest;
import org.lightwire.api.Connection;
import org.lightwire.api.Context;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.HttpLimits;
import org.lightwire.api.Options;
import org.lightwire.api.ProtocolProvider;
import org.lightwire.api.Vhost;
import org.lightwire.api.VhostSettings;
import org.lightwire.core.CoreContextFactory;
import org.lightwire.core.registry.FixedRegistry;
import org.lightwire.spi.Role;
import org.lightwire.spi.RoleBinding;
import org.lightwire.spi.RoleHandler;

/** A real context (core, real loops and sockets) whose "h1" role serves client connections with {@link H1ClientHandler}. */
final class ClientFixture implements AutoCloseable {

    /** Only the client half of the h1 role, so these tests depend on nothing else of the module. */
    static final Role CLIENT_ONLY_H1 = new Role() {
        @Override
        public String name() {
            return "h1";
        }

        @Override
        public RoleHandler bind(RoleBinding binding) {
            return new H1ClientHandler(binding);
        }
    };

    final Context context;
    final Vhost vhost;

    ClientFixture() {
        this(5, HttpLimits.DEFAULTS, 1);
    }

    ClientFixture(int timeoutSecs, HttpLimits limits, int threads) {
        FixedRegistry registry = new FixedRegistry().add(Role.class, CLIENT_ONLY_H1)
                .add(ProtocolProvider.class, new ProbeHttpClient());
        context = new CoreContextFactory(registry).create(ContextSettings.builder().timeoutSecs(timeoutSecs)
                .countThreads(threads).httpLimits(limits)
                .vhost(VhostSettings.builder("client").protocol(ProbeHttpClient.NAME, Options.EMPTY).build()).build());
        vhost = context.vhosts().get(0);
    }

    static ClientRequest.Builder request(int port, String method, String path, Transcript t) {
        return ClientRequest.builder("127.0.0.1", port).role("h1").protocol(ProbeHttpClient.NAME).method(method)
                .path(path).userData(t);
    }

    /** A request through {@link H1Client} with no proxy environment. */
    Connection connect(ClientRequest request) {
        return H1Client.connect(vhost, request, Map.of());
    }

    /** A GET through {@link H1Client}, waited for until it ends. */
    Transcript get(int port, String path) throws InterruptedException {
        Transcript t = new Transcript();
        connect(request(port, "GET", path, t).build());
        return t.awaitEnd();
    }

    @Override
    public void close() {
        context.close();
    }
}
