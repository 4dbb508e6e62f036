package org.lightwire.crypto.jca.ossl;

import java.lang.ref.Cleaner;
import java.lang.ref.Reference;

/**
 * A key held by OpenSSL ({@code EVP_PKEY}), freed when this object is unreachable (OpenSSL
 * clears private key material as it frees it). Operations reach the native handle only
 * inside {@link #use}, which keeps this object reachable until the native call returns,
 * so the cleaner can never free a key that a running call still uses.
 */
public final class NativeKey {

    /*
     * The JDK's own cleaner thread, not one from a thread factory of ours: on Java 17 a
     * thread made here inherits the access-control context of the stack that made it, whose
     * protection domains hold this bundle's class loader, so a live cleaner thread would
     * keep an uninstalled bundle's loader (and its copy of the JNI library) forever.
     */
    private static final Cleaner CLEANER = Cleaner.create();

    private final long handle;

    NativeKey(long handle) {
        this.handle = handle;
        CLEANER.register(this, new Free(handle));
    }

    /** Runs {@code op} with the native handle, this key kept alive until it returns. */
    <T> T use(Op<T> op) {
        try {
            return op.apply(handle);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /** An operation on a native handle. */
    @FunctionalInterface
    interface Op<T> {
        T apply(long handle);
    }

    /** Frees the handle; holds no reference to the key object. */
    private static final class Free implements Runnable {
        private final long handle;

        Free(long handle) {
            this.handle = handle;
        }

        @Override
        public void run() {
            Libcrypto.free(handle);
        }
    }
}
