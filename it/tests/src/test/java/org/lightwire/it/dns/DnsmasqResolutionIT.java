package org.lightwire.it.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightwire.api.Context;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.ServiceLoop;
import org.lightwire.core.CoreContextFactory;
import org.lightwire.core.registry.FixedRegistry;
import org.lightwire.dns.AddressPreference;
import org.lightwire.dns.AsyncDns;
import org.lightwire.dns.DnsResult;
import org.lightwire.dns.DnsSettings;
import org.lightwire.dns.DnsStatus;

/**
 * Issue acceptance 1: the async resolver on a real service loop against a real dnsmasq —
 * A, AAAA, CNAME chains of 1–3 (in one response and re-asked) and 4 (refused), NXDOMAIN
 * and NODATA, TTL expiry, cache hits that send no packet.
 */
class DnsmasqResolutionIT {

    @TempDir
    Path tmp;

    private Dnsmasq dnsmasq;
    private Context context;
    private ServiceLoop loop;
    private AsyncDns dns;

    private void start(Dnsmasq.Mode mode) throws Exception {
        dnsmasq = Dnsmasq.start(tmp.resolve("dnsmasq"), mode);
        context = new CoreContextFactory(new FixedRegistry()).create(ContextSettings.builder().countThreads(1).build());
        loop = context.loops().get(0);
        dns = AsyncDns.create(DnsSettings.builder(dnsmasq.address()).timeoutMillis(1000).build());
    }

    @AfterEach
    void stop() throws Exception {
        if (dns != null) {
            dns.close();
        }
        if (context != null) {
            context.close();
        }
        if (dnsmasq != null) {
            dnsmasq.close();
        }
    }

    private DnsResult lookup(String name, AddressPreference preference) throws Exception {
        CompletableFuture<DnsResult> f = new CompletableFuture<>();
        dns.lookup(name, preference, loop, f::complete);
        return f.get(10, TimeUnit.SECONDS);
    }

    private static List<InetAddress> addresses(String... ips) throws Exception {
        InetAddress[] out = new InetAddress[ips.length];
        for (int i = 0; i < ips.length; i++) {
            out[i] = InetAddress.getByName(ips[i]);
        }
        return List.of(out);
    }

    @Test
    void aRecordsResolve() throws Exception {
        start(Dnsmasq.Mode.AUTHORITATIVE);
        DnsResult r = lookup("web.lw.test", AddressPreference.IPV4_ONLY);
        assertEquals(addresses("127.0.0.10"), r.addresses());
        assertEquals(Dnsmasq.TTL, r.ttlSeconds());
        assertFalse(r.fromCache());
        dnsmasq.awaitQueries(1);
    }

    @Test
    void aAndAaaaMergeIpv4FirstAndAaaaAloneWorks() throws Exception {
        start(Dnsmasq.Mode.AUTHORITATIVE);
        assertEquals(addresses("127.0.0.11", "::11"), lookup("v6.lw.test", AddressPreference.IPV4_FIRST).addresses());
        assertEquals(addresses("::12"), lookup("only6.lw.test", AddressPreference.IPV6_ONLY).addresses());
        assertEquals(addresses("::12"), lookup("only6.lw.test", AddressPreference.IPV4_FIRST).addresses(),
                "A is NODATA, AAAA answers");
        assertEquals(addresses("127.0.0.10"), lookup("web.lw.test", AddressPreference.IPV6_FIRST).addresses());
    }

    @Test
    void aNameWithoutTheFamilyAskedIsNoData() throws Exception {
        start(Dnsmasq.Mode.AUTHORITATIVE);
        DnsResult r = lookup("web.lw.test", AddressPreference.IPV6_ONLY);
        assertEquals(DnsStatus.NO_DATA, r.status());
        assertTrue(lookup("web.lw.test", AddressPreference.IPV6_ONLY).fromCache(), "NODATA with an SOA is cached");
        dnsmasq.awaitQueries(1);
    }

    @Test
    void cnameChainsUpToThreeAreFollowedByReaskingAndFourIsRefused() throws Exception {
        start(Dnsmasq.Mode.AUTHORITATIVE);
        for (String name : List.of("c1.lw.test", "c2.lw.test", "c3.lw.test")) {
            DnsResult r = lookup(name, AddressPreference.IPV4_ONLY);
            assertEquals(addresses("127.0.0.10"), r.addresses(), name);
            assertEquals("web.lw.test", r.canonicalName(), name);
        }
        // authoritative dnsmasq answers c1 with the whole chain, c2 and c3 with one CNAME each
        dnsmasq.awaitQueries(1 + 2 + 3);
        DnsResult four = lookup("c4.lw.test", AddressPreference.IPV4_ONLY);
        assertEquals(DnsStatus.CNAME_TOO_DEEP, four.status(), four.toString());
        assertFalse(lookup("c4.lw.test", AddressPreference.IPV4_ONLY).fromCache(), "a refusal is not cached");
    }

    @Test
    void cnameChainsInsideOneResponseAreFollowedWithoutReasking() throws Exception {
        start(Dnsmasq.Mode.RECURSIVE_LOCAL);
        DnsResult r = lookup("c3.lw.test", AddressPreference.IPV4_ONLY);
        assertEquals(addresses("127.0.0.10"), r.addresses());
        dnsmasq.awaitQueries(1);
        assertEquals(DnsStatus.CNAME_TOO_DEEP, lookup("c4.lw.test", AddressPreference.IPV4_ONLY).status());
        dnsmasq.awaitQueries(2);
    }

    @Test
    void nxdomainIsReportedAndCachedForTheSoaTime() throws Exception {
        start(Dnsmasq.Mode.AUTHORITATIVE);
        DnsResult r = lookup("nx.lw.test", AddressPreference.IPV4_FIRST);
        assertEquals(DnsStatus.NXDOMAIN, r.status());
        assertTrue(r.detail().contains("NXDOMAIN"), r.detail());
        DnsResult again = lookup("nx.lw.test", AddressPreference.IPV4_FIRST);
        assertEquals(DnsStatus.NXDOMAIN, again.status());
        assertTrue(again.fromCache());
        dnsmasq.awaitQueries(2);
    }

    @Test
    void cacheHitsSendNoPacketUntilTheTtlExpires() throws Exception {
        start(Dnsmasq.Mode.AUTHORITATIVE);
        lookup("web.lw.test", AddressPreference.IPV4_ONLY);
        long sent = dns.queriesSent();
        for (int i = 0; i < 100; i++) {
            assertTrue(lookup("web.lw.test", AddressPreference.IPV4_ONLY).fromCache());
        }
        assertEquals(sent, dns.queriesSent());
        dnsmasq.awaitQueries(1);

        Thread.sleep(Dnsmasq.TTL * 1000L + 200); // real time: let dnsmasq's TTL run out
        DnsResult expired = lookup("web.lw.test", AddressPreference.IPV4_ONLY);
        assertFalse(expired.fromCache(), "the " + Dnsmasq.TTL + " s TTL ran out");
        dnsmasq.awaitQueries(2);
    }

    @Test
    void concurrentLookupsOfOneNameShareOneQuery() throws Exception {
        start(Dnsmasq.Mode.AUTHORITATIVE);
        CompletableFuture<?>[] all = new CompletableFuture<?>[50];
        CountDownLatch issued = new CountDownLatch(1);
        loop.execute(() -> {
            for (int i = 0; i < all.length; i++) {
                CompletableFuture<DnsResult> f = new CompletableFuture<>();
                all[i] = f;
                dns.lookup("v6.lw.test", AddressPreference.IPV4_FIRST, loop, f::complete);
            }
            issued.countDown();
        });
        assertTrue(issued.await(5, TimeUnit.SECONDS));
        for (CompletableFuture<?> f : all) {
            assertEquals(DnsStatus.OK, ((DnsResult) f.get(10, TimeUnit.SECONDS)).status());
        }
        dnsmasq.awaitQueries(2);
    }
}
