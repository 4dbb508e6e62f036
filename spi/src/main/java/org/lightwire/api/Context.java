package org.lightwire.api;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A running Lightwire instance (lws {@code lws_context}): its service loops, vhosts,
 * system state and blobs. Created by a {@link ContextFactory} from {@link ContextSettings};
 * {@link #close()} stops listening, closes every connection (each protocol sees its
 * close events), destroys protocol instances and stops the loops.
 */
public interface Context extends AutoCloseable {

    /** The settings this context was created from. */
    ContextSettings settings();

    /** The service loops, index = lws tsi. Never empty. */
    List<ServiceLoop> loops();

    /** The vhosts, in configuration order. */
    List<Vhost> vhosts();

    /** The first vhost of that name. */
    Optional<Vhost> vhost(String name);

    /** The system readiness state machine (lws {@code lws_system} state). */
    SystemState systemState();

    /** The context's system blobs (lws {@code lws_system_blob}). */
    Blobs blobs();

    /** The context-wide default retry and validity policy. */
    RetryPolicy retryPolicy();

    /**
     * Wakes every service loop and, on each loop's thread, tells every protocol instance
     * on every vhost (lws {@code lws_cancel_service} and
     * {@code LWS_CALLBACK_EVENT_WAIT_CANCELLED}). Callable from any thread and cheap:
     * the usual way for a foreign thread to hand work to protocols.
     */
    void cancelService();

    /**
     * Runs {@code callback} on the thread of loop {@code loopIndex} once the system state
     * has reached {@code state} (lws {@code lws_system_ops.attach}). Callable from any
     * thread; if the state is already reached the callback runs on the next loop pass.
     */
    void attach(int loopIndex, SystemState.State state, Consumer<ServiceLoop> callback);

    /**
     * Creates a sequencer bound to loop {@code loopIndex} (lws {@code lws_sequencer_create}).
     * Its handler first receives {@link SequencerEvent.Kind#CREATED}.
     */
    Sequencer createSequencer(String name, int loopIndex, RetryPolicy retryPolicy, SequencerHandler handler);

    /** Shuts the context down; see the type's description. Idempotent. */
    @Override
    void close();
}
