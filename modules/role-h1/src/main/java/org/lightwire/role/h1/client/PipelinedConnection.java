package org.lightwire.role.h1.client;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.lightwire.api.ClientRequest;
import org.lightwire.api.Connection;
import org.lightwire.api.RetryPolicy;
import org.lightwire.api.ServiceLoop;
import org.lightwire.api.Timer;
import org.lightwire.api.Vhost;
import org.lightwire.api.WriteDisciplineException;

/**
 * The connection object of a pipelined HTTP client request that has no network
 * connection of its own (lws: a client wsi queued on another's {@code dll_cli_active_conns}).
 * It carries the request's identity and rx flow control, and passes writes, writeable
 * requests and closes to whichever connection carries the request at the moment — another
 * request's connection while pipelined, its own if it fell back to one.
 *
 * <p>It is open until the request ends: after the response completes the session receives
 * its closed event and the object closes, while the shared network connection goes on.
 */
final class PipelinedConnection implements Connection {

    // kept apart from core's connection numbers, which count up from 1
    private static final AtomicLong IDS = new AtomicLong(1L << 40);

    private final long id = IDS.incrementAndGet();
    private final Vhost vhost;
    private final ServiceLoop loop;
    private final ClientRequest request;
    private final RetryPolicy retryPolicy;
    private final ClientExchange exchange;
    private volatile boolean open = true;
    private Object userData;
    private Timer userTimer;

    PipelinedConnection(Vhost vhost, ServiceLoop loop, ClientRequest request, ClientExchange exchange) {
        this.vhost = vhost;
        this.loop = loop;
        this.request = request;
        this.retryPolicy = request.retryPolicy().orElse(vhost.retryPolicy());
        this.exchange = exchange;
        this.userData = request.userData();
    }

    ClientExchange exchange() {
        return exchange;
    }

    /** The request ended (the session heard failed or closed). */
    void ended() {
        open = false;
        if (userTimer != null) {
            userTimer.cancel();
        }
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public Kind kind() {
        return Kind.SOCKET;
    }

    @Override
    public Vhost vhost() {
        return vhost;
    }

    @Override
    public ServiceLoop loop() {
        return loop;
    }

    @Override
    public String roleName() {
        return "h1";
    }

    @Override
    public String protocolName() {
        return request.protocol();
    }

    @Override
    public boolean isClient() {
        return true;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public Optional<SocketAddress> peerAddress() {
        H1ClientHandler c = exchange.carrier;
        return c == null ? Optional.empty() : c.wire().peerAddress();
    }

    @Override
    public Optional<SocketAddress> localAddress() {
        H1ClientHandler c = exchange.carrier;
        return c == null ? Optional.empty() : c.wire().localAddress();
    }

    @Override
    public void requestWriteable() {
        if (!loop.inLoop()) {
            loop.execute(this::requestWriteable);
            return;
        }
        if (open) {
            exchange.requestWriteable();
        }
    }

    @Override
    public int write(ByteBuffer data) {
        checkLoop("write");
        if (!open || exchange.carrier == null) {
            throw new WriteDisciplineException(this + ": write on a request that is not being sent");
        }
        int n = data.remaining();
        exchange.carrier.writeBody(exchange, data, false);
        return n;
    }

    @Override
    public void sendTo(ByteBuffer data, SocketAddress destination) {
        throw new UnsupportedOperationException(this + " is not a datagram connection");
    }

    @Override
    public void rxFlowControl(boolean enable) {
        checkLoop("rxFlowControl");
        exchange.rxWanted = enable;
        H1ClientHandler c = exchange.carrier;
        if (c != null && c.isReceiving(exchange)) {
            c.wire().rxFlowControl(enable);
        }
    }

    @Override
    public boolean isRxEnabled() {
        return exchange.rxWanted;
    }

    @Override
    public void setTimeout(TimeoutReason reason, int seconds) {
        checkLoop("setTimeout");
        if (seconds <= 0) {
            if (userTimer != null) {
                userTimer.cancel();
            }
            return;
        }
        if (userTimer == null) {
            userTimer = loop.scheduler().newTimer(this::close);
        }
        userTimer.schedule(seconds * 1_000_000L);
    }

    @Override
    public void confirmValidity() {
        // validity belongs to the network connection, which h1 never pings
    }

    @Override
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    @Override
    public void close() {
        if (!loop.inLoop()) {
            loop.execute(this::close);
            return;
        }
        if (!open) {
            return;
        }
        H1ClientHandler c = exchange.carrier;
        if (c != null) {
            c.abandon(exchange);
        } else {
            exchange.fail(new IOException("closed before the request was sent"));
        }
    }

    @Override
    public Object userData() {
        return userData;
    }

    @Override
    public void setUserData(Object userData) {
        this.userData = userData;
    }

    private void checkLoop(String what) {
        if (!loop.inLoop()) {
            throw new IllegalStateException(this + ": " + what + " called from thread '"
                    + Thread.currentThread().getName() + "'; only the connection's loop thread may call it");
        }
    }

    @Override
    public String toString() {
        return "vhost '" + vhost.name() + "' protocol '" + request.protocol() + "' pipelined request #" + id
                + " " + exchange;
    }
}
