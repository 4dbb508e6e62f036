package org.lightwire.plugin.postdemo;

import java.nio.ByteBuffer;

/**
 * Reads one request body as it arrives, in pieces of any size, and hands what it finds to
 * a {@link FormCollector}. Never holds more than its fixed buffers: a body is not kept
 * whole.
 */
interface FormParser {

    /** Consumes every remaining byte of {@code data}. */
    void accept(ByteBuffer data) throws FormRejectedException;

    /** The body ended; refuses one that stopped in the middle of its syntax. */
    void finish() throws FormRejectedException;
}
