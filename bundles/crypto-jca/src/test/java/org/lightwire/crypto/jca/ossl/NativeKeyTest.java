package org.lightwire.crypto.jca.ossl;

import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What {@link NativeKey}'s cleaner leaves behind when the bundle's class loader goes away. */
class NativeKeyTest {

    /**
     * A re-installed bundle drops its old class loader: once NativeKey (and so its Cleaner)
     * was initialised in it, nothing of ours may keep that loader reachable. Polls the
     * collector with a deadline; a thread that pinned the loader never lets it go.
     */
    @Test
    @Timeout(30)
    void aDroppedClassLoaderIsNotKeptByTheCleanerThread() throws Exception {
        WeakReference<ClassLoader> loader = loadNativeKeyInAFreshLoader();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (loader.get() != null && System.nanoTime() < deadline) {
            System.gc();
            // gives the reference handler a moment to clear the reference after a collection
            Thread.sleep(20);
        }
        assertNull(loader.get(), "the class loader that initialised NativeKey is still reachable");
    }

    private static WeakReference<ClassLoader> loadNativeKeyInAFreshLoader() throws Exception {
        URL classes = NativeKey.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader l = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
            Class<?> c = Class.forName(NativeKey.class.getName(), true, l);
            if (c.getClassLoader() != l) {
                throw new AssertionError("NativeKey came from " + c.getClassLoader() + ", not the fresh loader");
            }
            return new WeakReference<>(l);
        }
    }
}
