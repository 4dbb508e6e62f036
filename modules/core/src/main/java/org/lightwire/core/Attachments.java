package org.lightwire.core;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.lightwire.api.ServiceLoop;
import org.lightwire.api.SystemState;
import org.lightwire.core.loop.EventLoop;
import org.lightwire.core.system.SystemStateMachine;

/**
 * Foreign-thread attach requests (lws {@code lws_system_ops.attach}): each waits for its
 * system state and then runs on its loop.
 */
final class Attachments implements SystemState.Notifier {

    private record Pending(EventLoop loop, SystemState.State state, Consumer<ServiceLoop> callback) {
    }

    private final SystemStateMachine systemState;
    private final List<Pending> pending = new ArrayList<>();

    Attachments(List<EventLoop> loops, SystemStateMachine systemState) {
        this.systemState = systemState;
    }

    void add(EventLoop loop, SystemState.State state, Consumer<ServiceLoop> callback) {
        synchronized (pending) {
            if (!systemState.hasReached(state)) {
                pending.add(new Pending(loop, state, callback));
                return;
            }
        }
        loop.execute(() -> callback.accept(loop));
    }

    @Override
    public String name() {
        return "attach";
    }

    @Override
    public void entered(SystemState.State state) {
        List<Pending> due = new ArrayList<>();
        synchronized (pending) {
            for (Iterator<Pending> it = pending.iterator(); it.hasNext();) {
                Pending p = it.next();
                if (systemState.hasReached(p.state())) {
                    due.add(p);
                    it.remove();
                }
            }
        }
        for (Pending p : due) {
            p.loop().execute(() -> p.callback().accept(p.loop()));
        }
    }
}
