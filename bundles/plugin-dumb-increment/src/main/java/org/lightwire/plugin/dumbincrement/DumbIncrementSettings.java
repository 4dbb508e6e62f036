package org.lightwire.plugin.dumbincrement;

import org.lightwire.api.Options;

/**
 * The per-vhost options of dumb-increment-protocol, checked once when the protocol starts.
 *
 * @param periodMicros    how often the counter goes out (pvo {@code period-ms}, default 50)
 * @param ticking         false when pvo {@code options} has bit 0 set: lws' way to stop the timer
 * @param maxMessageBytes the largest command message accepted (pvo {@code max-message-size},
 *                        default 128; the commands are 6 and 8 bytes, lws reads 10-byte chunks)
 */
record DumbIncrementSettings(long periodMicros, boolean ticking, int maxMessageBytes) {

    static final int DEFAULT_PERIOD_MS = 50;
    static final int DEFAULT_MAX_MESSAGE_BYTES = 128;
    static final int MAX_PERIOD_MS = 3_600_000;
    static final int MAX_MESSAGE_BYTES_LIMIT = 1 << 20;

    static DumbIncrementSettings from(String vhost, Options options) {
        try {
            int periodMs = options.intValue("period-ms", DEFAULT_PERIOD_MS);
            if (periodMs < 1 || periodMs > MAX_PERIOD_MS) {
                throw new IllegalArgumentException("option 'period-ms' must be 1.." + MAX_PERIOD_MS + ", not " + periodMs);
            }
            int max = options.intValue("max-message-size", DEFAULT_MAX_MESSAGE_BYTES);
            if (max < 8 || max > MAX_MESSAGE_BYTES_LIMIT) {
                throw new IllegalArgumentException("option 'max-message-size' must be 8.." + MAX_MESSAGE_BYTES_LIMIT
                        + ", not " + max);
            }
            int flags = options.intValue("options", 0);
            return new DumbIncrementSettings(periodMs * 1000L, (flags & 1) == 0, max);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("vhost '" + vhost + "', protocol " + DumbIncrementProvider.NAME + ": "
                    + e.getMessage(), e);
        }
    }
}
