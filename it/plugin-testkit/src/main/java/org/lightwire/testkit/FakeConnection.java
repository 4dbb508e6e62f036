package org.lightwire.testkit;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.lightwire.api.Connection;
import org.lightwire.api.RetryPolicy;
import org.lightwire.api.Vhost;

/**
 * An accepted ("server") WebSocket connection (an lws {@code wsi}) that records what a protocol asks
 * of it: writeable requests, rx flow control and the timeout it arms. Writing raw bytes is refused, as
 * a WebSocket protocol must write through {@link org.lightwire.api.ws.WebSocket#send}.
 */
public final class FakeConnection implements Connection {

    /** Ids are unique across every fake in the JVM, as a context's are across its loops. */
    private static final AtomicLong IDS = new AtomicLong();

    private final long id = IDS.incrementAndGet();
    private final Vhost vhost;
    private final FakeLoop loop;
    private final SocketAddress peer;
    private boolean open = true;
    private boolean rxEnabled = true;
    private int writeableRequests;
    private TimeoutReason timeoutReason;
    private int timeoutSeconds;
    private int timeoutCalls;
    private Object userData;

    /** A connection on {@code loop} of {@code vhost} from {@code peerIp} (a literal address), port made up. */
    public FakeConnection(Vhost vhost, FakeLoop loop, String peerIp) {
        this.vhost = vhost;
        this.loop = loop;
        this.peer = new InetSocketAddress(peerIp, 40000 + (int) (id % 20000));
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
    public FakeLoop loop() {
        return loop;
    }

    @Override
    public String roleName() {
        return "ws";
    }

    @Override
    public String protocolName() {
        return "test";
    }

    @Override
    public boolean isClient() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public Optional<SocketAddress> peerAddress() {
        return Optional.of(peer);
    }

    @Override
    public Optional<SocketAddress> localAddress() {
        return Optional.empty();
    }

    /** Counted only while open: the role drops requests for a closed connection. */
    @Override
    public void requestWriteable() {
        if (open) {
            writeableRequests++;
        }
    }

    @Override
    public int write(ByteBuffer data) {
        throw new AssertionError("a WebSocket protocol writes through WebSocket.send, not Connection.write");
    }

    @Override
    public void sendTo(ByteBuffer data, SocketAddress destination) {
        throw new AssertionError("not a datagram connection");
    }

    @Override
    public void rxFlowControl(boolean enable) {
        rxEnabled = enable;
    }

    @Override
    public boolean isRxEnabled() {
        return rxEnabled;
    }

    /** Seconds of 0 disarm the timeout, as {@code lws_set_timeout(wsi, NO_PENDING_TIMEOUT, 0)} does. */
    @Override
    public void setTimeout(TimeoutReason reason, int seconds) {
        timeoutCalls++;
        timeoutReason = seconds == 0 ? null : reason;
        timeoutSeconds = seconds;
    }

    @Override
    public void confirmValidity() {
    }

    @Override
    public RetryPolicy retryPolicy() {
        return RetryPolicy.DEFAULT;
    }

    @Override
    public void close() {
        open = false;
    }

    @Override
    public Object userData() {
        return userData;
    }

    @Override
    public void setUserData(Object userData) {
        this.userData = userData;
    }

    /** Writeable events asked for since the last one {@link Peer#pump} delivered. */
    public int writeableRequests() {
        return writeableRequests;
    }

    /** The armed timeout's reason; null when none is armed. */
    public TimeoutReason timeoutReason() {
        return timeoutReason;
    }

    /** The seconds of the last {@link #setTimeout} (0 when it disarmed). */
    public int timeoutSeconds() {
        return timeoutSeconds;
    }

    /** How often {@link #setTimeout} was called: timer work a protocol did, arming or not. */
    public int timeoutCalls() {
        return timeoutCalls;
    }

    /** The role is delivering a writeable event: one event answers any number of requests. */
    void clearWriteableRequests() {
        writeableRequests = 0;
    }

    /** The connection went away (either side), without going through the protocol. */
    void markClosed() {
        open = false;
    }
}
