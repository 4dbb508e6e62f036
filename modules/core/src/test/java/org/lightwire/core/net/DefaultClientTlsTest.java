package org.lightwire.core.net;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lightwire.api.ClientRequest.TlsClientOption;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.api.crypto.TlsContext;

/** The default client TLS contexts are per context (no global state) and follow the backend. */
class DefaultClientTlsTest {

    /** A backend nobody calls: only its identity matters to the cache. */
    private static CryptoBackend backend() {
        return (CryptoBackend) Proxy.newProxyInstance(CryptoBackend.class.getClassLoader(), new Class<?>[] {CryptoBackend.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("equals")) {
                        return proxy == args[0];
                    }
                    if (method.getName().equals("hashCode")) {
                        return System.identityHashCode(proxy);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static TlsContext someContext() {
        return (TlsContext) Proxy.newProxyInstance(TlsContext.class.getClassLoader(), new Class<?>[] {TlsContext.class},
                (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void theSameBackendKeepsItsContexts() {
        DefaultClientTls tls = new DefaultClientTls();
        CryptoBackend b = backend();
        tls.contextsFor(b).put(Set.of(), someContext());
        assertSame(tls.contextsFor(b), tls.contextsFor(b));
        assertTrue(tls.contextsFor(b).containsKey(Set.of()));
    }

    @Test
    void aBackendSwapDropsTheContextsBuiltWithThePreviousOne() {
        DefaultClientTls tls = new DefaultClientTls();
        CryptoBackend first = backend();
        tls.contextsFor(first).put(Set.of(TlsClientOption.ALLOW_EXPIRED), someContext());
        CryptoBackend second = backend();
        assertTrue(tls.contextsFor(second).isEmpty());
        assertTrue(tls.contextsFor(first).isEmpty(), "swapping back builds afresh too: the old contexts are gone");
    }

    @Test
    void twoContextsShareNothing() {
        CryptoBackend b = backend();
        DefaultClientTls one = new DefaultClientTls();
        DefaultClientTls two = new DefaultClientTls();
        one.contextsFor(b).put(Set.of(), someContext());
        assertNotSame(one.contextsFor(b), two.contextsFor(b));
        assertTrue(two.contextsFor(b).isEmpty());
    }
}
