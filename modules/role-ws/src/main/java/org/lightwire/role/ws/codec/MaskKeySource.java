package org.lightwire.role.ws.codec;

/**
 * Where a client's frame masking keys come from. RFC 6455 §5.3 requires a fresh,
 * unpredictable key for every frame, so this is asked once per frame; production code
 * passes a strong random source (lws uses its entropy pool), tests a fixed sequence.
 */
@FunctionalInterface
public interface MaskKeySource {
    /** The next 32-bit masking key. */
    int nextMaskKey();
}
