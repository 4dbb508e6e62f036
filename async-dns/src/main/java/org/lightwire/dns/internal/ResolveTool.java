package org.lightwire.dns.internal;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.spi.ToolProvider;
import org.lightwire.api.Context;
import org.lightwire.api.ContextFactory;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.LightwireException;
import org.lightwire.api.ServiceLoop;
import org.lightwire.dns.AddressPreference;
import org.lightwire.dns.AsyncDns;
import org.lightwire.dns.DnsConfigException;
import org.lightwire.dns.DnsResult;
import org.lightwire.dns.DnsSettings;

/**
 * {@code lightwire resolve} (lws' api-test-async-dns as a command): resolves names on the
 * loop of a bare one-loop context and prints the addresses, TTL and whether the cache
 * answered. Published as the {@code lightwire-resolve} {@link ToolProvider} so the launcher
 * can run it from a module layer without naming this module's classes.
 */
public final class ResolveTool implements ToolProvider {

    public static final String NAME = "lightwire-resolve";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int run(PrintWriter out, PrintWriter err, String... args) {
        try {
            return runChecked(out, err, args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int runChecked(PrintWriter out, PrintWriter err, String... args) {
        ResolveOptions options;
        try {
            options = ResolveOptions.parse(args);
        } catch (ResolveOptions.UsageError e) {
            err.println("lightwire: resolve: " + e.getMessage() + " (see lightwire resolve --help)");
            return 2;
        }
        if (options.help()) {
            out.print(ResolveOptions.USAGE);
            return 0;
        }
        DnsSettings settings;
        try {
            // the resolver's defaults are the context's: build settings as a config would
            ContextSettings.Builder context = ContextSettings.builder();
            options.timeoutMillis().ifPresent(context::asyncDnsTimeoutMs);
            options.retries().ifPresent(context::asyncDnsRetries);
            options.resolvConf().ifPresent(context::asyncDnsResolvConf);
            DnsSettings.Builder b = DnsSettings.fromContext(context.build()).toBuilder();
            options.nameserver().ifPresent(b::nameserver);
            settings = b.build();
        } catch (DnsConfigException | IllegalArgumentException e) {
            err.println("lightwire: resolve: " + e.getMessage());
            return 1;
        }
        Optional<ContextFactory> factory = contextFactory();
        if (factory.isEmpty()) {
            err.println("lightwire: resolve: no ContextFactory beside the async-dns module: is the core jar installed?");
            return 1;
        }
        AddressPreference preference = options.preference().orElse(settings.defaultPreference());
        boolean allResolved = true;
        try (Context context = factory.get().create(ContextSettings.builder().countThreads(1).build());
                AsyncDns dns = AsyncDns.create(settings)) {
            ServiceLoop loop = context.loops().get(0);
            for (int round = 0; round < options.repeat(); round++) {
                for (String name : options.names()) {
                    allResolved &= resolveOne(dns, loop, name, preference, out, err);
                }
            }
        } catch (LightwireException e) {
            err.println("lightwire: resolve: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        return allResolved ? 0 : 1;
    }

    private static boolean resolveOne(AsyncDns dns, ServiceLoop loop, String name, AddressPreference preference,
            PrintWriter out, PrintWriter err) throws InterruptedException {
        long queriesBefore = dns.queriesSent();
        CompletableFuture<DnsResult> done = new CompletableFuture<>();
        dns.lookup(name, preference, loop, done::complete);
        DnsResult r;
        long limit = dns.settings().worstCaseMillis() + 5_000;
        try {
            r = done.get(limit, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // the resolver bounds every lookup; reaching this means the loop itself is stuck
            err.println("lightwire: resolve: " + name + ": no result within " + limit + " ms");
            return false;
        } catch (ExecutionException e) {
            err.println("lightwire: resolve: " + name + ": " + e.getCause());
            return false;
        }
        if (!r.isOk()) {
            err.println("lightwire: resolve: " + name + ": " + r.status() + ": " + r.detail());
            out.flush();
            return false;
        }
        String source = r.fromCache() ? "cache" : dns.queriesSent() == queriesBefore ? "local" : "nameserver";
        for (InetAddress a : r.addresses()) {
            out.println(name + " " + text(a) + " ttl=" + r.ttlSeconds() + " source=" + source);
        }
        out.flush();
        return true;
    }

    /** IPv4 dotted, IPv6 in the RFC 5952 short form (longest run of zero groups as "::"). */
    static String text(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 4) {
            return address.getHostAddress();
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(i, j);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }

    /** Core, found beside this module: in its module layer, else on its class loader. */
    private Optional<ContextFactory> contextFactory() {
        ModuleLayer layer = getClass().getModule().getLayer();
        ServiceLoader<ContextFactory> loader = layer != null ? ServiceLoader.load(layer, ContextFactory.class)
                : ServiceLoader.load(ContextFactory.class, getClass().getClassLoader());
        return loader.findFirst();
    }
}
