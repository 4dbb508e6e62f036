package org.lightwire.core.system;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.lightwire.api.SystemState;
import org.lightwire.core.loop.Fatal;

/**
 * The lws_system state machine. Steps run on one executor (loop 0 in a context), so
 * notifiers are never called concurrently; the public methods may be called from any
 * thread and are forwarded there.
 */
public final class SystemStateMachine implements SystemState {

    private static final System.Logger LOG = System.getLogger("org.lightwire.core");

    private final Executor executor;
    private final List<Notifier> notifiers = new CopyOnWriteArrayList<>();
    private volatile State current = State.CONTEXT_CREATED;
    private volatile State target = State.CONTEXT_CREATED;
    private boolean stepping;

    public SystemStateMachine(Executor executor) {
        this.executor = executor;
    }

    @Override
    public State current() {
        return current;
    }

    @Override
    public State target() {
        return target;
    }

    @Override
    public void transitionTo(State newTarget) {
        executor.execute(() -> {
            target = newTarget;
            advance();
        });
    }

    @Override
    public void resume() {
        executor.execute(this::advance);
    }

    @Override
    public AutoCloseable register(Notifier notifier) {
        notifiers.add(notifier);
        return () -> notifiers.remove(notifier);
    }

    /** Whether the system has reached {@code state} on its way to operation. */
    public boolean hasReached(State state) {
        State now = current;
        if (state == State.POLICY_INVALID || now == State.POLICY_INVALID) {
            return now == state;
        }
        return now.ordinal() >= state.ordinal();
    }

    private void advance() {
        if (stepping) {
            return; // a notifier called back into us; the running loop continues
        }
        stepping = true;
        try {
            while (current != target) {
                State from = current;
                State next = nextStep(from, target);
                Decision decision = ask(from, next);
                if (decision == Decision.DEFER) {
                    return;
                }
                if (decision == Decision.REFUSE) {
                    target = from;
                    return;
                }
                current = next;
                for (Notifier n : notifiers) {
                    try {
                        n.entered(next);
                    } catch (Throwable e) {
                        Fatal.rethrowIfFatal(e);
                        LOG.log(Level.ERROR, "system state notifier '" + n.name() + "' failed on entering " + next, e);
                    }
                }
            }
        } finally {
            stepping = false;
        }
    }

    private Decision ask(State from, State to) {
        for (Notifier n : notifiers) {
            Decision d;
            try {
                d = n.beforeStep(from, to);
            } catch (Throwable e) {
                Fatal.rethrowIfFatal(e);
                LOG.log(Level.ERROR, "system state notifier '" + n.name() + "' failed; refusing " + from + " -> " + to, e);
                d = Decision.REFUSE;
            }
            if (d != Decision.PROCEED) {
                Decision decided = d;
                LOG.log(Level.DEBUG, () -> "system state " + from + " -> " + to + ": " + decided + " by '" + n.name() + "'");
                return d;
            }
        }
        return Decision.PROCEED;
    }

    /** The next state on the way from {@code from} to {@code to}. */
    static State nextStep(State from, State to) {
        if (to == State.POLICY_INVALID) {
            return State.POLICY_INVALID;
        }
        if (from == State.POLICY_INVALID) {
            return State.INITIALIZED;
        }
        int direction = Integer.compare(to.ordinal(), from.ordinal());
        return State.values()[from.ordinal() + direction];
    }
}
