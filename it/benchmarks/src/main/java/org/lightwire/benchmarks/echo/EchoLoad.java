package org.lightwire.benchmarks.echo;

import java.io.IOException;
import java.time.Duration;

/** A load generator with its connections open: run it for warm-up, then for measuring. */
interface EchoLoad extends AutoCloseable {

    /**
     * Drives the load for {@code duration}, then waits (bounded) for everything in flight
     * to come back and checks it.
     */
    Measurement run(Duration duration) throws IOException;

    @Override
    void close() throws IOException;
}
