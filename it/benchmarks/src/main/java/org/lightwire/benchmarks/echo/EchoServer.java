package org.lightwire.benchmarks.echo;

import java.net.InetSocketAddress;

/** An echo server under test, running in this JVM on 127.0.0.1. */
interface EchoServer extends AutoCloseable {

    /** Short name for tables: "lightwire", "netty-nio", ... */
    String name();

    InetSocketAddress address();

    /** Prefix of the names of the threads that run its event loops, to meter their allocation. */
    String loopThreadPrefix();

    @Override
    void close();
}
