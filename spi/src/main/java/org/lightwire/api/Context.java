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

    /**
     * The platform's name and version as status reports show it, e.g. "lightwire 0.1.0" (lws
     * {@code lws_get_library_version}): the version of the core running this context.
     */
    String version();

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

    /**
     * The crypto backend new work should use (lws' OpenSSL-or-mbedTLS choice, made at run
     * time): the installed {@link org.lightwire.api.crypto.CryptoBackend} named by the global
     * {@code crypto-backend} setting, else the highest-ranking one. Backends can be swapped
     * while the context runs, so ask for it per piece of work rather than keeping it; work
     * already started finishes on the backend it began with. Callable from any thread.
     *
     * @throws LightwireException if no backend is installed, or the configured one is not
     */
    org.lightwire.api.crypto.CryptoBackend crypto();

    /**
     * Retires the context gracefully (lws {@code lws_context_deprecate}): it stops listening
     * at once, goes on serving its open connections, and closes itself when the last one
     * has closed, then runs {@code whenDrained} (on a thread of its own). Callable from any
     * thread; later calls do nothing.
     */
    void deprecate(Runnable whenDrained);

    /** Whether {@link #deprecate} was called. */
    boolean isDeprecated();

    /** Shuts the context down; see the type's description. Idempotent. */
    @Override
    void close();
}
