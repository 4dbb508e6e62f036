package org.lightwire.core.tls;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.lightwire.core.net.StreamTransport;
import org.lightwire.core.net.Wire;

/** Two connected in-memory stream ends; each write call takes at most {@code writeCap} bytes, like a full socket. */
final class MemoryPipe {

    final End a;
    final End b;

    MemoryPipe(int writeCap) {
        a = new End(writeCap);
        b = new End(writeCap);
        a.peer = b;
        b.peer = a;
    }

    static final class End implements StreamTransport {
        private final int writeCap;
        private End peer;
        private ByteBuffer inbound = ByteBuffer.allocate(1 << 22).flip();
        private boolean peerShut;
        boolean closed;
        int partialWrites;

        End(int writeCap) {
            this.writeCap = writeCap;
        }

        /** Bytes injected as if the peer had sent them (hostile records). */
        void inject(byte[] bytes) {
            inbound.compact().put(bytes).flip();
        }

        @Override
        public int read(ByteBuffer dst) {
            if (!inbound.hasRemaining()) {
                return peerShut ? -1 : 0;
            }
            int n = Math.min(dst.remaining(), inbound.remaining());
            ByteBuffer slice = inbound.slice().limit(n);
            dst.put(slice);
            inbound.position(inbound.position() + n);
            return n;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            if (closed || peer.closed) {
                throw new IOException("pipe closed");
            }
            int n = Math.min(src.remaining(), writeCap);
            if (n < src.remaining()) {
                partialWrites++;
            }
            ByteBuffer slice = src.slice().limit(n);
            peer.inbound.compact().put(slice).flip();
            src.position(src.position() + n);
            return n;
        }

        @Override
        public void shutdownOutput() {
            peer.peerShut = true;
        }

        @Override
        public void attach(Wire wire) {
        }

        @Override
        public void interest(boolean read, boolean write) {
        }

        @Override
        public void close() {
            closed = true;
            peer.peerShut = true;
        }

        @Override
        public Optional<SocketAddress> remoteAddress() {
            return Optional.empty();
        }

        @Override
        public Optional<SocketAddress> localAddress() {
            return Optional.empty();
        }
    }
}
