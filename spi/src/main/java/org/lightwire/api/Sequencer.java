package org.lightwire.api;

/**
 * Stages a multi-step operation on one service loop (lws {@code lws_sequencer}). Events
 * queued on it are delivered to its {@link SequencerHandler} strictly in order, at most one
 * per loop pass, always on the loop's thread.
 *
 * <p>Besides user events it receives lifecycle events of the client connections it
 * created (see {@link ClientRequest.Builder#sequencer}) and its own timeout, which only
 * queues a {@link SequencerEvent.Kind#TIMED_OUT} event and closes nothing.
 *
 * <p>{@link #queue} may be called from any thread; the other methods on the loop's thread.
 */
public interface Sequencer {

    String name();

    ServiceLoop loop();

    /** The retry policy the sequencer was created with, for the steps it retries. */
    RetryPolicy retryPolicy();

    /** Queues a user event (lws {@code lws_sequencer_queue_event}). */
    void queue(int code, Object data);

    /**
     * Arms the sequencer's own timeout, replacing an armed one; {@code 0} disarms it
     * (lws {@code lws_sequencer_timeout}).
     */
    void setTimeout(int seconds);

    /**
     * Whether a close event for {@code connection} is already queued, i.e. the connection
     * is gone even though its close has not been handled yet (lws
     * {@code lws_sequencer_check_wsi}).
     */
    boolean checkConnection(Connection connection);

    /** Destroys the sequencer after delivering {@link SequencerEvent.Kind#DESTROYED}; pending events are dropped. */
    void destroy();

    /** Whether the sequencer has been destroyed. */
    boolean isDestroyed();
}
