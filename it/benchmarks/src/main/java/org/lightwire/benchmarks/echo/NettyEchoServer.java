package org.lightwire.benchmarks.echo;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The reference: a Netty 4.2 echo server with default allocator settings, TCP_NODELAY on
 * accepted sockets, and one event loop group (accepting and serving) of the same size as
 * Lightwire's loop count.
 */
final class NettyEchoServer implements EchoServer {

    /** Netty transports to compare with; NIO is Lightwire's own (the like-for-like one). */
    enum Transport {
        NIO("netty-nio", NioIoHandler::newFactory, NioServerSocketChannel.class),
        EPOLL("netty-epoll", EpollIoHandler::newFactory, EpollServerSocketChannel.class);

        final String serverName;
        final Supplier<IoHandlerFactory> ioHandler;
        final Class<? extends ServerChannel> channelType;

        Transport(String serverName, Supplier<IoHandlerFactory> ioHandler, Class<? extends ServerChannel> channelType) {
            this.serverName = serverName;
            this.ioHandler = ioHandler;
            this.channelType = channelType;
        }

        /** Why this transport cannot run here, or empty when it can. */
        Optional<String> unavailability() {
            if (this == EPOLL && !Epoll.isAvailable()) {
                return Optional.of(String.valueOf(Epoll.unavailabilityCause()));
            }
            return Optional.empty();
        }
    }

    private final Transport transport;
    private final EventLoopGroup group;
    private final Channel listener;

    NettyEchoServer(Transport transport, int threads) throws InterruptedException {
        this.transport = transport;
        this.group = new MultiThreadIoEventLoopGroup(threads,
                new DefaultThreadFactory(loopThreadPrefix(transport)), transport.ioHandler.get());
        try {
            this.listener = new ServerBootstrap()
                    .group(group)
                    .channel(transport.channelType)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new NettyEchoHandler())
                    .bind("127.0.0.1", 0).sync().channel();
        } catch (RuntimeException | InterruptedException e) {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw e;
        }
    }

    private static String loopThreadPrefix(Transport transport) {
        return transport.serverName + "-loop";
    }

    @Override
    public String name() {
        return transport.serverName;
    }

    @Override
    public InetSocketAddress address() {
        return (InetSocketAddress) listener.localAddress();
    }

    @Override
    public String loopThreadPrefix() {
        // DefaultThreadFactory names threads "<pool>-<poolId>-<n>"
        return loopThreadPrefix(transport) + "-";
    }

    @Override
    public void close() {
        listener.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
