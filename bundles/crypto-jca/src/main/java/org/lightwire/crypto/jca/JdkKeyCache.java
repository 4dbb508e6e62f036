package org.lightwire.crypto.jca;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.crypto.jca.ossl.NativeKey;
import org.lightwire.crypto.jca.ossl.OpenSsl;

/**
 * The JDK key objects already made from a {@link KeyElements}, so that a long-lived key (a
 * server's signing key, a JWE recipient key) is converted, and its point or modulus
 * checked, once rather than on every operation — as lws keeps its {@code EVP_PKEY} in the
 * {@code lws_genrsa_ctx} for the life of the context.
 *
 * <p>Keyed by the identity of the {@link KeyElements} instance, never by its contents: a
 * caller can only ever get the JDK key converted from the very object it passed, so two
 * keys that merely compare equal (or a key crafted to collide) never share an entry. The
 * instance is held weakly, so the cache keeps nothing alive. {@link KeyElements} is
 * immutable until {@link KeyElements#destroy()}; a destroyed key is refused and its entry
 * dropped at the next lookup, and entries of destroyed or collected keys are swept out
 * as new ones come in, so the cache never outlives the key material it mirrors for long.
 * Thread-safe; two threads converting the same key at once both get a correct key.
 */
final class JdkKeyCache {

    /** Sweep for destroyed keys after this many insertions (amortised O(1) per insertion). */
    private static final int SWEEP_EVERY = 32;

    private static final Map<Object, Entry> ENTRIES = new ConcurrentHashMap<>();
    private static final ReferenceQueue<KeyElements> COLLECTED = new ReferenceQueue<>();
    private static final AtomicInteger INSERTIONS = new AtomicInteger();

    private JdkKeyCache() {
    }

    /** What one {@link KeyElements} became (JDK keys, OpenSSL's copies); any may still be absent. */
    static final class Entry {
        volatile PublicKey publicKey;
        volatile PrivateKey privateKey;
        volatile NativeKey nativePublic;
        volatile NativeKey nativePrivate;
    }

    /**
     * The entry of {@code key}, made if absent; {@link BadKeyException} if the key was
     * destroyed (its entry is dropped on the way).
     */
    static Entry of(KeyElements key) {
        Probe probe = new Probe(key);
        if (key.isDestroyed()) {
            forget(key);
            throw destroyed(key);
        }
        Entry e = ENTRIES.get(probe);
        if (e != null) {
            return e;
        }
        expungeCollected();
        e = ENTRIES.computeIfAbsent(new Ref(key, COLLECTED), k -> new Entry());
        if (INSERTIONS.incrementAndGet() % SWEEP_EVERY == 0) {
            sweepDestroyed();
        }
        // destroy() may have run between the check above and the insertion
        if (key.isDestroyed()) {
            forget(key);
            throw destroyed(key);
        }
        return e;
    }

    /** Records OpenSSL's key made together with its elements (key generation), so their first use imports nothing. */
    static KeyElements seedNative(OpenSsl.Generated made) {
        of(made.elements()).nativePrivate = made.key();
        return made.elements();
    }

    /** Records JDK keys made together with {@code key} (key generation), so its first use converts nothing. */
    static void seed(KeyElements key, PublicKey publicKey, PrivateKey privateKey) {
        Entry e = of(key);
        e.publicKey = publicKey;
        e.privateKey = privateKey;
    }

    /** Drops the entry of {@code key}, if any (it was destroyed). */
    static void forget(KeyElements key) {
        ENTRIES.remove(new Probe(key));
    }

    /** Whether {@code key} has an entry (for tests). */
    static boolean contains(KeyElements key) {
        return ENTRIES.containsKey(new Probe(key));
    }

    /** Entries currently held, live or not yet swept (for tests). */
    static int size() {
        return ENTRIES.size();
    }

    /** Drops every entry whose key was destroyed or collected. */
    static void sweepDestroyed() {
        expungeCollected();
        for (Iterator<Object> it = ENTRIES.keySet().iterator(); it.hasNext();) {
            KeyElements k = ((Ref) it.next()).get();
            if (k == null || k.isDestroyed()) {
                it.remove();
            }
        }
    }

    private static void expungeCollected() {
        for (Object r; (r = COLLECTED.poll()) != null;) {
            ENTRIES.remove(r);
        }
    }

    private static BadKeyException destroyed(KeyElements key) {
        return new BadKeyException(key.type().jwkName() + " key was destroyed");
    }

    /** The stored key: a weak reference compared by the identity of its referent. */
    private static final class Ref extends WeakReference<KeyElements> {
        private final int hash;

        Ref(KeyElements key, ReferenceQueue<KeyElements> queue) {
            super(key, queue);
            this.hash = System.identityHashCode(key);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (o == this) {
                return true;
            }
            KeyElements k = get();
            if (k == null) {
                return false;
            }
            if (o instanceof Ref) {
                return ((Ref) o).get() == k;
            }
            return o instanceof Probe && ((Probe) o).key == k;
        }
    }

    /** A lookup key: a strong, short-lived handle on the caller's instance. */
    private static final class Probe {
        private final KeyElements key;
        private final int hash;

        Probe(KeyElements key) {
            this.key = key;
            this.hash = System.identityHashCode(key);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (o instanceof Ref) {
                return ((Ref) o).get() == key;
            }
            return o instanceof Probe && ((Probe) o).key == key;
        }
    }
}
