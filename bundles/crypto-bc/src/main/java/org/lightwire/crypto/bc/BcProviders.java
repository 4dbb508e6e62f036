package org.lightwire.crypto.bc;

import java.security.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;

/**
 * BC's JCA and JSSE providers as private instances, made on first use (building the JCA
 * provider's algorithm table takes a noticeable fraction of a second, and only X.509 and
 * TLS need it). Never added to {@link java.security.Security}: other code in the JVM
 * keeps seeing exactly the providers it saw before this backend arrived.
 */
final class BcProviders {

    /**
     * BCJSSE logs every accepted and established connection at INFO through
     * java.util.logging, which nothing in Lightwire routes into its own log: per-connection
     * noise on stderr. Its loggers live inside this bundle, so it quiets its own namespace to
     * WARNING unless the operator set a level for it. Held here because JUL keeps loggers
     * only weakly and would forget the level.
     */
    private static final Logger JSSE_LOG = Logger.getLogger("org.bouncycastle.jsse");

    static {
        if (JSSE_LOG.getLevel() == null) {
            JSSE_LOG.setLevel(Level.WARNING);
        }
    }

    private volatile Provider jca;
    private volatile Provider jsse;

    Provider jca() {
        Provider p = jca;
        if (p == null) {
            synchronized (this) {
                p = jca;
                if (p == null) {
                    p = new BouncyCastleProvider();
                    jca = p;
                }
            }
        }
        return p;
    }

    Provider jsse() {
        Provider p = jsse;
        if (p == null) {
            synchronized (this) {
                p = jsse;
                if (p == null) {
                    // BCJSSE on the BC JCA instance: its TLS crypto never looks at the global provider list
                    p = new BouncyCastleJsseProvider(jca());
                    jsse = p;
                }
            }
        }
        return p;
    }
}
