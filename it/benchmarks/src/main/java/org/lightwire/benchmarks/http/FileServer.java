package org.lightwire.benchmarks.http;

/** One HTTP server under test, serving the {@link DocRoot} files at its root. */
interface FileServer extends AutoCloseable {

    String name();

    /** The port it listens on, on 127.0.0.1, once it answers. */
    int port();

    @Override
    void close() throws Exception;
}
