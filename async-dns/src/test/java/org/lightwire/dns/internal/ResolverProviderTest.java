package org.lightwire.dns.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lightwire.api.Context;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.ServiceLoop;
import org.lightwire.core.CoreContextFactory;
import org.lightwire.core.registry.FixedRegistry;
import org.lightwire.dns.DnsSettings;
import org.lightwire.spi.Resolver;

/**
 * The registered {@link AsyncDnsResolverProvider}: each context's {@code async-dns-*}
 * settings reach the engine of the resolver opened for it, two contexts with different
 * settings get independent resolvers, and nothing is read from system properties.
 */
class ResolverProviderTest {

    private ScriptedNameserver ns;
    private Context context;
    private ServiceLoop loop;

    @BeforeEach
    void start() throws Exception {
        ns = new ScriptedNameserver();
        context = new CoreContextFactory(new FixedRegistry()).create(ContextSettings.builder().countThreads(1).build());
        loop = context.loops().get(0);
    }

    @AfterEach
    void stop() throws Exception {
        context.close();
        ns.close();
    }

    private String nameserver() {
        return "127.0.0.1:" + ns.address().getPort();
    }

    private static DnsSettings engineSettings(Resolver r) {
        return assertInstanceOf(AsyncDnsResolver.class, r).asyncDns().settings();
    }

    private Throwable failure(Resolver r, String host) throws Exception {
        CompletableFuture<Throwable> f = new CompletableFuture<>();
        r.resolve(host, loop, (List<InetAddress> addrs, Throwable t) -> {
            assertNull(addrs);
            f.complete(t);
        });
        return f.get(10, TimeUnit.SECONDS);
    }

    @Test
    void everyContextKeyReachesTheEngine() {
        ContextSettings settings = ContextSettings.builder().asyncDnsNameserver(nameserver()).asyncDnsIpv6(false)
                .asyncDnsTimeoutMs(150).asyncDnsRetries(3).asyncDnsCacheEntries(7).asyncDnsMaxTtlSecs(42)
                .asyncDnsMaxInFlight(5).build();
        try (Resolver r = new AsyncDnsResolverProvider().open(settings)) {
            DnsSettings s = engineSettings(r);
            assertEquals(ns.address().getPort(), s.nameserver().getPort());
            assertFalse(s.ipv6());
            assertEquals(150, s.timeoutMillis());
            assertEquals(3, s.retryPolicy().concealCount());
            assertEquals(7, s.cacheEntries());
            assertEquals(42, s.maxTtlSeconds());
            assertEquals(5, s.maxInFlight());
        }
    }

    @Test
    void twoContextsGetIndependentResolversWithTheirOwnRetries() throws Exception {
        // the scripted nameserver never answers: every try of a lookup reaches it, then it times out
        AsyncDnsResolverProvider provider = new AsyncDnsResolverProvider();
        ContextSettings.Builder common = ContextSettings.builder().asyncDnsNameserver(nameserver()).asyncDnsIpv6(false)
                .asyncDnsTimeoutMs(100);
        try (Resolver once = provider.open(common.asyncDnsRetries(0).build());
                Resolver thrice = provider.open(common.asyncDnsRetries(2).build())) {
            assertNotSame(engineSettings(once), engineSettings(thrice));

            Throwable t = failure(once, "silent.test");
            assertInstanceOf(UnknownHostException.class, t);
            assertTrue(t.getMessage().startsWith("silent.test: "), t.getMessage());
            assertEquals(1, ns.queryCount(), "retries 0: one try");

            assertInstanceOf(UnknownHostException.class, failure(thrice, "quiet.test"));
            assertEquals(1 + 3, ns.queryCount(), "retries 2: three tries");
        }
    }
}
