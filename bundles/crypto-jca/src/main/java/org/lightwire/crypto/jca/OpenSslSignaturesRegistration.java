package org.lightwire.crypto.jca;

import java.security.Security;

/**
 * One backend's {@link OpenSslSignatures} in the JVM-wide provider list: inserted first (it
 * must be asked before SunRsaSign and SunEC, and takes only our keys) when the first TLS
 * context with a key of ours is made, removed for good on close. Keys handed out before the
 * removal keep working: the JDK's providers then sign with the JDK key they carry.
 */
final class OpenSslSignaturesRegistration {

    private final OpenSslSignatures provider = new OpenSslSignatures();
    private boolean added;
    private boolean closed;

    synchronized void ensureAdded() {
        if (!added && !closed) {
            Security.insertProviderAt(provider, 1);
            added = true;
        }
    }

    /** Idempotent, any thread. */
    synchronized void close() {
        closed = true;
        if (added) {
            Security.removeProvider(provider.getName());
            added = false;
        }
    }

    String providerName() {
        return provider.getName();
    }
}
