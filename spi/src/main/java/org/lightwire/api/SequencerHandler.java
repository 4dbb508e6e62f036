package org.lightwire.api;

/** Handles a sequencer's events (lws {@code lws_seq_event_cb}). */
@FunctionalInterface
public interface SequencerHandler {

    /** What the sequencer does after an event. */
    enum Result {
        CONTINUE,
        /** Destroy the sequencer (lws {@code LWSSEQ_RET_DESTROY}). */
        DESTROY
    }

    Result onEvent(Sequencer sequencer, SequencerEvent event);
}
