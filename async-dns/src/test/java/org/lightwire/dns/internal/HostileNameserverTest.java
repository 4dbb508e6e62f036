package org.lightwire.dns.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lightwire.api.Context;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.RetryPolicy;
import org.lightwire.api.ServiceLoop;
import org.lightwire.core.CoreContextFactory;
import org.lightwire.core.registry.FixedRegistry;
import org.lightwire.dns.AddressPreference;
import org.lightwire.dns.AsyncDns;
import org.lightwire.dns.DnsResult;
import org.lightwire.dns.DnsSettings;
import org.lightwire.dns.DnsStatus;

/**
 * The resolver on a real service loop against a scripted nameserver on 127.0.0.1: correct
 * answers, piggybacking, caching and retries, and hostile answers — wrong id, wrong source
 * port, cut-off datagrams, compression loops, impossible counts, another question — each
 * ignored or failed cleanly within the timeout, never a hang or a crash.
 */
class HostileNameserverTest {

    private static final int TIMEOUT_MS = 200;

    private ScriptedNameserver ns;
    private Context context;
    private ServiceLoop loop;
    private AsyncDns dns;

    @BeforeEach
    void start() throws Exception {
        ns = new ScriptedNameserver();
        context = new CoreContextFactory(new FixedRegistry()).create(ContextSettings.builder().countThreads(1).build());
        loop = context.loops().get(0);
        dns = AsyncDns.create(DnsSettings.builder(ns.address()).timeoutMillis(TIMEOUT_MS)
                .retryPolicy(RetryPolicy.builder().retryMillis(50).concealCount(1).build()).build());
    }

    @AfterEach
    void stop() throws Exception {
        dns.close();
        context.close();
        ns.close();
    }

    private DnsResult lookup(String name, AddressPreference pref) throws Exception {
        CompletableFuture<DnsResult> f = new CompletableFuture<>();
        long start = System.nanoTime();
        dns.lookup(name, pref, loop, r -> {
            if (!loop.inLoop()) {
                f.completeExceptionally(new AssertionError("callback off the loop thread"));
            }
            f.complete(r);
        });
        DnsResult r = f.get(5, TimeUnit.SECONDS);
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(tookMs < dns.settings().worstCaseMillis() + 500, "took " + tookMs + " ms, bound "
                + dns.settings().worstCaseMillis());
        return r;
    }

    private DnsResult lookupA(String name) throws Exception {
        return lookup(name, AddressPreference.IPV4_ONLY);
    }

    /** Answers A with 192.0.2.1 and AAAA with 2001:db8::1, TTL 60. */
    private static void goodAnswer(byte[] q, ScriptedNameserver.Replies r) throws java.io.IOException {
        String name = Packets.qname(q);
        r.send(Packets.qtype(q) == RecordType.A ? Packets.answer(Packets.id(q), name, 1, Packets.a(name, 60, "192.0.2.1"))
                : Packets.answer(Packets.id(q), name, 28, Packets.aaaa(name, 60, "2001:db8::1")));
    }

    @Test
    void aAndAaaaAreMergedIpv4FirstUnlessAskedOtherwise() throws Exception {
        ns.script(HostileNameserverTest::goodAnswer);

        DnsResult both = lookup("web.test", AddressPreference.IPV4_FIRST);
        assertEquals(List.of(InetAddress.getByName("192.0.2.1"), InetAddress.getByName("2001:db8::1")), both.addresses());
        assertEquals(60, both.ttlSeconds());
        assertFalse(both.fromCache());

        DnsResult v6First = lookup("web.test", AddressPreference.IPV6_FIRST);
        assertEquals(List.of(InetAddress.getByName("2001:db8::1"), InetAddress.getByName("192.0.2.1")), v6First.addresses());
        assertTrue(v6First.fromCache());
        assertEquals(2, ns.queryCount(), "A then AAAA, once each");
        assertEquals(RecordType.A, Packets.qtype(ns.queries().get(0)), "A is asked first");
    }

    @Test
    void concurrentLookupsOfOneNamePiggybackOnOneQuery() throws Exception {
        ns.script((q, r) -> {
            Thread.sleep(50); // keep the query in flight while the others arrive
            goodAnswer(q, r);
        });
        List<CompletableFuture<DnsResult>> all = new ArrayList<>();
        loop.execute(() -> {
            for (int i = 0; i < 10; i++) {
                CompletableFuture<DnsResult> f = new CompletableFuture<>();
                all.add(f);
                dns.lookup("shared.test", AddressPreference.IPV4_ONLY, loop, f::complete);
            }
        });
        Thread.sleep(20); // let the shared query reach the scripted server before it answers
        for (CompletableFuture<DnsResult> f : List.copyOf(all)) {
            assertEquals(DnsStatus.OK, f.get(5, TimeUnit.SECONDS).status());
        }
        assertEquals(10, all.size());
        assertEquals(1, ns.queryCount());
        assertEquals(9, dns.piggybacked());
    }

    @Test
    void cachedAnswersNeedNoPacketUntilTheirTtlRunsOut() throws Exception {
        ns.script((q, r) -> r.send(Packets.answer(Packets.id(q), Packets.qname(q), 1,
                Packets.a(Packets.qname(q), 1, "192.0.2.1"))));
        assertFalse(lookupA("short.test").fromCache());
        DnsResult second = lookupA("SHORT.test.");
        assertTrue(second.fromCache(), "case and trailing dot do not matter");
        assertEquals(1, ns.queryCount());
        assertEquals(1, dns.cacheHits());

        Thread.sleep(1100); // real time: the answer's TTL is 1 s
        assertFalse(lookupA("short.test").fromCache(), "expired after its 1 s TTL");
        assertEquals(2, ns.queryCount());
    }

    @Test
    void negativeAnswersAreCachedOnlyWithAnSoa() throws Exception {
        ns.script((q, r) -> {
            String name = Packets.qname(q);
            List<Packets.Rr> auth = name.startsWith("soa") ? List.of(Packets.soa("test", 30, 30)) : List.of();
            r.send(Packets.response(Packets.id(q), name, 1, DnsResponse.NXDOMAIN, false, List.of(), auth));
        });
        DnsResult first = lookupA("soa-nx.test");
        assertEquals(DnsStatus.NXDOMAIN, first.status());
        assertEquals(30, first.ttlSeconds());
        assertTrue(lookupA("soa-nx.test").fromCache());
        assertEquals(1, ns.queryCount());

        lookupA("bare-nx.test");
        assertEquals(DnsStatus.NXDOMAIN, lookupA("bare-nx.test").status());
        assertEquals(3, ns.queryCount(), "RFC 2308 §5: without an SOA the negative answer is not cached");
    }

    @Test
    void aCnameTheResponseDoesNotResolveIsAskedForNext() throws Exception {
        ns.script((q, r) -> {
            String name = Packets.qname(q);
            r.send(name.equals("alias.test") ? Packets.answer(Packets.id(q), name, 1, Packets.cname(name, 30, "real.test"))
                    : Packets.answer(Packets.id(q), name, 1, Packets.a(name, 60, "192.0.2.9")));
        });
        DnsResult r = lookupA("alias.test");
        assertEquals(List.of(InetAddress.getByName("192.0.2.9")), r.addresses());
        assertEquals("real.test", r.canonicalName());
        assertEquals(30, r.ttlSeconds(), "the chain's smallest TTL");
        assertEquals(List.of("alias.test", "real.test"), ns.queries().stream().map(Packets::qname).toList());
        assertTrue(lookupA("alias.test").fromCache(), "cached under the name asked");
    }

    @Test
    void aReplyWithTheWrongIdIsIgnored() throws Exception {
        ns.script((q, r) -> {
            byte[] good = Packets.answer(Packets.id(q), Packets.qname(q), 1, Packets.a(Packets.qname(q), 60, "192.0.2.1"));
            byte[] forged = Packets.answer(Packets.id(q) ^ 0x5a5a, Packets.qname(q), 1,
                    Packets.a(Packets.qname(q), 60, "203.0.113.66"));
            r.send(forged);
            r.send(good);
        });
        assertEquals(List.of(InetAddress.getByName("192.0.2.1")), lookupA("idcheck.test").addresses());
        assertEquals(1, dns.ignoredResponses());
    }

    @Test
    void aReplyFromAnotherPortIsIgnoredAndTheLookupTimesOut() throws Exception {
        ns.script((q, r) -> r.sendFromOtherPort(Packets.answer(Packets.id(q), Packets.qname(q), 1,
                Packets.a(Packets.qname(q), 60, "203.0.113.66"))));
        DnsResult r = lookupA("spoofed.test");
        assertEquals(DnsStatus.TIMEOUT, r.status());
        assertTrue(r.detail().contains("after 2 tries"), r.detail());
        assertEquals(2, ns.queryCount(), "the first try and one retry");
        assertEquals(2, dns.ignoredResponses());
    }

    @Test
    void aReplyToAnotherQuestionIsIgnored() throws Exception {
        ns.script((q, r) -> {
            r.send(Packets.answer(Packets.id(q), "evil.test", 1, Packets.a("evil.test", 60, "203.0.113.66")));
            r.send(Packets.answer(Packets.id(q), Packets.qname(q), 28, Packets.aaaa(Packets.qname(q), 60, "2001:db8::66")));
            r.send(Packets.answer(Packets.id(q), Packets.qname(q), 1, Packets.a(Packets.qname(q), 60, "192.0.2.1")));
        });
        assertEquals(List.of(InetAddress.getByName("192.0.2.1")), lookupA("question.test").addresses());
        assertEquals(2, dns.ignoredResponses());
    }

    @Test
    void cutOffCompressionLoopAndOversizedCountRepliesAreIgnored() throws Exception {
        ns.script((q, r) -> {
            byte[] good = Packets.answer(Packets.id(q), Packets.qname(q), 1, Packets.a(Packets.qname(q), 60, "192.0.2.1"));
            r.send(java.util.Arrays.copyOf(good, good.length - 3));
            byte[] counts = good.clone();
            counts[6] = (byte) 0x7f;
            r.send(counts);
            byte[] loopName = good.clone();
            int answerName = 12 + Packets.name(Packets.qname(q)).length + 4;
            loopName[answerName] = (byte) 0xc0;
            loopName[answerName + 1] = (byte) answerName;
            r.send(loopName);
        });
        DnsResult r = lookupA("hostile.test");
        assertEquals(DnsStatus.TIMEOUT, r.status(), "nothing acceptable arrived");
        assertEquals(6, dns.ignoredResponses(), "three bad replies to each of two tries");
    }

    @Test
    void aTruncatedReplyIsRetriedOverTcp() throws Exception {
        ns.script((q, r) -> r.send(Packets.response(Packets.id(q), Packets.qname(q), 1, 0, true, List.of(), List.of())));
        ns.tcpScript(q -> Packets.answer(Packets.id(q), Packets.qname(q), 1, Packets.a(Packets.qname(q), 60, "192.0.2.44")));
        assertEquals(List.of(InetAddress.getByName("192.0.2.44")), lookupA("big.test").addresses());
        assertEquals(1, dns.tcpQueries());
    }

    @Test
    void aTcpServerThatHangsUpFailsTheLookupCleanly() throws Exception {
        ns.script((q, r) -> r.send(Packets.response(Packets.id(q), Packets.qname(q), 1, 0, true, List.of(), List.of())));
        ns.tcpScript(q -> null);
        DnsResult r = lookupA("hangup.test");
        assertEquals(DnsStatus.TIMEOUT, r.status());
        assertTrue(r.detail().contains("TCP"), r.detail());
    }

    @Test
    void aSilentServerIsRetriedThenTimesOut() throws Exception {
        DnsResult r = lookupA("silent.test");
        assertEquals(DnsStatus.TIMEOUT, r.status());
        assertEquals(2, ns.queryCount());
        assertNotEquals(Packets.id(ns.queries().get(0)), Packets.id(ns.queries().get(1)), "each try has a fresh id");
    }

    @Test
    void idsAndSourcePortsAreRandom() throws Exception {
        ns.script(HostileNameserverTest::goodAnswer);
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            lookupA("n" + i + ".test");
        }
        for (byte[] q : ns.queries()) {
            ids.add(Packets.id(q));
        }
        Set<Integer> ports = new HashSet<>(ns.sourcePorts());
        assertTrue(ids.size() >= 38, "ids: " + ids);
        assertTrue(ports.size() >= 38, "a new random port per burst: " + ports);
    }

    @Test
    void garbageFromTheNameserverNeverStopsTheResolver() throws Exception {
        Random random = new Random(42);
        ns.script((q, r) -> {
            for (int i = 0; i < 100; i++) {
                byte[] junk = new byte[random.nextInt(600)];
                random.nextBytes(junk);
                if (junk.length > 2 && i % 2 == 0) {
                    junk[0] = q[0]; // the right id, to reach the deeper checks
                    junk[1] = q[1];
                }
                r.send(junk);
            }
            goodAnswer(q, r);
        });
        assertEquals(DnsStatus.OK, lookupA("junk.test").status());
        assertTrue(dns.ignoredResponses() >= 100, String.valueOf(dns.ignoredResponses()));
    }

    @Test
    void invalidNamesLiteralsAndLocalhostNeedNoQuery() throws Exception {
        assertEquals(DnsStatus.INVALID_NAME, lookupA("bad name.test").status());
        assertEquals(List.of(InetAddress.getByName("192.0.2.5")), lookupA("192.0.2.5").addresses());
        assertEquals(List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1")),
                lookup("localhost", AddressPreference.IPV4_FIRST).addresses());
        assertEquals(0, ns.queryCount());
    }

    @Test
    void lookupsRunOnTheLoopWithoutAThreadOfTheirOwn() throws Exception {
        java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
        ns.script(HostileNameserverTest::goodAnswer);
        CompletableFuture<String> thread = new CompletableFuture<>();
        dns.lookup("own-thread.test", AddressPreference.IPV4_ONLY, loop,
                r -> thread.complete(Thread.currentThread().getName()));
        assertEquals(loopThreadName(), thread.get(5, TimeUnit.SECONDS), "the answer arrives on the asking loop");
        java.util.Set<Thread> after = new java.util.HashSet<>(Thread.getAllStackTraces().keySet());
        after.removeAll(before);
        assertTrue(after.stream().noneMatch(t -> t.getName().contains("dns")), "no resolver thread: " + after);
    }

    @Test
    void questionsPastTheInFlightWindowWaitTheirTurn() throws Exception {
        AsyncDns windowed = AsyncDns.create(dns.settings().toBuilder().maxInFlight(2).build());
        try {
            List<CompletableFuture<DnsResult>> all = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                CompletableFuture<DnsResult> f = new CompletableFuture<>();
                all.add(f);
                windowed.lookup("held" + i + ".test", AddressPreference.IPV4_ONLY, loop, f::complete);
            }
            Thread.sleep(TIMEOUT_MS / 2); // within the timeout nothing beyond the window may go out
            assertEquals(2, ns.queryCount(), "only the window is out at the silent server");
            for (CompletableFuture<DnsResult> f : all) {
                assertEquals(DnsStatus.TIMEOUT, f.get(10, TimeUnit.SECONDS).status());
            }
            assertEquals(10, ns.queryCount(), "every question got its two tries in the end");
        } finally {
            windowed.close();
        }
    }

    @Test
    void closingFailsLookupsInFlight() throws Exception {
        CompletableFuture<DnsResult> f = new CompletableFuture<>();
        dns.lookup("pending.test", AddressPreference.IPV4_ONLY, loop, f::complete);
        while (ns.queryCount() == 0) {
            Thread.sleep(5); // the scripted server counts queries on its own thread: poll it
        }
        dns.close();
        assertEquals(DnsStatus.IO_ERROR, f.get(2, TimeUnit.SECONDS).status());
        assertEquals(DnsStatus.IO_ERROR, lookupA("after.test").status());
    }

    private String loopThreadName() throws Exception {
        CompletableFuture<String> name = new CompletableFuture<>();
        loop.execute(() -> name.complete(Thread.currentThread().getName()));
        return name.get(5, TimeUnit.SECONDS);
    }
}
