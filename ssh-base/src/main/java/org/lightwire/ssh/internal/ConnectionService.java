package org.lightwire.ssh.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import org.lightwire.ssh.SshDisconnect;
import org.lightwire.ssh.SshOps;
import org.lightwire.ssh.SshPty;

/**
 * The ssh-connection service (RFC 4254) for session channels: open and close, requests
 * (pty-req, env, shell, exec, window-change, signal), data both ways with window flow
 * control, exit-status / exit-signal. Channel numbers are slots in a fixed table of
 * {@code max-channels}, so a data packet finds its channel without a map or allocation.
 */
final class ConnectionService {
    private static final Logger LOG = System.getLogger("org.lightwire.ssh");
    /** Largest channel output produced per writeable event before yielding to other connections. */
    static final int OUTPUT_PER_EVENT = 128 * 1024;
    private static final long MAX_WINDOW = 0xffffffffL;

    private final SshServerSession session;
    private final SessionChannel[] slots;

    ConnectionService(SshServerSession session) {
        this.session = session;
        this.slots = new SessionChannel[session.limits.maxChannels()];
    }

    boolean handle(int type, PayloadReader r) throws SshProtocolException {
        switch (type) {
            case Msg.GLOBAL_REQUEST: {
                r.ascii(256);
                boolean wantReply = r.bool();
                r.skip(r.remaining());
                if (wantReply) {
                    session.send(session.writer.reset().u8(Msg.REQUEST_FAILURE));
                }
                return true;
            }
            case Msg.CHANNEL_OPEN:
                open(r);
                return true;
            case Msg.CHANNEL_WINDOW_ADJUST: {
                SessionChannel ch = channel(r.u32());
                long add = r.u32() & 0xffffffffL;
                r.end("WINDOW_ADJUST");
                if (ch.peerWindow + add > MAX_WINDOW) {
                    throw new SshProtocolException(SshDisconnect.PROTOCOL_ERROR, "window adjust beyond 2^32-1 on channel " + ch.id());
                }
                ch.peerWindow += add;
                ch.txWanted.set(true);
                session.connection().requestWriteable();
                return true;
            }
            case Msg.CHANNEL_DATA:
            case Msg.CHANNEL_EXTENDED_DATA:
                data(type, r);
                return true;
            case Msg.CHANNEL_EOF: {
                SessionChannel ch = channel(r.u32());
                r.end("CHANNEL_EOF");
                if (!ch.eofReceived && !ch.closeSent) {
                    ch.eofReceived = true;
                    session.ops.eof(ch);
                }
                return true;
            }
            case Msg.CHANNEL_CLOSE: {
                SessionChannel ch = channel(r.u32());
                r.end("CHANNEL_CLOSE");
                ch.closeReceived = true;
                closeChannel(ch);
                return true;
            }
            case Msg.CHANNEL_REQUEST:
                request(r);
                return true;
            case Msg.CHANNEL_SUCCESS:
            case Msg.CHANNEL_FAILURE:
            case Msg.REQUEST_SUCCESS:
            case Msg.REQUEST_FAILURE:
                // answers to requests we never make with want-reply; nothing to match them with
                r.skip(r.remaining());
                return true;
            case Msg.CHANNEL_OPEN_CONFIRMATION:
            case Msg.CHANNEL_OPEN_FAILURE:
                throw new SshProtocolException(SshDisconnect.PROTOCOL_ERROR, "answer to a channel open the server never sent");
            default:
                return false;
        }
    }

    private void open(PayloadReader r) throws SshProtocolException {
        String type = r.ascii(64);
        int peerId = r.u32();
        long window = r.u32() & 0xffffffffL;
        int maxPacket = r.u32();
        r.skip(r.remaining()); // type-specific data of types we refuse
        if (!type.equals("session")) {
            openFailure(peerId, Msg.OPEN_UNKNOWN_CHANNEL_TYPE, "channel type '" + type + "' is not supported");
            return;
        }
        int slot = freeSlot();
        if (slot < 0) {
            openFailure(peerId, Msg.OPEN_RESOURCE_SHORTAGE, "too many channels");
            return;
        }
        // a peer max packet of 0 (or absurdly small) would stall output forever
        int peerMax = Integer.compareUnsigned(maxPacket, 64) < 0 ? 64 : Integer.compareUnsigned(maxPacket, 1 << 20) > 0 ? 1 << 20 : maxPacket;
        SessionChannel ch = new SessionChannel(session, slot, peerId, window, peerMax, session.limits.channelWindow(),
                session.auth.user());
        if (!session.ops.channelCreate(ch)) {
            ch.open = false;
            openFailure(peerId, Msg.OPEN_ADMINISTRATIVELY_PROHIBITED, "refused");
            return;
        }
        slots[slot] = ch;
        ch.txWanted.set(false);
        session.send(session.writer.reset().u8(Msg.CHANNEL_OPEN_CONFIRMATION).u32(peerId).u32(slot)
                .u32(session.limits.channelWindow()).u32(session.limits.channelMaxPacket()));
    }

    private void openFailure(int peerId, int code, String why) {
        session.send(session.writer.reset().u8(Msg.CHANNEL_OPEN_FAILURE).u32(peerId).u32(code).string(why).string(""));
    }

    private void data(int type, PayloadReader r) throws SshProtocolException {
        SessionChannel ch = channel(r.u32());
        if (type == Msg.CHANNEL_EXTENDED_DATA) {
            r.u32(); // data type code: a client's "stderr" means nothing to a server
        }
        ByteBuffer data = r.stringView();
        r.end("CHANNEL_DATA");
        int n = data.remaining();
        if (n > session.limits.channelMaxPacket()) {
            throw new SshProtocolException(SshDisconnect.PROTOCOL_ERROR,
                    "channel data of " + n + " bytes exceeds the maximum packet " + session.limits.channelMaxPacket());
        }
        if (n > ch.localWindow) {
            throw new SshProtocolException(SshDisconnect.PROTOCOL_ERROR,
                    "window overflow on channel " + ch.id() + ": " + n + " bytes sent, " + ch.localWindow + " allowed");
        }
        ch.localWindow -= n;
        if (ch.eofReceived) {
            throw new SshProtocolException(SshDisconnect.PROTOCOL_ERROR, "channel data after EOF on channel " + ch.id());
        }
        if (type == Msg.CHANNEL_DATA && !ch.closeSent && n > 0) {
            session.ops.rx(ch, data);
        }
        reopenWindow(ch);
    }

    /** Grants the client its window back once half of it is used, unless the ops paused input. */
    void reopenWindow(SessionChannel ch) {
        long full = session.limits.channelWindow();
        if (ch.rxEnabled && ch.open && !ch.closeSent && ch.localWindow <= full / 2) {
            int add = (int) (full - ch.localWindow);
            ch.localWindow = full;
            session.send(session.writer.reset().u8(Msg.CHANNEL_WINDOW_ADJUST).u32(ch.peerId).u32(add));
        }
    }

    private void request(PayloadReader r) throws SshProtocolException {
        SessionChannel ch = channel(r.u32());
        String type = r.ascii(64);
        boolean wantReply = r.bool();
        boolean ok;
        SshOps ops = session.ops;
        switch (type) {
            case "pty-req": {
                String term = r.utf8(256);
                int cols = r.u32();
                int rows = r.u32();
                int wpx = r.u32();
                int hpx = r.u32();
                byte[] modes = r.string();
                r.end("pty-req");
                SshPty pty = new SshPty(term, cols, rows, wpx, hpx, modes);
                ok = !ch.started && ops.ptyReq(ch, pty);
                if (ok) {
                    ch.pty(pty);
                }
                break;
            }
            case "env": {
                String name = r.utf8(1024);
                String value = r.utf8(32 * 1024);
                r.end("env");
                ok = !ch.started && ops.setEnv(ch, name, value);
                break;
            }
            case "shell":
                r.end("shell");
                ok = !ch.started && ops.shell(ch);
                ch.started |= ok;
                break;
            case "exec": {
                String command = r.utf8(session.limits.channelMaxPacket());
                r.end("exec");
                ok = !ch.started && ops.exec(ch, command);
                ch.started |= ok;
                break;
            }
            case "window-change": {
                int cols = r.u32();
                int rows = r.u32();
                int wpx = r.u32();
                int hpx = r.u32();
                r.end("window-change");
                ops.windowChange(ch, cols, rows, wpx, hpx);
                ok = true;
                break;
            }
            case "signal": {
                String sig = r.ascii(64);
                r.end("signal");
                ok = ops.signal(ch, sig);
                break;
            }
            default:
                // subsystem, x11-req, agent forwarding, ...: not provided by ssh-base
                r.skip(r.remaining());
                ok = false;
                break;
        }
        if (wantReply && !ch.closeSent) {
            session.send(session.writer.reset().u8(ok ? Msg.CHANNEL_SUCCESS : Msg.CHANNEL_FAILURE).u32(ch.peerId));
        }
        if (ok && ch.started) {
            ch.txWanted.set(true);
            session.connection().requestWriteable();
        }
    }

    private SessionChannel channel(int id) throws SshProtocolException {
        SessionChannel ch = id >= 0 && id < slots.length ? slots[id] : null;
        if (ch == null) {
            throw new SshProtocolException(SshDisconnect.PROTOCOL_ERROR, "message for channel " + Integer.toUnsignedString(id) + " which is not open");
        }
        return ch;
    }

    private int freeSlot() {
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] == null) {
                return i;
            }
        }
        return -1;
    }

    // ---- output ---------------------------------------------------------------------------

    boolean wantsOutput() {
        for (SessionChannel ch : slots) {
            if (ch != null && ch.txWanted.get() && (ch.peerWindow > 0 || ch.exitPending || ch.eofPending)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Pulls output from the ops for every channel that has some, within each client window
     * and packet size, until {@link #OUTPUT_PER_EVENT} is queued; then sends what channels
     * have finished (exit status, EOF, CLOSE).
     */
    void pullOutput() throws SshProtocolException {
        int budget = OUTPUT_PER_EVENT;
        for (SessionChannel ch : slots) {
            if (ch == null || ch.closeSent || !ch.txWanted.getAndSet(false)) {
                continue;
            }
            boolean drained = true;
            while (!ch.eofSent) {
                int waiting = session.ops.txWaiting(ch);
                if (waiting == 0) {
                    break;
                }
                if (ch.peerWindow == 0 || budget <= 0) {
                    drained = false;
                    if (budget <= 0) {
                        ch.txWanted.set(true);
                    }
                    break;
                }
                int which = (waiting & SshOps.TX_STDOUT) != 0 ? SshOps.TX_STDOUT : SshOps.TX_STDERR;
                int n = sendData(ch, which, (int) Math.min(Math.min(ch.peerWindow, ch.peerMaxPacket), budget));
                if (n == 0) {
                    break; // the ops said waiting but gave nothing: ask again on requestTx
                }
                budget -= n;
            }
            if (drained) {
                finishIfDone(ch);
            }
        }
    }

    private int sendData(SessionChannel ch, int which, int max) {
        PayloadWriter w = session.writer.reset();
        if (which == SshOps.TX_STDOUT) {
            w.u8(Msg.CHANNEL_DATA).u32(ch.peerId);
        } else {
            w.u8(Msg.CHANNEL_EXTENDED_DATA).u32(ch.peerId).u32(1);
        }
        int lengthAt = w.reserve(4);
        int dataAt = w.reserve(max);
        ByteBuffer out = ByteBuffer.wrap(w.array(), dataAt, max).slice();
        session.ops.tx(ch, which, out);
        int n = out.position();
        if (n <= 0) {
            return 0;
        }
        w.truncate(dataAt + n);
        w.putU32At(lengthAt, n);
        ch.peerWindow -= n;
        session.send(w);
        return n;
    }

    private void finishIfDone(SessionChannel ch) {
        if (ch.exitPending && !ch.closeSent) {
            PayloadWriter w = session.writer.reset().u8(Msg.CHANNEL_REQUEST).u32(ch.peerId);
            if (ch.exitSignal == null) {
                w.string("exit-status").bool(false).u32(ch.exitStatus);
            } else {
                w.string("exit-signal").bool(false).string(ch.exitSignal).bool(ch.exitCoreDumped).string(ch.exitMessage).string("");
            }
            session.send(w);
            sendEof(ch);
            sendClose(ch);
        } else if (ch.eofPending) {
            sendEof(ch);
        }
    }

    private void sendEof(SessionChannel ch) {
        if (!ch.eofSent) {
            ch.eofSent = true;
            session.send(session.writer.reset().u8(Msg.CHANNEL_EOF).u32(ch.peerId));
        }
    }

    private void sendClose(SessionChannel ch) {
        if (!ch.closeSent) {
            ch.closeSent = true;
            session.send(session.writer.reset().u8(Msg.CHANNEL_CLOSE).u32(ch.peerId));
        }
        if (ch.closeReceived) {
            destroy(ch);
        }
    }

    /** Closes {@code ch} from our side or answers the client's CLOSE; destroys it once both are done. */
    void closeChannel(SessionChannel ch) {
        if (slots[ch.id()] != ch) {
            return;
        }
        sendClose(ch);
    }

    private void destroy(SessionChannel ch) {
        if (slots[ch.id()] == ch) {
            slots[ch.id()] = null;
            ch.open = false;
            try {
                session.ops.channelDestroy(ch);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "ssh ops channelDestroy failed for " + ch, e);
            }
        }
    }

    /** The connection has gone: every channel is destroyed (ops see channelDestroy once each). */
    void destroyAll() {
        for (SessionChannel ch : slots) {
            if (ch != null) {
                destroy(ch);
            }
        }
    }
}
