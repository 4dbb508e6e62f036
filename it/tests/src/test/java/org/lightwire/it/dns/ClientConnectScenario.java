package org.lightwire.it.dns;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.lightwire.api.ClientRequest;
import org.lightwire.api.Connection;
import org.lightwire.api.Context;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.Options;
import org.lightwire.api.Protocol;
import org.lightwire.api.ProtocolProvider;
import org.lightwire.api.Vhost;
import org.lightwire.api.VhostSettings;
import org.lightwire.api.raw.RawProtocol;
import org.lightwire.api.raw.RawSession;
import org.lightwire.core.CoreContextFactory;
import org.lightwire.core.registry.FixedRegistry;
import org.lightwire.config.ConfigLoader;
import org.lightwire.dns.internal.AsyncDnsResolverProvider;
import org.lightwire.role.raw.RawSocketRole;
import org.lightwire.spi.ResolverProvider;
import org.lightwire.spi.Role;

/**
 * Runs in its own JVM, started by {@link DnsClientConnectIT} with {@code jdk.net.hosts.file}
 * pointing at a hosts file, so the JDK resolver answers from that file and never sends a
 * packet. A core context with the raw roles and the async-dns resolver provider in its
 * registry, and the {@code async-dns-*} keys of a config file's global section, connects to
 * {@code NAME:PORT}; then the provider leaves the registry (as when its bundle is removed)
 * and the same connect is made again. dnsmasq and the hosts file give NAME different
 * loopback addresses, so the address the server sees tells which resolver answered. Prints
 * one line per connect: {@code connect N: LOCAL-ADDRESS} or {@code connect N: failed: WHY}.
 *
 * <p>Arguments: config file (lwsws JSON with the async-dns keys), name, port.
 */
public final class ClientConnectScenario {

    private static final String PROTOCOL = "dns-it-client";

    private ClientConnectScenario() {
    }

    public static void main(String[] args) throws Exception {
        Path configFile = Path.of(args[0]);
        ContextSettings config = ConfigLoader.parse(configFile.toString(), Files.readString(configFile),
                Path.of("/usr/share/lightwire"));
        String name = args[1];
        BlockingQueue<InetAddress> accepted = new LinkedBlockingQueue<>();
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(Integer.parseInt(args[2])));
            Thread acceptor = new Thread(() -> accept(server, accepted), "acceptor");
            acceptor.setDaemon(true);
            acceptor.start();

            ClientProvider provider = new ClientProvider();
            AsyncDnsResolverProvider resolvers = new AsyncDnsResolverProvider();
            FixedRegistry registry = new FixedRegistry().add(Role.class, new RawSocketRole())
                    .add(ProtocolProvider.class, provider).add(ResolverProvider.class, resolvers);
            try (Context context = new CoreContextFactory(registry).create(withResolverKeys(config, ContextSettings.builder()
                    .vhost(VhostSettings.builder("client").protocol(PROTOCOL, Options.EMPTY).build())))) {
                Vhost vhost = context.vhosts().get(0);
                connect(1, vhost, provider, name, server.getLocalPort(), accepted);
                // core closes the resolver it opened for this context when its provider leaves
                registry.remove(ResolverProvider.class, resolvers);
                connect(2, vhost, provider, name, server.getLocalPort(), accepted);
            }
        }
        System.out.flush();
        System.exit(0);
    }

    /** The config's resolver settings on a context that has the client vhost (built here, not from the config). */
    private static ContextSettings withResolverKeys(ContextSettings config, ContextSettings.Builder b) {
        config.asyncDnsNameserver().ifPresent(b::asyncDnsNameserver);
        return b.asyncDnsIpv6(config.asyncDnsIpv6()).asyncDnsTimeoutMs(config.asyncDnsTimeoutMs())
                .asyncDnsRetries(config.asyncDnsRetries()).asyncDnsCacheEntries(config.asyncDnsCacheEntries())
                .asyncDnsMaxTtlSecs(config.asyncDnsMaxTtlSecs()).asyncDnsMaxInFlight(config.asyncDnsMaxInFlight())
                .asyncDnsResolvConf(config.asyncDnsResolvConf()).build();
    }

    private static void connect(int n, Vhost vhost, ClientProvider provider, String name, int port,
            BlockingQueue<InetAddress> accepted) throws Exception {
        provider.next = new CompletableFuture<>();
        vhost.connect(ClientRequest.builder(name, port).role("raw-skt").protocol(PROTOCOL).build());
        try {
            provider.next.get(20, TimeUnit.SECONDS);
            InetAddress local = accepted.poll(5, TimeUnit.SECONDS);
            System.out.println("connect " + n + ": " + (local == null ? "no connection accepted" : local.getHostAddress()));
        } catch (java.util.concurrent.ExecutionException e) {
            System.out.println("connect " + n + ": failed: " + e.getCause().getMessage());
        }
    }

    /** The server side: the local address each connection arrived at (the address the client resolved). */
    private static void accept(ServerSocket server, BlockingQueue<InetAddress> accepted) {
        while (true) {
            try (Socket s = server.accept()) {
                accepted.add(s.getLocalAddress());
            } catch (IOException e) {
                return;
            }
        }
    }

    /** A client protocol that reports its connection's outcome. */
    static final class ClientProvider implements ProtocolProvider, RawProtocol {
        volatile CompletableFuture<Void> next = new CompletableFuture<>();

        @Override
        public String name() {
            return PROTOCOL;
        }

        @Override
        public Protocol create(Vhost vhost, Options options) {
            return this;
        }

        @Override
        public RawSession newSession(Connection connection) {
            return new RawSession() {
                @Override
                public void opened(Connection c) {
                    next.complete(null);
                    c.close();
                }

                @Override
                public void received(Connection c, ByteBuffer data) {
                    data.position(data.limit());
                }

                @Override
                public void connectFailed(Connection c, Throwable cause) {
                    next.completeExceptionally(cause);
                }
            };
        }
    }
}
