package org.lightwire.role.ws;

import java.security.SecureRandom;
import org.lightwire.role.ws.codec.MaskKeySource;

/**
 * Client frame masking keys from a {@link SecureRandom} (RFC 6455 section 5.3: fresh and
 * unpredictable per frame, so a hostile page cannot choose the bytes an intermediary
 * sees). One generator per loop thread: keys are drawn on the loop, and sharing one
 * generator across loops would make them contend on its lock.
 */
final class SecureMaskKeys implements MaskKeySource {

    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);

    static final SecureMaskKeys INSTANCE = new SecureMaskKeys();

    private SecureMaskKeys() {
    }

    /** The calling loop thread's generator (also used for handshake nonces). */
    static SecureRandom random() {
        return RANDOM.get();
    }

    @Override
    public int nextMaskKey() {
        return RANDOM.get().nextInt();
    }
}
