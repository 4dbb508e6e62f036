package org.lightwire.benchmarks.echo;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * One kind of load, run against every server in turn.
 *
 * @param title  what the table heading says about the load
 * @param kind   which figures it yields
 * @param loads  opens the load's connections to a server
 */
record Scenario(String title, Kind kind, LoadFactory loads) {

    enum Kind { THROUGHPUT, PING_PONG }

    @FunctionalInterface
    interface LoadFactory {
        EchoLoad open(InetSocketAddress server) throws IOException;
    }
}
