package org.lightwire.api.ws;

/** The kind of a data message (opcode 1 or 2; continuations carry the first fragment's kind). */
public enum WsMessageType {
    /** UTF-8 text; the role validates it incrementally and closes with 1007 on bad input. */
    TEXT,
    /** Opaque bytes. */
    BINARY
}
