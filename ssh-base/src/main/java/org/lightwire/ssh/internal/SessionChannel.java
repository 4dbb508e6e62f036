package org.lightwire.ssh.internal;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.lightwire.api.Connection;
import org.lightwire.ssh.SshChannel;
import org.lightwire.ssh.SshPty;

/**
 * One "session" channel (RFC 4254 6) and its flow-control state: the window the client
 * granted us ({@link #peerWindow}, spent by output) and the one we granted it
 * ({@link #localWindow}, spent by its data, reopened after the ops consumed it).
 *
 * <p>Methods the ops may call from other threads only set flags or post a task to the
 * connection's loop; everything else runs on the loop.
 */
final class SessionChannel implements SshChannel {
    private final SshServerSession session;
    private final int id;
    final int peerId;
    final int peerMaxPacket;
    private final String user;
    long peerWindow;
    long localWindow;
    private volatile Object attachment;
    private volatile SshPty pty;

    /** The ops may have output; set from any thread, cleared by the loop before asking. */
    final AtomicBoolean txWanted = new AtomicBoolean(true);
    volatile boolean rxEnabled = true;
    boolean started;
    boolean eofReceived;
    boolean eofPending;
    boolean eofSent;
    boolean closeSent;
    boolean closeReceived;
    /** Exit to report once output is drained: status, or a signal name. */
    boolean exitPending;
    int exitStatus;
    String exitSignal;
    boolean exitCoreDumped;
    String exitMessage;
    volatile boolean open = true;

    SessionChannel(SshServerSession session, int id, int peerId, long peerWindow, int peerMaxPacket, long localWindow, String user) {
        this.session = session;
        this.id = id;
        this.peerId = peerId;
        this.peerWindow = peerWindow;
        this.peerMaxPacket = peerMaxPacket;
        this.localWindow = localWindow;
        this.user = user;
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public Connection connection() {
        return session.connection();
    }

    @Override
    public Optional<SshPty> pty() {
        return Optional.ofNullable(pty);
    }

    void pty(SshPty p) {
        this.pty = p;
    }

    @Override
    public Object attachment() {
        return attachment;
    }

    @Override
    public void attach(Object a) {
        this.attachment = a;
    }

    @Override
    public void requestTx() {
        txWanted.set(true);
        session.connection().requestWriteable();
    }

    @Override
    public int rxWindowSize() {
        return session.limits.channelWindow();
    }

    @Override
    public int rxMaxPacket() {
        return session.limits.channelMaxPacket();
    }

    @Override
    public void rxFlowControl(boolean enable) {
        rxEnabled = enable;
        if (enable) {
            session.onLoop(() -> session.channels.reopenWindow(this));
        }
    }

    @Override
    public void exit(int status) {
        session.onLoop(() -> {
            if (!exitPending) {
                exitPending = true;
                exitStatus = status;
                requestTx();
            }
        });
    }

    @Override
    public void exitSignal(String signalName, boolean coreDumped, String message) {
        session.onLoop(() -> {
            if (!exitPending) {
                exitPending = true;
                exitSignal = signalName;
                exitCoreDumped = coreDumped;
                exitMessage = message == null ? "" : message;
                requestTx();
            }
        });
    }

    @Override
    public void sendEof() {
        session.onLoop(() -> {
            eofPending = true;
            requestTx();
        });
    }

    @Override
    public void close() {
        session.onLoop(() -> session.channels.closeChannel(this));
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public String toString() {
        return "ssh channel " + id + " of " + session.connection().id() + " (user " + user + ")";
    }
}
