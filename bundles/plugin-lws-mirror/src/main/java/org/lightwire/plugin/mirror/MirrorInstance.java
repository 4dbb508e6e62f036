package org.lightwire.plugin.mirror;

import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.lightwire.api.Connection;
import org.lightwire.api.ws.WsMessageType;

/**
 * One mirror instance (lws {@code mirror_instance}): its members and the bounded ring of
 * messages they have not all read yet (lws {@code lws_ring} of {@code QUEUELEN} elements).
 *
 * <p>Every message goes into the ring once; each member reads it from there in its own
 * writeable events. The ring is bounded, so a reader that falls behind is handled the way
 * lws handles it, and never makes the instance buffer more:
 * <ul>
 *   <li>when fewer than {@code rxFlowMin} slots are free, every member's receiving is paused
 *       (TCP back-pressure on the senders) until {@code rxFlowMax} are free again;</li>
 *   <li>while senders are paused, the members holding the oldest unread message get
 *       {@code slowReaderSecs} to read something, or their connection is closed (lws' 3 s
 *       user timeout);</li>
 *   <li>a message that still arrives with the ring full (it was read before the pause) does
 *       not wait: the members holding the oldest message drop back, skipping to the newest,
 *       so the writer and the other readers go on.</li>
 * </ul>
 * Members may live on different loops: everything here is guarded by the instance's
 * monitor, and calls that must run on a member's loop are handed to it.
 */
final class MirrorInstance {

    private static final System.Logger LOG = System.getLogger(MirrorInstance.class.getName());

    /**
     * One ring element: its payload array is reused while big enough, so relaying allocates
     * only when a slot first sees a bigger message; never more than the message limit.
     */
    private static final class Slot {
        byte[] data = new byte[0];
        ByteBuffer view = ByteBuffer.wrap(data);
        int length;
        WsMessageType type = WsMessageType.TEXT;

        void store(ByteBuffer payload, WsMessageType kind) {
            int n = payload.remaining();
            if (data.length < n) {
                data = new byte[n];
                view = ByteBuffer.wrap(data);
            }
            payload.get(data, 0, n);
            length = n;
            type = kind;
        }
    }

    private final String vhost;
    private final String name;
    private final MirrorSettings settings;
    private final Slot[] ring;
    private final List<MirrorSession> members = new ArrayList<>();
    /** Sequence number of the next message inserted. */
    private long head;
    /** The oldest tail when last computed, to notice when it moves on. */
    private long oldest;
    private boolean rxEnabled = true;
    private long droppedBack;

    MirrorInstance(String vhost, String name, MirrorSettings settings) {
        this.vhost = vhost;
        this.name = name;
        this.settings = settings;
        this.ring = new Slot[settings.queueLength()];
        for (int i = 0; i < ring.length; i++) {
            ring[i] = new Slot();
        }
    }

    String name() {
        return name;
    }

    synchronized void join(MirrorSession session) {
        // as lws: a newcomer starts at the oldest tail, so it also gets what is still queued
        session.tail = oldestTail();
        members.add(session);
        if (!rxEnabled) {
            rxFlowControl(session.socket.connection(), false);
        }
        if (session.tail < head) {
            session.socket.connection().requestWriteable();
        }
    }

    /** @return the members left */
    synchronized int leave(MirrorSession session) {
        members.remove(session);
        if (!members.isEmpty()) {
            // the one leaving may have held the oldest tail: that frees space
            updateWorstTail();
        }
        return members.size();
    }

    /** A member sent a message: queue it for everyone (lws {@code LWS_CALLBACK_RECEIVE}). */
    synchronized void insert(ByteBuffer payload, WsMessageType type) {
        if (free() == 0) {
            dropBackSlowest();
        }
        ring[(int) (head % ring.length)].store(payload, type);
        head++;
        if (rxEnabled && free() < settings.rxFlowMin()) {
            setRx(false);
        }
        armSlowReaders();
        for (MirrorSession m : members) {
            m.socket.connection().requestWriteable();
        }
    }

    /** A member may write: send it its next message (lws {@code LWS_CALLBACK_SERVER_WRITEABLE}). */
    synchronized void sendNext(MirrorSession session) {
        if (session.tail >= head) {
            return;
        }
        boolean wasOldest = session.tail == oldestTail();
        Slot slot = ring[(int) (session.tail % ring.length)];
        slot.view.limit(slot.length).position(0);
        session.socket.send(slot.view, slot.type, true, true);
        session.tail++;
        if (session.tail < head) {
            session.socket.connection().requestWriteable();
        }
        if (session.slowDeadlineArmed) {
            // it read something: no longer hogging the oldest message
            disarm(session);
        }
        if (wasOldest) {
            updateWorstTail();
        }
    }

    private long oldestTail() {
        long o = head;
        for (MirrorSession m : members) {
            o = Math.min(o, m.tail);
        }
        return o;
    }

    private int free() {
        return ring.length - (int) (head - oldestTail());
    }

    /** lws {@code __mirror_update_worst_tail}: when the oldest tail moved on, maybe resume senders. */
    private void updateWorstTail() {
        long now = oldestTail();
        if (now == oldest) {
            return;
        }
        oldest = now;
        if (!rxEnabled && free() >= settings.rxFlowMax()) {
            setRx(true);
        }
        armSlowReaders();
    }

    /**
     * While the senders are paused because of the ring, the members at the oldest unread
     * message get a deadline to read it, unless they have one. (lws arms it whenever the
     * oldest tail moves; arming only under pressure spares two timer moves per member per
     * message in normal flow, and a reader is only "slow" when it holds the others up.)
     */
    private void armSlowReaders() {
        long o = oldestTail();
        if (rxEnabled || o == head) {
            return;
        }
        for (MirrorSession m : members) {
            if (m.tail == o && !m.slowDeadlineArmed) {
                m.slowDeadlineArmed = true;
                setTimeout(m.socket.connection(), settings.slowReaderSecs());
            }
        }
    }

    private static void disarm(MirrorSession m) {
        m.slowDeadlineArmed = false;
        setTimeout(m.socket.connection(), 0);
    }

    /** The ring is full and a message is here: the slowest readers skip to the newest. */
    private void dropBackSlowest() {
        long o = oldestTail();
        for (MirrorSession m : members) {
            if (m.tail == o) {
                long skipped = head - m.tail;
                m.tail = head;
                droppedBack++;
                LOG.log(Level.DEBUG, () -> "vhost '" + vhost + "', mirror '" + name + "': connection "
                        + m.socket.connection().id() + " is too slow, skipped " + skipped + " messages");
            }
        }
        oldest = oldestTail();
    }

    private void setRx(boolean enable) {
        rxEnabled = enable;
        for (MirrorSession m : members) {
            rxFlowControl(m.socket.connection(), enable);
            if (enable && m.slowDeadlineArmed) {
                disarm(m); // nobody is held up any more
            }
        }
    }

    // Connection calls belong on the connection's own loop: direct when already there (the
    // usual case, and allocation-free), else handed over.

    private static void rxFlowControl(Connection c, boolean enable) {
        if (c.loop().inLoop()) {
            c.rxFlowControl(enable);
        } else {
            c.loop().execute(() -> {
                if (c.isOpen()) {
                    c.rxFlowControl(enable);
                }
            });
        }
    }

    private static void setTimeout(Connection c, int secs) {
        if (c.loop().inLoop()) {
            c.setTimeout(Connection.TimeoutReason.USER, secs);
        } else {
            c.loop().execute(() -> {
                if (c.isOpen()) {
                    c.setTimeout(Connection.TimeoutReason.USER, secs);
                }
            });
        }
    }

    // --- for tests and status ---

    synchronized int waiting(MirrorSession session) {
        return (int) (head - session.tail);
    }

    synchronized int freeSlots() {
        return free();
    }

    synchronized boolean rxEnabled() {
        return rxEnabled;
    }

    synchronized long droppedBack() {
        return droppedBack;
    }

    synchronized int memberCount() {
        return members.size();
    }
}
