package org.lightwire.core.net;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One vhost's traffic counters on one service loop (a slice of lws
 * {@code lws_vhost.conn_stats}). Only that loop's thread writes them, so an add is a plain
 * read plus an opaque write: no lock, no CAS, no allocation on the hot path.
 *
 * <p>Memory model: opaque access makes each long write atomic (no torn value on 32-bit
 * JVMs) and coherent per variable, so a reader on another thread, who reads with
 * {@code getOpaque}, sees every counter only grow and eventually sees the latest value.
 * No ordering between counters is promised, and none is needed: a status snapshot may be
 * a few events behind. This costs the writer no fence, unlike volatile or an atomic add.
 */
final class VhostCounters {

    private static final VarHandle RX;
    private static final VarHandle TX;
    private static final VarHandle ACCEPTED;
    private static final VarHandle TRANSACTIONS;
    private static final VarHandle UPGRADES;
    private static final VarHandle REJECTED;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            RX = l.findVarHandle(VhostCounters.class, "rx", long.class);
            TX = l.findVarHandle(VhostCounters.class, "tx", long.class);
            ACCEPTED = l.findVarHandle(VhostCounters.class, "accepted", long.class);
            TRANSACTIONS = l.findVarHandle(VhostCounters.class, "transactions", long.class);
            UPGRADES = l.findVarHandle(VhostCounters.class, "upgrades", long.class);
            REJECTED = l.findVarHandle(VhostCounters.class, "rejected", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    // written only by the owning loop's thread, through the handles above
    private long rx;
    private long tx;
    private long accepted;
    private long transactions;
    private long upgrades;
    private long rejected;

    void addRx(long n) {
        RX.setOpaque(this, rx + n);
    }

    void addTx(long n) {
        TX.setOpaque(this, tx + n);
    }

    void countAccepted() {
        ACCEPTED.setOpaque(this, accepted + 1);
    }

    void countTransaction() {
        TRANSACTIONS.setOpaque(this, transactions + 1);
    }

    void countUpgrade() {
        UPGRADES.setOpaque(this, upgrades + 1);
    }

    void countRejected() {
        REJECTED.setOpaque(this, rejected + 1);
    }

    long rx() {
        return (long) RX.getOpaque(this);
    }

    long tx() {
        return (long) TX.getOpaque(this);
    }

    long accepted() {
        return (long) ACCEPTED.getOpaque(this);
    }

    long transactions() {
        return (long) TRANSACTIONS.getOpaque(this);
    }

    long upgrades() {
        return (long) UPGRADES.getOpaque(this);
    }

    long rejected() {
        return (long) REJECTED.getOpaque(this);
    }
}
