package org.lightwire.benchmarks.ssh;

/** One SSH server being measured, listening on 127.0.0.1. */
interface SshServerUnderTest extends AutoCloseable {

    String name();

    int port();

    @Override
    void close() throws Exception;
}
