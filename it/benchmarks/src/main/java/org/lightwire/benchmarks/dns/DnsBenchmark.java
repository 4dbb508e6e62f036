package org.lightwire.benchmarks.dns;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.lightwire.api.Context;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.ServiceLoop;
import org.lightwire.api.Timer;
import org.lightwire.core.CoreContextFactory;
import org.lightwire.core.registry.FixedRegistry;
import org.lightwire.dns.AddressPreference;
import org.lightwire.dns.AsyncDns;
import org.lightwire.dns.DnsSettings;

/**
 * Async DNS against the JDK resolver on a thread pool (core's fallback: 4 helper threads
 * calling {@code InetAddress.getAllByName}), both answering a service loop, both asking
 * the same real dnsmasq: N concurrent uncached lookups (A + AAAA each), then cached
 * lookups per second.
 *
 * <p>Measured per run: wall time from issuing the first lookup to the last callback; the
 * loop thread's CPU time (everything the resolver does on the loop); the loop's worst
 * stall, seen by a 1 ms heartbeat timer; for the JDK, the thread time its helpers spent
 * blocked in the lookup. The JDK resolver reads /etc/resolv.conf, so {@code run-dns.sh}
 * runs this in private network and mount namespaces where dnsmasq is 127.0.0.1:53.
 *
 * <p>Arguments: {@code --names N} (1000), {@code --cached N} (1000000), {@code --port P} (53).
 */
public final class DnsBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private DnsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int names = 1000;
        int cached = 1_000_000;
        int port = 53;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--names" -> names = Integer.parseInt(args[++i]);
                case "--cached" -> cached = Integer.parseInt(args[++i]);
                case "--port" -> port = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path dir = Files.createTempDirectory("lightwire-dns-bench");
        try (BenchDnsmasq dnsmasq = BenchDnsmasq.start(dir, port, names);
                Context context = new CoreContextFactory(new FixedRegistry())
                        .create(ContextSettings.builder().countThreads(1).build())) {
            ServiceLoop loop = context.loops().get(0);
            long loopThread = loopThreadId(loop);
            // room for every name, A and AAAA: the cached run must not evict
            AsyncDns dns = AsyncDns.create(DnsSettings.builder(new InetSocketAddress("127.0.0.1", port))
                    .cacheEntries(4 * (names + 50)).build());

            // warm both paths on names outside the measured sets
            runAsync(dns, loop, loopThread, "warm", 50);
            runJdk(loop, loopThread, "warm", 50);

            Result async = runAsync(dns, loop, loopThread, "a", names);
            Result jdk = runJdk(loop, loopThread, "j", names);
            int queries = dnsmasq.queries();

            double asyncCachedPerSec = cachedAsync(dns, loop, names, cached);
            double jdkCachedPerSec = cachedJdk(names, Math.min(cached, 200_000));
            dns.close();

            System.out.printf("%n%d concurrent uncached lookups (A+AAAA) against dnsmasq on 127.0.0.1:%d, one service loop%n",
                    names, port);
            System.out.printf("%-28s %10s %12s %12s %16s %8s%n", "resolver", "total ms", "loop CPU ms", "max stall ms",
                    "helper blocked ms", "failed");
            print("async-dns (on the loop)", async);
            print("JDK on 4 helper threads", jdk);
            System.out.printf("dnsmasq logged %d queries in all (warm-up included)%n", queries);
            System.out.printf("%ncached lookups/s: async-dns %.0f (on the loop, callback included); JDK InetAddress cache %.0f"
                    + " (one thread, no loop hand-off)%n", asyncCachedPerSec, jdkCachedPerSec);
            System.out.printf("RATIO dns.total.async/jdk %.2f%n", async.totalMs / jdk.totalMs);
            System.out.printf("RATIO dns.loopcpu.async/jdk %.2f%n", async.loopCpuMs / Math.max(0.001, jdk.loopCpuMs));
            System.out.printf("RATIO dns.cached.async/jdk %.2f%n", asyncCachedPerSec / jdkCachedPerSec);
        }
    }

    /** One measured run. */
    record Result(double totalMs, double loopCpuMs, double maxStallMs, double helperBlockedMs, int failed) {
    }

    private static void print(String label, Result r) {
        System.out.printf("%-28s %10.1f %12.1f %12.2f %16s %8d%n", label, r.totalMs, r.loopCpuMs, r.maxStallMs,
                r.helperBlockedMs < 0 ? "-" : String.format("%.1f", r.helperBlockedMs), r.failed);
    }

    private static String name(String prefix, int i) {
        return prefix + "-" + i + ".bench.test";
    }

    private static Result runAsync(AsyncDns dns, ServiceLoop loop, long loopThread, String prefix, int n) throws Exception {
        CountDownLatch done = new CountDownLatch(n);
        AtomicInteger failed = new AtomicInteger();
        Heartbeat hb = Heartbeat.start(loop);
        long cpu0 = THREADS.getThreadCpuTime(loopThread);
        long t0 = System.nanoTime();
        loop.execute(() -> {
            for (int i = 0; i < n; i++) {
                dns.lookup(name(prefix, i), AddressPreference.IPV4_FIRST, loop, r -> {
                    if (!r.isOk()) {
                        failed.incrementAndGet();
                    }
                    done.countDown();
                });
            }
        });
        if (!done.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("async lookups did not finish within 60 s");
        }
        long t1 = System.nanoTime();
        long cpu1 = THREADS.getThreadCpuTime(loopThread);
        return new Result((t1 - t0) / 1e6, (cpu1 - cpu0) / 1e6, hb.stop(), -1, failed.get());
    }

    private static Result runJdk(ServiceLoop loop, long loopThread, String prefix, int n) throws Exception {
        // the same shape as core's JdkResolver: 4 helper threads, results handed to the loop
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch done = new CountDownLatch(n);
        AtomicInteger failed = new AtomicInteger();
        AtomicLong blockedNanos = new AtomicLong();
        Heartbeat hb = Heartbeat.start(loop);
        long cpu0 = THREADS.getThreadCpuTime(loopThread);
        long t0 = System.nanoTime();
        loop.execute(() -> {
            for (int i = 0; i < n; i++) {
                String host = name(prefix, i);
                pool.execute(() -> {
                    long s = System.nanoTime();
                    boolean ok;
                    try {
                        ok = InetAddress.getAllByName(host).length > 0;
                    } catch (java.net.UnknownHostException e) {
                        ok = false;
                    }
                    blockedNanos.addAndGet(System.nanoTime() - s);
                    boolean result = ok;
                    loop.execute(() -> {
                        if (!result) {
                            failed.incrementAndGet();
                        }
                        done.countDown();
                    });
                });
            }
        });
        if (!done.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("JDK lookups did not finish within 120 s");
        }
        long t1 = System.nanoTime();
        long cpu1 = THREADS.getThreadCpuTime(loopThread);
        pool.shutdownNow();
        return new Result((t1 - t0) / 1e6, (cpu1 - cpu0) / 1e6, hb.stop(), blockedNanos.get() / 1e6, failed.get());
    }

    private static double cachedAsync(AsyncDns dns, ServiceLoop loop, int names, int lookups) throws Exception {
        String[] hosts = new String[names];
        for (int i = 0; i < names; i++) {
            hosts[i] = name("a", i);
        }
        double best = 0;
        for (int round = 0; round < 3; round++) {
            CountDownLatch done = new CountDownLatch(1);
            AtomicLong took = new AtomicLong();
            int[] hits = new int[1];
            loop.execute(() -> {
                long t0 = System.nanoTime();
                for (int i = 0; i < lookups; i++) {
                    dns.lookup(hosts[i % names], AddressPreference.IPV4_FIRST, loop, r -> hits[0] += r.fromCache() ? 1 : 0);
                }
                took.set(System.nanoTime() - t0);
                done.countDown();
            });
            done.await();
            if (hits[0] != lookups) {
                throw new IllegalStateException("only " + hits[0] + " of " + lookups + " came from the cache");
            }
            best = Math.max(best, lookups / (took.get() / 1e9));
        }
        return best;
    }

    private static double cachedJdk(int names, int lookups) throws Exception {
        String[] hosts = new String[names];
        for (int i = 0; i < names; i++) {
            hosts[i] = name("j", i);
        }
        double best = 0;
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < lookups; i++) {
                InetAddress.getAllByName(hosts[i % names]);
            }
            best = Math.max(best, lookups / ((System.nanoTime() - t0) / 1e9));
        }
        return best;
    }

    private static long loopThreadId(ServiceLoop loop) throws Exception {
        CountDownLatch latch = new CountDownLatch(1);
        long[] id = new long[1];
        loop.execute(() -> {
            id[0] = Thread.currentThread().getId();
            latch.countDown();
        });
        latch.await();
        return id[0];
    }

    /** A 1 ms timer on the loop that records how late it fires: the loop's worst stall. */
    static final class Heartbeat {
        private final ServiceLoop loop;
        private Timer timer;
        private long expected;
        private volatile long maxLateNanos;
        private volatile boolean stopped;

        private Heartbeat(ServiceLoop loop) {
            this.loop = loop;
        }

        static Heartbeat start(ServiceLoop loop) throws InterruptedException {
            Heartbeat hb = new Heartbeat(loop);
            CountDownLatch started = new CountDownLatch(1);
            loop.execute(() -> {
                hb.timer = loop.scheduler().newTimer(hb::beat);
                hb.expected = System.nanoTime() + 1_000_000;
                hb.timer.schedule(1000);
                started.countDown();
            });
            started.await();
            return hb;
        }

        private void beat() {
            long now = System.nanoTime();
            maxLateNanos = Math.max(maxLateNanos, now - expected);
            if (!stopped) {
                expected = now + 1_000_000;
                timer.schedule(1000);
            }
        }

        /** Stops and returns the worst lateness in ms. */
        double stop() throws InterruptedException {
            CountDownLatch stoppedLatch = new CountDownLatch(1);
            loop.execute(() -> {
                stopped = true;
                timer.cancel();
                stoppedLatch.countDown();
            });
            stoppedLatch.await();
            return maxLateNanos / 1e6;
        }
    }

    /** dnsmasq serving the benchmark names authoritatively (TTL 300) from a hosts file. */
    static final class BenchDnsmasq implements AutoCloseable {
        private final Process process;
        private final Path log;

        private BenchDnsmasq(Process process, Path log) {
            this.process = process;
            this.log = log;
        }

        static BenchDnsmasq start(Path dir, int port, int names) throws Exception {
            List<String> hosts = new ArrayList<>();
            for (String prefix : List.of("warm", "a", "j")) {
                for (int i = 0; i < Math.max(names, 50); i++) {
                    hosts.add("127.1." + (i / 250) + "." + (i % 250 + 1) + " " + name(prefix, i));
                }
            }
            Path hostsFile = Files.write(dir.resolve("hosts"), hosts);
            Path log = dir.resolve("dnsmasq.log");
            Process p = new ProcessBuilder("/usr/sbin/dnsmasq", "--keep-in-foreground", "--no-resolv", "--no-hosts",
                    "--port=" + port, "--listen-address=127.0.0.1", "--bind-interfaces",
                    "--pid-file=" + dir.resolve("pid"), "--log-queries", "--log-facility=" + log,
                    "--user=" + System.getProperty("user.name"), "--addn-hosts=" + hostsFile,
                    "--auth-server=ns.bench.test,127.0.0.1", "--auth-zone=bench.test", "--auth-ttl=300",
                    "--auth-soa=1,hostmaster.bench.test,60,60,60")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("dnsmasq.out").toFile()).start();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!(Files.exists(log) && Files.readString(log).contains("read " + hostsFile))) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("dnsmasq did not start: " + Files.readString(dir.resolve("dnsmasq.out")));
                }
                Thread.sleep(20); // polling dnsmasq's log: there is no event to wait on
            }
            return new BenchDnsmasq(p, log);
        }

        int queries() throws Exception {
            return (int) Files.readAllLines(log).stream().filter(l -> l.contains(" auth[") || l.contains(" query[")).count();
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
