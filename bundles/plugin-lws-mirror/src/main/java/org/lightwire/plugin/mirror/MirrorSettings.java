package org.lightwire.plugin.mirror;

import org.lightwire.api.Options;

/**
 * The per-vhost options of lws-mirror-protocol, checked once when the protocol starts. The
 * defaults are lws 4.1.6's constants.
 *
 * @param queueLength     messages the ring of one instance holds (pvo {@code queue-length},
 *                        default 32, lws {@code QUEUELEN})
 * @param maxInstances    mirror instances per vhost (pvo {@code max-instances}, default 3,
 *                        lws {@code MAX_MIRROR_INSTANCES})
 * @param maxMessageBytes largest message relayed; a bigger one closes its sender with 1009
 *                        (pvo {@code max-message-size}, default 16384)
 * @param rxFlowMin       free slots below which every sender of the instance is paused
 *                        (lws {@code RXFLOW_MIN}: 4)
 * @param rxFlowMax       free slots at which paused senders resume (lws {@code RXFLOW_MAX}:
 *                        two thirds of the ring)
 * @param slowReaderSecs  how long the slowest reader may hold the oldest unread message
 *                        before it is dropped (pvo {@code slow-reader-secs}, default 3, as lws)
 */
record MirrorSettings(int queueLength, int maxInstances, int maxMessageBytes, int rxFlowMin, int rxFlowMax,
        int slowReaderSecs) {

    /** lws' instance name buffer is 30 bytes: 29 characters and the NUL. */
    static final int MAX_NAME_CHARS = 29;

    static MirrorSettings from(String vhost, Options options) {
        try {
            int queue = bounded(options, "queue-length", 32, 8, 4096);
            int instances = bounded(options, "max-instances", 3, 1, 1000);
            int maxMessage = bounded(options, "max-message-size", 16384, 16, 16 << 20);
            int slow = bounded(options, "slow-reader-secs", 3, 1, 3600);
            int rxMin = Math.max(1, queue / 8);
            return new MirrorSettings(queue, instances, maxMessage, rxMin, (2 * queue) / 3, slow);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("vhost '" + vhost + "', protocol " + MirrorProvider.NAME + ": "
                    + e.getMessage(), e);
        }
    }

    private static int bounded(Options options, String name, int fallback, int min, int max) {
        int v = options.intValue(name, fallback);
        if (v < min || v > max) {
            throw new IllegalArgumentException("option '" + name + "' must be " + min + ".." + max + ", not " + v);
        }
        return v;
    }
}
