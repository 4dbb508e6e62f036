package org.lightwire.core.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lightwire.api.Context;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.LightwireException;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.core.CoreContextFactory;
import org.lightwire.core.registry.FixedRegistry;

/** Which crypto backend a context uses, as backends come and go (lws' TLS library choice at run time). */
class CryptoSelectionTest {

    private final List<String> notices = new CopyOnWriteArrayList<>();
    private final Logger coreLog = Logger.getLogger("org.lightwire.core");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.INFO.intValue()) {
                notices.add(r.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        coreLog.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        coreLog.removeHandler(capture);
    }

    /** A backend that only has a name, description and ranking: selection needs no more. */
    static CryptoBackend backend(String name, int ranking) {
        return backend(name, ranking, new AtomicInteger());
    }

    /** The same, counting its close() calls in {@code closes}. */
    static CryptoBackend backend(String name, int ranking, AtomicInteger closes) {
        return (CryptoBackend) Proxy.newProxyInstance(CryptoBackend.class.getClassLoader(), new Class<?>[] {CryptoBackend.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "name":
                            return name;
                        case "description":
                            return "fake " + name;
                        case "ranking":
                            return ranking;
                        case "toString":
                            return name;
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == args[0];
                        case "close":
                            closes.incrementAndGet();
                            return null;
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    @Test
    void highestRankingWinsWithoutConfiguration() {
        CryptoBackend low = backend("bc", 50);
        CryptoBackend high = backend("jca", 100);
        FixedRegistry registry = new FixedRegistry().add(CryptoBackend.class, low).add(CryptoBackend.class, high);
        try (CryptoSelection s = CryptoSelection.follow(registry, Optional.empty())) {
            assertSame(high, s.current());
            assertTrue(notices.contains("crypto backend: jca (fake jca)"), notices.toString());
        }
    }

    @Test
    void configuredNameWinsOverRanking() {
        CryptoBackend low = backend("bc", 50);
        FixedRegistry registry = new FixedRegistry().add(CryptoBackend.class, backend("jca", 100)).add(CryptoBackend.class, low);
        try (CryptoSelection s = CryptoSelection.follow(registry, Optional.of("bc"))) {
            assertSame(low, s.current());
        }
    }

    @Test
    void swapInAndOutWhileRunning() {
        FixedRegistry registry = new FixedRegistry();
        try (CryptoSelection s = CryptoSelection.follow(registry, Optional.empty())) {
            LightwireException none = assertThrows(LightwireException.class, s::current);
            assertTrue(none.getMessage().contains("no crypto backend is installed"), none.getMessage());
            CryptoBackend jca = backend("jca", 100);
            registry.add(CryptoBackend.class, jca);
            assertSame(jca, s.current());
            CryptoBackend better = backend("bc", 200);
            registry.add(CryptoBackend.class, better);
            assertSame(better, s.current(), "new work goes to the new best backend");
            registry.remove(CryptoBackend.class, better);
            assertSame(jca, s.current(), "falls back when it leaves");
            assertEquals(List.of(jca), s.installed());
            assertTrue(notices.contains("crypto backend: bc (fake bc)") && notices.contains("crypto backend: jca (fake jca)"));
        }
    }

    @Test
    void aBackendLeavingIsClosedByEveryContextThatSawIt() {
        AtomicInteger closes = new AtomicInteger();
        CryptoBackend leaving = backend("bc", 50, closes);
        FixedRegistry registry = new FixedRegistry().add(CryptoBackend.class, backend("jca", 100)).add(CryptoBackend.class, leaving);
        try (CryptoSelection one = CryptoSelection.follow(registry, Optional.empty());
             CryptoSelection two = CryptoSelection.follow(registry, Optional.empty())) {
            assertEquals(0, closes.get(), "installed and not chosen is not closed");
            registry.remove(CryptoBackend.class, leaving);
            assertEquals(2, closes.get(), "each selection following the registry closes it (close is idempotent)");
            assertEquals(List.of("jca"), one.installed().stream().map(CryptoBackend::name).toList());
        }
    }

    @Test
    void configuredButMissingBackendIsNotReplacedSilently() {
        FixedRegistry registry = new FixedRegistry().add(CryptoBackend.class, backend("jca", 100));
        try (CryptoSelection s = CryptoSelection.follow(registry, Optional.of("bc"))) {
            LightwireException e = assertThrows(LightwireException.class, s::current);
            assertTrue(e.getMessage().contains("'bc'") && e.getMessage().contains("crypto-backend")
                    && e.getMessage().contains("installed: jca"), e.getMessage());
            CryptoBackend bc = backend("bc", 1);
            registry.add(CryptoBackend.class, bc);
            assertSame(bc, s.current());
        }
    }

    @Test
    void contextHandsOutTheSelectedBackend() {
        CryptoBackend jca = backend("jca", 100);
        FixedRegistry registry = new FixedRegistry().add(CryptoBackend.class, jca);
        try (Context context = new CoreContextFactory(registry).create(ContextSettings.builder().countThreads(1).build())) {
            assertSame(jca, context.crypto());
            registry.remove(CryptoBackend.class, jca);
            assertThrows(LightwireException.class, context::crypto);
        }
    }
}
