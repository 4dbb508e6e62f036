package org.lightwire.role.rawproxy;

import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.function.Supplier;

/**
 * One proxied pair (lws raw-proxy's {@code struct conn}): the accepted connection and its
 * onward client connection, both on the same loop, so no state here needs locking.
 *
 * <p>Flow control: each direction holds at most one read. A side is read only while the
 * bytes it sent before have all been handed to its partner's socket — the relay's buffer
 * toward the partner is empty and the partner has no output pending in core. Otherwise it
 * is paused ({@code rxFlowControl(false)}), and the partner's next writeable event, which
 * core delivers only once the partner's socket took everything, resumes it. A partner that
 * stops reading therefore stops the other side's reads, and TCP pushes back to its peer.
 *
 * <p>Ends: a peer's end of stream is passed on as a half-close of the partner once
 * everything before it was sent; a connection whose input ended and whose output was shut
 * is finished and closes. When one side closes outright, the bytes it sent that the other
 * has not yet received are still delivered (within {@code drainSecs}), then the other
 * closes too. The accepted side is not read until the onward connection is up; if that
 * fails, the accepted side closes with a log line naming the target: a warning, throttled
 * per vhost so a dead upstream under a flood of clients logs one line per interval (with
 * the count left out since the last), the rest at debug.
 */
final class Relay {

    static final System.Logger LOG = System.getLogger("org.lightwire.role.rawproxy");

    private static final int ACC = 0;
    private static final int ONW = 1;

    private final Endpoint[] ends = new Endpoint[2];
    /** Bytes read from one side, waiting to be written to side i. Empty: position == limit. */
    private final ByteBuffer[] toward = new ByteBuffer[2];
    private final boolean[] inputEnded = new boolean[2];
    private final boolean[] outputShut = new boolean[2];
    private final boolean[] closed = new boolean[2];
    private final int bufferSize;
    private final int drainSecs;
    private final String target;
    private final String vhost;
    private final LogThrottle failureLog;
    private boolean onwardUp;
    private boolean onwardGone;
    private Runnable cancelDial;

    /**
     * @param accepted   the accepted connection
     * @param bufferSize the most one read brings (the context's rx-buffer-size)
     * @param drainSecs  how long a side may take to receive its closed partner's last bytes
     * @param target     the onward target, for logs
     * @param vhost      the vhost name, for logs
     * @param failureLog the vhost's throttle for onward connect failure warnings
     */
    Relay(Endpoint accepted, int bufferSize, int drainSecs, String target, String vhost, LogThrottle failureLog) {
        this.ends[ACC] = accepted;
        this.bufferSize = bufferSize;
        this.drainSecs = drainSecs;
        this.target = target;
        this.vhost = vhost;
        this.failureLog = failureLog;
    }

    // ---- accepted side ----

    /**
     * The accepted connection is ready (adopted, or handed over by another role with the
     * bytes it had read, {@code early}, which go onward first). It is not read until the
     * onward connection is up.
     */
    void acceptedOpened(ByteBuffer early) {
        if (early != null && early.hasRemaining()) {
            take(ONW, early);
        }
        refreshReceiving(ACC);
    }

    /** The onward connection is being dialed; {@code cancel} abandons it. */
    void dialing(Runnable cancel) {
        this.cancelDial = cancel;
        if (closed[ACC] && !onwardGone) {
            cancel.run();
        }
    }

    // ---- onward side ----

    /** The onward connection's handler exists (it is still connecting). */
    void onwardBound(Endpoint onward) {
        ends[ONW] = onward;
    }

    /** The onward connection is up: send what the accepted side sent meanwhile, start reading both. */
    void onwardOpened() {
        onwardUp = true;
        LOG.log(Level.DEBUG, () -> prefix() + "onward connection to " + target + " for " + ends[ACC].peer() + " is up");
        if (closed[ACC]) {
            // the accepted side left while we were connecting: nothing to relay
            ends[ONW].close();
            return;
        }
        ends[ONW].requestWriteable();
        refreshReceiving(ONW);
        refreshReceiving(ACC);
    }

    /** The onward connection could not be made: the accepted side closes. */
    void onwardFailed(Throwable cause) {
        onwardGone = true;
        closed[ONW] = true;
        if (closed[ACC]) {
            return; // we gave up the dial ourselves
        }
        String peer = ends[ACC].peer();
        Supplier<String> failure = () -> prefix() + "onward connection to " + target + " for " + peer + " failed: "
                + describe(cause) + "; closing the accepted connection";
        long held = failureLog.admit();
        if (held == LogThrottle.HOLD) {
            LOG.log(Level.DEBUG, failure);
        } else if (held == 0) {
            LOG.log(Level.WARNING, failure);
        } else {
            LOG.log(Level.WARNING, () -> failure.get() + " (and " + held
                    + " more on this vhost since the last warning, logged at debug level only)");
        }
        ends[ACC].close();
    }

    // ---- events of either side ----

    /** Bytes arrived on {@code end}: they go to its partner, and {@code end} pauses until they have. */
    void received(Endpoint end, ByteBuffer data) {
        int s = side(end);
        int o = 1 - s;
        if (closed[o] || outputShut[o]) {
            // the partner is gone (we are only draining toward this side): nothing can take these
            data.position(data.limit());
            return;
        }
        take(o, data);
        refreshReceiving(s);
        if (o == ACC || onwardUp) {
            ends[o].requestWriteable();
        }
    }

    /** {@code end} may write: pass on what its partner sent, then what follows from that. */
    void writeable(Endpoint end) {
        int s = side(end);
        int o = 1 - s;
        if (closed[s] || s == ONW && !onwardUp) {
            return;
        }
        ByteBuffer buf = toward[s];
        if (buf != null && buf.hasRemaining()) {
            ends[s].send(buf);
            buf.clear().limit(0);
        }
        if (ends[s].hasPendingOutput()) {
            // the event after the socket took it all continues from here
            ends[s].requestWriteable();
            return;
        }
        if (closed[o]) {
            ends[s].close();
            return;
        }
        if (inputEnded[o] && !outputShut[s]) {
            outputShut[s] = true;
            ends[s].shutdownOutput();
            if (finishIfDone(s)) {
                return;
            }
        }
        refreshReceiving(o);
    }

    /**
     * {@code end}'s peer sent its last byte. The connection stays for the other direction;
     * the partner is half-closed once it has received everything before the end.
     *
     * @return true: core keeps the connection open
     */
    boolean inputEnded(Endpoint end) {
        int s = side(end);
        int o = 1 - s;
        inputEnded[s] = true;
        if (finishIfDone(s)) {
            return true;
        }
        if (o == ACC || onwardUp) {
            // the partner's writeable event shuts its output once nothing is left to send
            ends[o].requestWriteable();
        }
        return true;
    }

    /** {@code end} closed (its peer reset, a timeout, or we closed it). */
    void closed(Endpoint end) {
        int s = side(end);
        int o = 1 - s;
        closed[s] = true;
        if (s == ACC && !onwardUp && !onwardGone) {
            // still dialing: abandon it (its connect-failed event follows and stays quiet)
            if (cancelDial != null) {
                cancelDial.run();
            }
            return;
        }
        if (closed[o] || ends[o] == null) {
            return;
        }
        ByteBuffer buf = toward[o];
        if (buf != null && buf.hasRemaining() || ends[o].hasPendingOutput()) {
            ends[o].receiving(false);
            ends[o].closeAfter(drainSecs);
            ends[o].requestWriteable();
        } else {
            ends[o].close();
        }
    }

    // ---- rules ----

    /** Copies one read into the buffer toward side {@code to}, which must be empty (its source is paused until it is). */
    private void take(int to, ByteBuffer data) {
        ByteBuffer buf = toward[to];
        if (buf != null && buf.hasRemaining()) {
            throw new IllegalStateException("raw-proxy: a read arrived while the previous one was not yet passed on");
        }
        if (buf == null || buf.capacity() < data.remaining()) {
            // allocated once per direction (a hand-over may bring more than one read)
            buf = ByteBuffer.allocateDirect(Math.max(bufferSize, data.remaining()));
            toward[to] = buf;
        }
        buf.clear();
        buf.put(data).flip();
    }

    /** Reads side {@code s} exactly when what it sent before has all gone to its partner's socket. */
    private void refreshReceiving(int s) {
        Endpoint e = ends[s];
        if (e == null || closed[s] || inputEnded[s]) {
            return;
        }
        int o = 1 - s;
        ByteBuffer buf = toward[o];
        boolean partnerReady = onwardUp && !closed[o] && !outputShut[o]
                && (buf == null || !buf.hasRemaining()) && !ends[o].hasPendingOutput();
        e.receiving(partnerReady);
    }

    /** Closes side {@code s} once both its directions have ended; true if it did. */
    private boolean finishIfDone(int s) {
        if (inputEnded[s] && outputShut[s]) {
            ends[s].close();
            return true;
        }
        return false;
    }

    private int side(Endpoint end) {
        if (end == ends[ACC]) {
            return ACC;
        }
        if (end == ends[ONW]) {
            return ONW;
        }
        throw new IllegalArgumentException("raw-proxy: connection is not part of this relay");
    }

    private String prefix() {
        return "raw-proxy: vhost '" + vhost + "': ";
    }

    private static String describe(Throwable cause) {
        if (cause == null) {
            return "unknown reason";
        }
        String m = cause.getMessage();
        return m == null || m.isEmpty() ? cause.getClass().getSimpleName() : m;
    }
}
