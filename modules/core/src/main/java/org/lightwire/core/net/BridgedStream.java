package org.lightwire.core.net;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.WritableByteChannel;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.lightwire.core.loop.EventLoop;

/**
 * Brings a blocking stream — a file, FIFO, pipe or process stream, none of which a NIO
 * selector can watch — into a service loop (lws raw-file adoption).
 *
 * <p>One helper thread per direction does the blocking I/O against a fixed-size buffer;
 * the loop only ever copies to and from those buffers, so it never blocks. When the
 * inbound buffer is full (the protocol paused reception, or is slow), the reader stops
 * reading and the writing end of a pipe feels back-pressure; when the outbound buffer is
 * full, writes take only what fits and the connection waits for room like a socket.
 */
final class BridgedStream implements StreamTransport {

    private final String label;
    private final Callable<ReadableByteChannel> inOpener;
    private final WritableByteChannel out;
    private final Object lock = new Object();
    private final ByteBuffer inbound;
    private final ByteBuffer outbound;
    private final Runnable readableTask = () -> signalled(SelectionKey.OP_READ);
    private final Runnable writableTask = () -> signalled(SelectionKey.OP_WRITE);

    private volatile ReadableByteChannel in;
    private Wire wire;
    private EventLoop loop;
    private boolean readInterest;
    private boolean writeInterest;
    private boolean readSignalPosted;
    private boolean writeSignalPosted;
    private boolean eof;
    private IOException readFailure;
    private IOException writeFailure;
    private volatile boolean closed;

    /**
     * @param inOpener opens the inbound channel on the reader thread (may block, as opening
     *        a FIFO does); null for a write-only stream
     * @param out the outbound channel; null for a read-only stream
     */
    BridgedStream(String label, Callable<ReadableByteChannel> inOpener, WritableByteChannel out, int bufferSize) {
        this.label = label;
        this.inOpener = inOpener;
        this.out = out;
        this.inbound = ByteBuffer.allocate(bufferSize);
        this.outbound = ByteBuffer.allocate(bufferSize);
    }

    @Override
    public void attach(Wire w) {
        this.wire = w;
        this.loop = w.eventLoop();
        synchronized (lock) {
            readInterest = true;
        }
        if (inOpener != null) {
            startThread("reader", this::readLoop);
        }
        if (out != null) {
            startThread("writer", this::writeLoop);
        }
    }

    private void startThread(String role, Runnable body) {
        Thread t = new Thread(body, "lightwire-stream-" + role + "-" + wire.id());
        t.setDaemon(true);
        t.start();
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        synchronized (lock) {
            inbound.flip();
            int n = Math.min(dst.remaining(), inbound.remaining());
            if (n > 0) {
                int limit = inbound.limit();
                inbound.limit(inbound.position() + n);
                dst.put(inbound);
                inbound.limit(limit);
            }
            boolean more = inbound.hasRemaining();
            inbound.compact();
            lock.notifyAll();
            if (n == 0) {
                if (readFailure != null) {
                    throw readFailure;
                }
                return eof ? -1 : 0;
            }
            if (more || eof || readFailure != null) {
                postReadable();
            }
            return n;
        }
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        if (out == null) {
            throw new IOException(label + " is not writable");
        }
        synchronized (lock) {
            if (writeFailure != null) {
                throw writeFailure;
            }
            int n = Math.min(src.remaining(), outbound.remaining());
            if (n > 0) {
                int limit = src.limit();
                src.limit(src.position() + n);
                outbound.put(src);
                src.limit(limit);
                lock.notifyAll();
            }
            return n;
        }
    }

    @Override
    public void interest(boolean read, boolean write) {
        synchronized (lock) {
            readInterest = read;
            writeInterest = write;
            if (read && (inbound.position() > 0 || eof || readFailure != null)) {
                postReadable();
            }
            if (write && (outbound.hasRemaining() || writeFailure != null)) {
                postWritable();
            }
        }
    }

    private void postReadable() {
        if (readInterest && !readSignalPosted) {
            readSignalPosted = true;
            loop.execute(readableTask);
        }
    }

    private void postWritable() {
        if (writeInterest && !writeSignalPosted) {
            writeSignalPosted = true;
            loop.execute(writableTask);
        }
    }

    private void signalled(int op) {
        synchronized (lock) {
            if (op == SelectionKey.OP_READ) {
                readSignalPosted = false;
                if (!readInterest) {
                    return;
                }
            } else {
                writeSignalPosted = false;
                if (!writeInterest) {
                    return;
                }
            }
        }
        if (!closed) {
            wire.onReady(op);
        }
    }

    private void readLoop() {
        ByteBuffer chunk = ByteBuffer.allocate(Math.min(inbound.capacity(), 16 * 1024));
        try {
            in = inOpener.call();
            if (closed) {
                // closed while opening (a FIFO waits for its writer): nobody else will close it
                closeQuietly(in);
                return;
            }
            while (!closed) {
                synchronized (lock) {
                    while (!inbound.hasRemaining() && !closed) {
                        lock.wait();
                    }
                    chunk.clear().limit(Math.min(chunk.capacity(), inbound.remaining()));
                }
                if (closed) {
                    break;
                }
                int n = in.read(chunk);
                synchronized (lock) {
                    if (n < 0) {
                        eof = true;
                        postReadable();
                        return;
                    }
                    chunk.flip();
                    inbound.put(chunk);
                    postReadable();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (!closed) {
                synchronized (lock) {
                    readFailure = e instanceof IOException io ? io : new IOException(label + ": " + e, e);
                    postReadable();
                }
            }
        }
    }

    private void writeLoop() {
        ByteBuffer chunk = ByteBuffer.allocate(outbound.capacity());
        try {
            while (!closed) {
                synchronized (lock) {
                    while (outbound.position() == 0 && !closed) {
                        lock.wait();
                    }
                    if (closed) {
                        break;
                    }
                    outbound.flip();
                    chunk.clear();
                    chunk.put(outbound);
                    outbound.clear();
                }
                chunk.flip();
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
                synchronized (lock) {
                    postWritable();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            if (!closed) {
                synchronized (lock) {
                    writeFailure = e;
                    postWritable();
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (lock) {
            lock.notifyAll();
        }
        closeQuietly(in);
        closeQuietly(out);
    }

    private static void closeQuietly(java.nio.channels.Channel c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }

    @Override
    public Optional<SocketAddress> remoteAddress() {
        return Optional.of(new StreamAddress(label));
    }

    @Override
    public Optional<SocketAddress> localAddress() {
        return Optional.empty();
    }

    /** The "address" of a bridged stream: its label, e.g. the file path. */
    static final class StreamAddress extends SocketAddress {
        private static final long serialVersionUID = 1L;
        private final String label;

        StreamAddress(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof StreamAddress a && a.label.equals(label);
        }

        @Override
        public int hashCode() {
            return label.hashCode();
        }
    }
}
