package org.lightwire.core.net;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.List;
import org.lightwire.api.RetryPolicy;
import org.lightwire.api.Timer;
import org.lightwire.core.loop.EventLoop;
import org.lightwire.core.loop.Selectable;

/**
 * Makes one client connection happen: resolves the host off the loop, tries each address
 * with a connect timeout, and retries whole attempts as the retry policy allows (lws
 * client connect plus {@code lws_retry_sul_schedule}). A role's failed handshake on the
 * connected socket ({@link Wire#handshakeFailed}), or its TLS handshake failing in a way
 * that may pass (reset, end of stream, timeout), is an attempt too: it spends the same
 * budget. Only the final failure reaches the protocol.
 */
final class Dialer implements Selectable {

    private static final System.Logger LOG = Wire.LOG;

    private final Network network;
    private final Wire wire;
    private final String host;
    private final int port;
    private final RetryPolicy policy;
    private final EventLoop loop;
    private final Timer connectTimer;
    private final Timer retryTimer;

    private int attempt;
    private List<InetAddress> addresses;
    private int addressIndex;
    private SocketChannel channel;
    private SelectionKey key;

    Dialer(Network network, Wire wire, String host, int port, RetryPolicy policy) {
        this.network = network;
        this.wire = wire;
        this.host = host;
        this.port = port;
        this.policy = policy;
        this.loop = wire.eventLoop();
        this.connectTimer = loop.scheduler().newTimer(this::connectTimedOut);
        this.retryTimer = loop.scheduler().newTimer(this::start);
        wire.onClosed(this::abandon);
        wire.dialer(this);
    }

    /** The wire closed (given up, or closed by the application while connecting). */
    private void abandon() {
        connectTimer.cancel();
        retryTimer.cancel();
        closeChannel();
    }

    /** Starts (or restarts) an attempt. Loop thread. */
    void start() {
        if (!wire.isOpen()) {
            return;
        }
        wire.markConnecting();
        network.resolver().resolve(host, loop, (addrs, failure) -> {
            if (!wire.isOpen()) {
                return;
            }
            if (failure != null || addrs == null || addrs.isEmpty()) {
                attemptFailed(new IOException("cannot resolve '" + host + "'"
                        + (failure == null ? "" : ": " + failure.getMessage()), failure), true);
                return;
            }
            addresses = addrs;
            addressIndex = 0;
            connectNext();
        });
    }

    private void connectNext() {
        InetSocketAddress target = new InetSocketAddress(addresses.get(addressIndex), port);
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            network.configureTcp(channel);
            if (channel.connect(target)) {
                key = loop.register(channel, 0, wire);
                connected();
                return;
            }
            key = loop.register(channel, SelectionKey.OP_CONNECT, this);
            connectTimer.schedule(network.settings().timeoutSecs() * 1_000_000L);
        } catch (IOException e) {
            addressFailed(e);
        }
    }

    @Override
    public void onReady(int readyOps) {
        try {
            if (channel.finishConnect()) {
                connectTimer.cancel();
                connected();
            }
        } catch (IOException e) {
            connectTimer.cancel();
            addressFailed(e);
        }
    }

    private void connectTimedOut() {
        addressFailed(new SocketTimeoutException("connect to " + host + ":" + port + " timed out after "
                + network.settings().timeoutSecs() + "s"));
    }

    private void connected() {
        SocketChannel connectedChannel = channel;
        SelectionKey connectedKey = key;
        // the wire owns them from now on
        channel = null;
        key = null;
        connectedKey.attach(wire);
        wire.openConnected(new SocketTransport(connectedChannel), connectedKey);
    }

    private void addressFailed(IOException cause) {
        closeChannel();
        if (addresses != null && addressIndex + 1 < addresses.size() && wire.isOpen()) {
            addressIndex++;
            connectNext();
            return;
        }
        attemptFailed(cause, true);
    }

    /**
     * This attempt failed: try again after the policy's delay while it conceals failures
     * (and {@code retryable}), else report {@code cause} once. Loop thread.
     */
    void attemptFailed(Throwable cause, boolean retryable) {
        if (!wire.isOpen()) {
            return;
        }
        if (retryable && policy.mayRetry(attempt)) {
            long delay = policy.delayMillis(attempt, loop.random().nextDouble());
            attempt++;
            LOG.log(Level.DEBUG, () -> wire.describe() + ": connect to " + host + ":" + port + " failed ("
                    + cause.getMessage() + "), retry " + attempt + " in " + delay + " ms");
            retryTimer.schedule(delay * 1_000L);
            return;
        }
        LOG.log(Level.INFO, () -> wire.describe() + ": connect to " + host + ":" + port + " failed: " + cause.getMessage());
        wire.connectFailed(cause);
    }

    private void closeChannel() {
        if (key != null) {
            key.cancel();
            key = null;
        }
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
            channel = null;
        }
    }
}
