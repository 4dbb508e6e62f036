package org.lightwire.dns.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import org.lightwire.api.ServiceLoop;

/**
 * The retry of a truncated answer over TCP (RFC 1035 §4.2.2, RFC 7766): connect to the
 * nameserver, send the same query with its two-byte length, read one length-prefixed
 * answer, close. Non-blocking, watched by the question's own loop;
 * the question's timer bounds it.
 */
final class TcpExchange {

    private final LoopResolver owner;
    private final Question question;
    private final ByteBuffer out;
    private final ByteBuffer length = ByteBuffer.allocate(2);
    private ByteBuffer body;
    private SocketChannel channel;
    private ServiceLoop.ChannelWatch watch;
    private boolean connecting;
    private boolean closed;

    TcpExchange(LoopResolver owner, Question question, int id, String name, int type) {
        this.owner = owner;
        this.question = question;
        byte[] framed = new byte[2 + QueryWriter.MAX_QUERY];
        int n = QueryWriter.write(framed, 2, id, name, type);
        framed[0] = (byte) (n >>> 8);
        framed[1] = (byte) n;
        this.out = ByteBuffer.wrap(framed, 0, n + 2);
    }

    void start() throws IOException {
        channel = SocketChannel.open();
        try {
            channel.configureBlocking(false);
            connecting = !channel.connect(owner.settings().nameserver());
            watch = owner.loop().watch(channel, connecting ? SelectionKey.OP_CONNECT : SelectionKey.OP_WRITE,
                    this::ready);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void ready(int readyOps) {
        if (closed) {
            return;
        }
        try {
            if (connecting) {
                if (!channel.finishConnect()) {
                    watch.interest(SelectionKey.OP_CONNECT);
                    return;
                }
                connecting = false;
            }
            if (out.hasRemaining()) {
                channel.write(out);
                if (out.hasRemaining()) {
                    watch.interest(SelectionKey.OP_WRITE);
                    return;
                }
            }
            if (body == null) {
                if (channel.read(length) < 0) {
                    throw new EOFException("connection closed before the answer's length");
                }
                if (length.hasRemaining()) {
                    watch.interest(SelectionKey.OP_READ);
                    return;
                }
                int n = length.getShort(0) & 0xffff;
                if (n < QueryWriter.HEADER) {
                    throw new IOException("answer length " + n + " is shorter than a header");
                }
                body = ByteBuffer.allocate(n);
            }
            if (channel.read(body) < 0) {
                throw new EOFException("connection closed after " + body.position() + " of " + body.capacity()
                        + " answer bytes");
            }
            if (body.hasRemaining()) {
                watch.interest(SelectionKey.OP_READ);
                return;
            }
            close();
            question.tcpAnswer(body.array(), body.capacity());
        } catch (IOException e) {
            close();
            question.tcpFailed(e);
        } catch (UncheckedIOException e) {
            close();
            question.tcpFailed(e.getCause());
        }
    }

    void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (watch != null) {
            watch.close();
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
