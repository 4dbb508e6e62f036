package org.lightwire.role.raw;

/**
 * The "raw-file" role (lws role raw-file): files, FIFOs, pipes and process streams
 * adopted into the loop through the engine's stream bridge.
 */
public final class RawFileRole extends RawRole {

    public static final String NAME = "raw-file";

    public RawFileRole() {
        super(NAME);
    }
}
