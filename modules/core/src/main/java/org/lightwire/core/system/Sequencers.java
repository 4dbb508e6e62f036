package org.lightwire.core.system;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.lightwire.api.RetryPolicy;
import org.lightwire.api.SequencerEvent;
import org.lightwire.api.SequencerHandler;
import org.lightwire.api.ServiceLoop;
import org.lightwire.core.loop.EventLoop;

/**
 * The sequencers of one loop. Each pass of the loop delivers at most one queued event to
 * each sequencer that has any, in the order the sequencers became ready.
 */
public final class Sequencers implements EventLoop.PassWork {

    private final ArrayDeque<SequencerImpl> ready = new ArrayDeque<>();
    private final List<SequencerImpl> all = new ArrayList<>();
    private ServiceLoop loop;

    /** Binds to the loop (done once, after the loop is built). */
    public void bind(ServiceLoop serviceLoop) {
        this.loop = serviceLoop;
    }

    /** Creates a sequencer and queues its CREATED event. Loop thread. */
    public SequencerImpl create(String name, RetryPolicy policy, SequencerHandler handler) {
        SequencerImpl s = new SequencerImpl(name, loop, policy, handler, this);
        all.add(s);
        s.enqueue(new SequencerEvent(SequencerEvent.Kind.CREATED, 0, null));
        return s;
    }

    void markPending(SequencerImpl s) {
        ready.add(s);
    }

    void forget(SequencerImpl s) {
        all.remove(s);
        ready.remove(s);
    }

    @Override
    public boolean hasWork() {
        return !ready.isEmpty();
    }

    @Override
    public void run() {
        int n = ready.size();
        for (int i = 0; i < n; i++) {
            SequencerImpl s = ready.poll();
            if (s != null && s.deliverOne()) {
                ready.add(s);
            }
        }
    }

    /** Destroys every sequencer (context shutdown). Loop thread. */
    public void destroyAll() {
        for (SequencerImpl s : new ArrayList<>(all)) {
            s.destroy();
        }
    }
}
