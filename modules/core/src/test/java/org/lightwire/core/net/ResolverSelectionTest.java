package org.lightwire.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.ServiceLoop;
import org.lightwire.core.probe.CountingResolver;
import org.lightwire.core.registry.FixedRegistry;
import org.lightwire.spi.Resolver;
import org.lightwire.spi.ResolverProvider;

/** Which resolver a context uses, and that what it opens it also closes. */
class ResolverSelectionTest {

    /** A resolver that remembers whether it was closed. */
    private static final class OpenedResolver implements Resolver {
        final ContextSettings settings;
        boolean closed;

        OpenedResolver(ContextSettings settings) {
            this.settings = settings;
        }

        @Override
        public void resolve(String host, ServiceLoop loop, BiConsumer<List<InetAddress>, Throwable> callback) {
            throw new AssertionError("not used here");
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static final class CountingProvider implements ResolverProvider {
        final List<OpenedResolver> opened = new ArrayList<>();

        @Override
        public Resolver open(ContextSettings settings) {
            OpenedResolver r = new OpenedResolver(settings);
            opened.add(r);
            return r;
        }
    }

    private final ContextSettings settings = ContextSettings.builder().asyncDnsTimeoutMs(700).build();

    @Test
    void aProviderIsOpenedOnceWithTheContextsSettingsAndClosedWithTheContext() {
        CountingProvider provider = new CountingProvider();
        FixedRegistry registry = new FixedRegistry().add(ResolverProvider.class, provider);
        ResolverSelection selection = ResolverSelection.follow(settings, registry);

        Resolver first = selection.current();
        Resolver second = selection.current();

        assertSame(first, second, "one resolver per context, opened on first use");
        assertEquals(1, provider.opened.size());
        assertSame(settings, provider.opened.get(0).settings);
        selection.close();
        assertTrue(provider.opened.get(0).closed, "the context's resolver closes with it");
    }

    @Test
    void aProviderLeavingClosesWhatItOpenedAndThePlainResolverTakesOver() {
        CountingProvider provider = new CountingProvider();
        CountingResolver plain = new CountingResolver();
        FixedRegistry registry = new FixedRegistry().add(ResolverProvider.class, provider).add(Resolver.class, plain);
        ResolverSelection selection = ResolverSelection.follow(settings, registry);
        selection.current();

        registry.remove(ResolverProvider.class, provider);

        assertTrue(provider.opened.get(0).closed);
        assertSame(plain, selection.current());
        selection.close();
    }

    @Test
    void aProviderThatCannotOpenIsSkippedForTheJdkResolver() {
        ResolverProvider broken = s -> {
            throw new IllegalStateException("no nameserver");
        };
        ResolverSelection selection = ResolverSelection.follow(settings, new FixedRegistry().add(ResolverProvider.class, broken));

        assertInstanceOf(JdkResolver.class, selection.current());
        selection.close();
    }
}
