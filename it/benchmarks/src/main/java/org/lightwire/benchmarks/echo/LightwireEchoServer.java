package org.lightwire.benchmarks.echo;

import java.net.InetSocketAddress;
import java.util.OptionalInt;
import org.lightwire.api.Context;
import org.lightwire.api.ContextFactory;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.Options;
import org.lightwire.api.VhostSettings;

/** Lightwire's raw echo: a listen-accept vhost binding raw-skt to protocol-lws-raw-test. */
final class LightwireEchoServer implements EchoServer {

    private static final String PROTOCOL = "protocol-lws-raw-test";

    private final Context context;
    private final InetSocketAddress address;

    /** @param rxBuffer the context's rx-buffer-size; empty for Lightwire's default */
    LightwireEchoServer(int threads, OptionalInt rxBuffer) {
        ContextSettings.Builder settings = ContextSettings.builder().countThreads(threads);
        rxBuffer.ifPresent(settings::rxBufferSize);
        settings.vhost(VhostSettings.builder("raw").port(0).iface("127.0.0.1")
                .listenAcceptRole("raw-skt").listenAcceptProtocol(PROTOCOL).applyListenAccept(true)
                .protocol(PROTOCOL, Options.builder().add("raw", "1").build())
                .build());
        this.context = ContextFactory.load().create(settings.build());
        this.address = (InetSocketAddress) context.vhosts().get(0).listenAddresses().get(0);
    }

    @Override
    public String name() {
        return "lightwire";
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public String loopThreadPrefix() {
        return "lightwire-loop-";
    }

    @Override
    public void close() {
        context.close();
    }
}
