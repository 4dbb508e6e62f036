package org.lightwire.benchmarks.ws;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The reference WebSocket server, run as a child JVM like the Lightwire launcher: Netty 4.2
 * on NIO (Lightwire's own transport) with the canonical pipeline — HttpServerCodec,
 * HttpObjectAggregator, WebSocketServerProtocolHandler on "/" with the lws-mirror-protocol
 * subprotocol and no extensions (no permessage-deflate) — and a handler that writes every
 * text or binary frame back as it came, flushing once per read burst. One event loop
 * thread, as Lightwire's default count-threads and lws' single service thread.
 *
 * <p>Usage: {@code NettyWsEchoServer PORT}; runs until killed.
 */
public final class NettyWsEchoServer {

    static final String SUBPROTOCOL = "lws-mirror-protocol";
    /** Frames and messages up to this size: more than the benchmark's 16 KiB. */
    static final int MAX_FRAME = 64 * 1024;

    private NettyWsEchoServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("netty-ws-loop"),
                NioIoHandler.newFactory());
        WebSocketServerProtocolConfig ws = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath("/")
                .subprotocols(SUBPROTOCOL)
                .checkStartsWith(true)
                .decoderConfig(WebSocketDecoderConfig.newBuilder()
                        .allowExtensions(false)
                        .maxFramePayloadLength(MAX_FRAME)
                        .build())
                .build();
        Echo echo = new Echo();
        try {
            Channel listener = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_FRAME),
                                    new WebSocketServerProtocolHandler(ws), echo);
                        }
                    })
                    .bind("127.0.0.1", port).sync().channel();
            System.out.println("netty websocket echo on " + listener.localAddress());
            listener.closeFuture().sync();
        } finally {
            group.shutdownGracefully();
        }
    }

    /** Writes data frames back unchanged; control frames are the protocol handler's. */
    @ChannelHandler.Sharable
    static final class Echo extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof TextWebSocketFrame || msg instanceof BinaryWebSocketFrame) {
                ctx.write(msg);
            } else {
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
