package org.lightwire.crypto.bc;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.prng.SP800SecureRandomBuilder;

/**
 * The backend's random generator: an SP 800-90A CTR_DRBG on AES-256 (what mbedTLS's
 * {@code ctr_drbg} is), seeded and periodically reseeded from the operating system's
 * entropy through the JDK's default {@link SecureRandom}. BC's DRBG methods are
 * synchronized, so one instance serves every thread.
 */
final class DrbgRandom {

    private DrbgRandom() {
    }

    static SecureRandom create() {
        SecureRandom entropy = new SecureRandom();
        byte[] nonce = new byte[16];
        entropy.nextBytes(nonce);
        return new SP800SecureRandomBuilder(entropy, false)
                .setPersonalizationString("lightwire crypto-bc".getBytes(StandardCharsets.US_ASCII))
                .buildCTR(AESEngine.newInstance(), 256, nonce, false);
    }
}
