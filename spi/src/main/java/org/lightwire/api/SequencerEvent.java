package org.lightwire.api;

import java.util.Objects;

/**
 * One event delivered to a sequencer (lws {@code lws_seq_events_t}).
 *
 * @param kind what happened
 * @param code the user's event code for {@link Kind#USER}, else 0
 * @param data the user's data, or the {@link Connection} for connection events
 */
public record SequencerEvent(Kind kind, int code, Object data) {

    public enum Kind {
        CREATED,
        DESTROYED,
        /** The sequencer's own timeout expired. */
        TIMED_OUT,
        /** A connection the sequencer created has connected. */
        CONNECTION_CONNECTED,
        /** A connection the sequencer created failed to connect (after concealed retries). */
        CONNECTION_FAILED,
        /** A connection the sequencer created was connected and has closed. */
        CONNECTION_CLOSED,
        /** Queued by the application. */
        USER
    }

    public SequencerEvent {
        Objects.requireNonNull(kind, "kind");
    }

    /** The connection of a connection event. */
    public Connection connection() {
        return (Connection) data;
    }
}
