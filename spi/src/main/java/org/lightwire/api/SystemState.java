package org.lightwire.api;

/**
 * The readiness of the system, stepped through in order from context creation to
 * operational (lws {@code lws_system} states).
 *
 * <p>A transition toward a target state goes one state at a time. Before each step every
 * registered {@link Notifier} is asked; any of them may let it proceed, defer it (the
 * system waits in the current state until someone calls {@link #resume()}, typically when
 * the notifier's asynchronous work is done), or refuse it (the transition toward the
 * target is abandoned). After each step notifiers are told the new state.
 *
 * <p>Callable from any thread; notifiers are called on loop 0's thread.
 */
public interface SystemState {

    /** The generic states, in the order a transition steps through them. */
    enum State {
        /** The context was just created. */
        CONTEXT_CREATED,
        /** Vhost protocols have been initialized. */
        INITIALIZED,
        /** Existing network interfaces have been looked at. */
        IFACE_COLDPLUG,
        /** The network identity is available. */
        DHCP,
        /** The system knows the time. */
        TIME_VALID,
        /** Whatever policy the system fetches from the network is in hand. */
        POLICY_VALID,
        /** The device has a registered identity. */
        REGISTERED,
        /** The identity has produced a time-limited access token. */
        AUTH1,
        /** An optional second access token is in hand. */
        AUTH2,
        /** Ready for normal work. */
        OPERATIONAL,
        /**
         * Policy is changing and connections are being dropped; a later transition to
         * {@link #OPERATIONAL} restarts from {@link #INITIALIZED}.
         */
        POLICY_INVALID
    }

    /** A notifier's answer to a proposed step. */
    enum Decision {
        /** The step may happen. */
        PROCEED,
        /** Hold in the current state until {@link SystemState#resume()} is called. */
        DEFER,
        /** Abandon the transition: the target becomes the current state. */
        REFUSE
    }

    /** Watches, and may hold back, state steps (lws {@code lws_system_notify_link_t}). */
    interface Notifier {

        /** A short name for logs. */
        String name();

        /** Whether the system may step from {@code from} to {@code to}. */
        default Decision beforeStep(State from, State to) {
            return Decision.PROCEED;
        }

        /** The system has entered {@code state}. */
        default void entered(State state) {
        }
    }

    /** The state the system is in. */
    State current();

    /** The state it is moving toward (equal to {@link #current()} when at rest). */
    State target();

    /** Starts (or redirects) a transition toward {@code target}. */
    void transitionTo(State target);

    /** Retries the pending step after a notifier deferred it. */
    void resume();

    /** Adds a notifier; the returned handle removes it again. */
    AutoCloseable register(Notifier notifier);
}
