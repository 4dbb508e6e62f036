package org.lightwire.core.net;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.lightwire.api.ContextSettings;
import org.lightwire.spi.Registry;
import org.lightwire.spi.Resolver;
import org.lightwire.spi.ResolverProvider;

/**
 * Which {@link Resolver} one context's client connections resolve through — lws uses its
 * async DNS, configured from the context's creation info, when built with it, else
 * getaddrinfo. In order: a resolver opened from the highest-ranked {@link ResolverProvider}
 * with this context's settings (opened on first use, so a context that never connects out
 * costs nothing); else the highest-ranked plain {@link Resolver} service; else the JDK
 * resolver on helper threads.
 *
 * <p>Each opened resolver belongs to this context: it is closed when its provider leaves
 * the registry or the context closes. A provider whose {@code open} fails is logged once,
 * naming the provider and the failure, and skipped for the life of the context.
 *
 * <p>Thread-safe: loops call {@link #current()}, the registry reports from its own threads.
 */
public final class ResolverSelection implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("org.lightwire.core");

    private final ContextSettings settings;
    private final Registry registry;
    private final JdkResolver fallback = new JdkResolver();
    /** Opened resolvers by provider; a provider that failed to open maps to {@link #fallback}. */
    private final Map<ResolverProvider, Resolver> opened = new ConcurrentHashMap<>();
    private final AutoCloseable watch;
    private volatile boolean closed;

    private ResolverSelection(ContextSettings settings, Registry registry) {
        this.settings = settings;
        this.registry = registry;
        this.watch = registry.watch(ResolverProvider.class, new Registry.Watcher<>() {
            @Override
            public void added(ResolverProvider provider) {
                // opened on first use
            }

            @Override
            public void removed(ResolverProvider provider) {
                release(opened.remove(provider));
            }
        });
    }

    /** Starts following the resolvers in {@code registry} for a context with {@code settings}. */
    public static ResolverSelection follow(ContextSettings settings, Registry registry) {
        return new ResolverSelection(settings, registry);
    }

    /** The resolver for a lookup starting now. */
    public Resolver current() {
        List<ResolverProvider> providers = registry.services(ResolverProvider.class);
        for (ResolverProvider p : providers) {
            Resolver r = opened.computeIfAbsent(p, this::open);
            if (r != fallback) {
                if (closed) {
                    // a lookup racing the context's close: do not keep what nobody will close
                    release(opened.remove(p));
                    break;
                }
                return r;
            }
        }
        List<Resolver> plain = registry.services(Resolver.class);
        return plain.isEmpty() ? fallback : plain.get(0);
    }

    private Resolver open(ResolverProvider provider) {
        try {
            Resolver r = provider.open(settings);
            if (r == null) {
                throw new IllegalStateException("open returned null");
            }
            return r;
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "resolver provider " + provider.getClass().getName()
                    + " cannot serve this context, using the next resolver: " + e.getMessage(), e);
            return fallback;
        }
    }

    private void release(Resolver r) {
        if (r == null || r == fallback) {
            return;
        }
        try {
            r.close();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "closing resolver " + r.getClass().getName() + ": " + e);
        }
    }

    /** Stops following the registry and closes every resolver opened for this context. */
    @Override
    public void close() {
        closed = true;
        try {
            watch.close();
        } catch (Exception e) {
            LOG.log(Level.DEBUG, "closing resolver watch: " + e);
        }
        for (ResolverProvider p : new ArrayList<>(opened.keySet())) {
            release(opened.remove(p));
        }
        fallback.close();
    }
}
