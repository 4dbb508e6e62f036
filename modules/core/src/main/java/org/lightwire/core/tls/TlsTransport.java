package org.lightwire.core.tls;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLProtocolException;
import org.lightwire.core.loop.BufferPool;
import org.lightwire.core.net.StreamTransport;
import org.lightwire.core.net.Wire;

/**
 * TLS as a layer under any role (lws' {@code tls} layer between the socket and the role):
 * a {@link StreamTransport} over another stream transport, driving one {@link SSLEngine}
 * without blocking, on the loop thread.
 *
 * <p>Buffers: ciphertext in, ciphertext out and decrypted plaintext that did not fit the
 * caller's buffer are record-sized direct buffers borrowed from the loop's
 * {@link BufferPool} while they hold bytes and given back when empty, so the steady state
 * allocates nothing and an idle connection holds no buffer. Ciphertext the socket did not
 * take stays here and is reported by {@link #hasPendingOutput()}, so the wire's writeable
 * discipline counts it as pending output. Delegated engine tasks (certificate checks,
 * signatures) run inline: they take about a millisecond and a hand-off would cost a thread
 * switch per handshake.
 *
 * <p>After the handshake, a new handshake on TLS 1.2 or older is a renegotiation and is
 * refused ({@link SSLProtocolException}, the connection closes); TLS 1.3 post-handshake
 * messages (tickets, key updates) are served.
 */
public final class TlsTransport implements StreamTransport {

    /** What a {@link #handshake()} step ended with. */
    public enum Progress {
        /** Needs bytes from the peer. */
        WANT_READ,
        /** Needs the socket to take pending output. */
        WANT_WRITE,
        /** The handshake is complete. */
        DONE
    }

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
    /** The largest TLS ciphertext record any version allows (RFC 5246 6.2.3: 2^14 + 2048). */
    static final int MAX_RECORD = 16384 + 2048;

    private final StreamTransport under;
    private final SSLEngine engine;
    private final BufferPool pool;
    // all three in read mode (position..limit = bytes held) or null when empty
    private ByteBuffer netIn;
    private ByteBuffer netOut;
    private ByteBuffer appIn;
    private boolean handshakeDone;
    private boolean inboundClosed;
    // the end of input reached with data still returned: the next read reports it
    private boolean endReported;
    private boolean closed;

    /**
     * @param alreadyRead bytes the listener read before deciding this is TLS (the
     *                    ClientHello), fed to the engine first; null for none
     */
    public TlsTransport(StreamTransport under, SSLEngine engine, BufferPool pool, ByteBuffer alreadyRead) throws SSLException {
        this.under = under;
        this.engine = engine;
        this.pool = pool;
        if (engine.getSession().getPacketBufferSize() > pool.size()
                || engine.getSession().getApplicationBufferSize() > pool.size()) {
            throw new SSLException("TLS engine wants " + engine.getSession().getPacketBufferSize()
                    + "-byte records, more than the loop's " + pool.size() + "-byte buffers");
        }
        if (alreadyRead != null && alreadyRead.hasRemaining()) {
            netIn = pool.take();
            netIn.put(alreadyRead).flip();
        }
        engine.beginHandshake();
    }

    /** The engine (session details once the handshake is done). */
    public SSLEngine engine() {
        return engine;
    }

    public boolean isHandshakeDone() {
        return handshakeDone;
    }

    // ---- handshake ----

    /** Moves the handshake as far as the socket allows. */
    public Progress handshake() throws IOException {
        while (true) {
            HandshakeStatus hs = engine.getHandshakeStatus();
            switch (hs) {
                case NEED_TASK -> runTasks();
                case NEED_WRAP -> {
                    if (!flush()) {
                        return Progress.WANT_WRITE;
                    }
                    wrapInto(EMPTY);
                }
                case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                    if (!flush()) {
                        return Progress.WANT_WRITE;
                    }
                    if (!unwrapOnce()) {
                        int n = fill();
                        if (n < 0) {
                            throw new EOFException("peer closed the connection during the TLS handshake");
                        }
                        if (n == 0) {
                            return Progress.WANT_READ;
                        }
                    }
                }
                default -> {
                    // FINISHED or NOT_HANDSHAKING
                    if (!flush()) {
                        return Progress.WANT_WRITE;
                    }
                    handshakeDone = true;
                    return Progress.DONE;
                }
            }
        }
    }

    /**
     * One unwrap of buffered ciphertext into {@link #appIn}; false if a whole record has
     * not arrived yet. Plaintext arriving with the handshake (TLS 1.3 early data from a
     * peer that raced ahead) is kept for the first read.
     */
    private boolean unwrapOnce() throws IOException {
        if (netIn == null) {
            return false;
        }
        ByteBuffer app = appBuffer();
        SSLEngineResult r;
        try {
            r = engine.unwrap(netIn, app);
        } finally {
            app.flip();
            if (!app.hasRemaining()) {
                pool.give(app);
                appIn = null;
            } else {
                appIn = app;
            }
        }
        releaseNetInIfEmpty();
        switch (r.getStatus()) {
            case BUFFER_UNDERFLOW -> {
                checkRecordFits();
                return false;
            }
            case CLOSED -> throw new EOFException("peer closed TLS during the handshake");
            case BUFFER_OVERFLOW -> throw new SSLProtocolException("TLS record larger than the engine's plaintext buffer");
            default -> {
                return r.bytesConsumed() > 0 || r.bytesProduced() > 0;
            }
        }
    }

    /** A record longer than a whole buffer can never complete: a hostile or broken peer. */
    private void checkRecordFits() throws SSLProtocolException {
        if (netIn != null && netIn.position() == 0 && netIn.limit() == netIn.capacity()) {
            throw new SSLProtocolException("TLS record larger than " + netIn.capacity() + " bytes");
        }
        if (netIn != null && netIn.remaining() >= 5) {
            int length = ((netIn.get(netIn.position() + 3) & 0xff) << 8) | (netIn.get(netIn.position() + 4) & 0xff);
            if (length > MAX_RECORD) {
                throw new SSLProtocolException("oversized TLS record (" + length + " bytes)");
            }
        }
    }

    private ByteBuffer appBuffer() {
        if (appIn != null) {
            appIn.compact();
            return appIn;
        }
        return pool.take();
    }

    /** Reads ciphertext from the socket into {@link #netIn}; bytes read, 0 if none, -1 at end of stream. */
    private int fill() throws IOException {
        if (netIn == null) {
            netIn = pool.take();
        } else {
            netIn.compact();
        }
        int n;
        try {
            n = under.read(netIn);
        } finally {
            netIn.flip();
            releaseNetInIfEmpty();
        }
        return n;
    }

    private void releaseNetInIfEmpty() {
        if (netIn != null && !netIn.hasRemaining()) {
            pool.give(netIn);
            netIn = null;
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }

    /** Wraps (part of) {@code src} into an empty {@link #netOut}; returns plaintext consumed. */
    private int wrapInto(ByteBuffer src) throws IOException {
        ByteBuffer out = pool.take();
        SSLEngineResult r;
        try {
            r = engine.wrap(src, out);
        } finally {
            out.flip();
            if (out.hasRemaining()) {
                netOut = out;
            } else {
                pool.give(out);
            }
        }
        switch (r.getStatus()) {
            case BUFFER_OVERFLOW -> throw new SSLException("TLS record does not fit a " + pool.size() + "-byte buffer");
            case CLOSED -> {
                if (r.bytesProduced() == 0 && src.hasRemaining()) {
                    throw new IOException("TLS output is closed");
                }
            }
            default -> { }
        }
        return r.bytesConsumed();
    }

    /** Sends pending ciphertext; true when none is left. */
    public boolean flush() throws IOException {
        if (netOut == null) {
            return true;
        }
        under.write(netOut);
        if (netOut.hasRemaining()) {
            return false;
        }
        pool.give(netOut);
        netOut = null;
        return true;
    }

    // ---- StreamTransport ----

    @Override
    public void attach(Wire wire) throws IOException {
        under.attach(wire);
    }

    @Override
    public void interest(boolean read, boolean write) {
        under.interest(read, write || netOut != null);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        int total = 0;
        while (dst.hasRemaining()) {
            if (appIn != null) {
                total += drainAppIn(dst);
                continue;
            }
            if (inboundClosed) {
                if (total > 0) {
                    return total;
                }
                endReported = true;
                return -1;
            }
            if (netIn == null || !unwrapApplication(dst)) {
                int n = fill();
                if (n < 0) {
                    if (total > 0) {
                        return total;
                    }
                    inboundClosed = true;
                    endReported = true;
                    try {
                        engine.closeInbound(); // throws on a truncation attack: logged by the wire as a read failure
                    } catch (SSLException e) {
                        throw new EOFException("peer ended the connection without TLS close_notify");
                    }
                    return -1;
                }
                if (n == 0) {
                    return total;
                }
                continue;
            }
            total += lastProduced;
        }
        return total;
    }

    private int lastProduced;

    /** Unwraps one record straight into {@code dst} when it has room, else via {@link #appIn}; false if no whole record is buffered. */
    private boolean unwrapApplication(ByteBuffer dst) throws IOException {
        lastProduced = 0;
        SSLEngineResult r;
        if (dst.remaining() >= engine.getSession().getApplicationBufferSize()) {
            int before = dst.position();
            r = engine.unwrap(netIn, dst);
            lastProduced = dst.position() - before;
        } else {
            ByteBuffer app = pool.take();
            try {
                r = engine.unwrap(netIn, app);
            } finally {
                app.flip();
                if (app.hasRemaining()) {
                    appIn = app;
                } else {
                    pool.give(app);
                }
            }
        }
        releaseNetInIfEmpty();
        switch (r.getStatus()) {
            case BUFFER_UNDERFLOW -> {
                checkRecordFits();
                return false;
            }
            case BUFFER_OVERFLOW -> throw new SSLProtocolException("TLS record larger than the plaintext buffer");
            case CLOSED -> {
                inboundClosed = true;
                // TLS 1.3 close_notify closes only the peer's direction (RFC 8446 6.1): the
                // role hears end of input and decides, as with a TCP half-close. Before 1.3 the
                // peer expects our close_notify at once (RFC 5246 7.2.1): answered, best effort.
                if (!"TLSv1.3".equals(engine.getSession().getProtocol()) && !engine.isOutboundDone()) {
                    engine.closeOutbound();
                    try {
                        if (netOut == null) {
                            wrapInto(EMPTY);
                        }
                        flush();
                    } catch (IOException ignored) {
                        // nobody left to tell
                    }
                }
                return true;
            }
            default -> { }
        }
        afterHandshakeMessage(r.getHandshakeStatus());
        // no progress (the engine waits to send first): read more rather than spin
        return r.bytesConsumed() > 0 || r.bytesProduced() > 0;
    }

    /** Post-handshake handshake messages: served on TLS 1.3, refused as renegotiation before it. */
    private void afterHandshakeMessage(HandshakeStatus hs) throws IOException {
        if (hs == HandshakeStatus.NOT_HANDSHAKING || hs == HandshakeStatus.FINISHED) {
            return;
        }
        if (!"TLSv1.3".equals(engine.getSession().getProtocol())) {
            throw new SSLProtocolException("TLS renegotiation refused");
        }
        while (true) {
            HandshakeStatus now = engine.getHandshakeStatus();
            if (now == HandshakeStatus.NEED_TASK) {
                runTasks();
            } else if (now == HandshakeStatus.NEED_WRAP && netOut == null) {
                wrapInto(EMPTY);
                flush();
            } else {
                // NEED_UNWRAP: more of the message is on its way; NEED_WRAP with output pending: the flush finishes it
                return;
            }
        }
    }

    private int drainAppIn(ByteBuffer dst) {
        int n = Math.min(dst.remaining(), appIn.remaining());
        int oldLimit = appIn.limit();
        appIn.limit(appIn.position() + n);
        dst.put(appIn);
        appIn.limit(oldLimit);
        if (!appIn.hasRemaining()) {
            pool.give(appIn);
            appIn = null;
        }
        return n;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        if (!flush()) {
            return 0;
        }
        int consumed = 0;
        while (src.hasRemaining()) {
            consumed += wrapInto(src);
            if (!flush()) {
                break;
            }
        }
        return consumed;
    }

    /** Whether ciphertext is waiting for the socket. */
    public boolean hasPendingOutput() {
        return netOut != null;
    }

    /**
     * Whether a whole record or decrypted plaintext is buffered here: it will not make the
     * socket readable again, so the wire must read it without waiting for readiness.
     */
    public boolean hasBufferedInput() {
        if (appIn != null) {
            return true;
        }
        if (inboundClosed && !endReported) {
            // close_notify came with the last data: the peer may keep TCP open waiting for
            // ours, so no readiness will tell the wire; its next read reports the end
            return true;
        }
        if (netIn == null || netIn.remaining() < 5 || inboundClosed) {
            return false;
        }
        int length = ((netIn.get(netIn.position() + 3) & 0xff) << 8) | (netIn.get(netIn.position() + 4) & 0xff);
        // an oversized header counts too: reading it is what refuses it, and the socket may stay silent
        return netIn.remaining() >= 5 + length || length > MAX_RECORD;
    }

    @Override
    public void shutdownOutput() throws IOException {
        if (!engine.isOutboundDone()) {
            engine.closeOutbound();
            if (flush()) {
                wrapInto(EMPTY);
                flush();
            }
        }
        under.shutdownOutput();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (handshakeDone && !engine.isOutboundDone()) {
            // one best-effort close_notify, only if nothing else is queued ahead of it
            try {
                engine.closeOutbound();
                if (netOut == null) {
                    wrapInto(EMPTY);
                    flush();
                }
            } catch (IOException | RuntimeException ignored) {
                // the connection is going away either way
            }
        }
        pool.give(netIn);
        pool.give(netOut);
        pool.give(appIn);
        netIn = netOut = appIn = null;
        under.close();
    }

    @Override
    public Optional<SocketAddress> remoteAddress() {
        return under.remoteAddress();
    }

    @Override
    public Optional<SocketAddress> localAddress() {
        return under.localAddress();
    }
}
