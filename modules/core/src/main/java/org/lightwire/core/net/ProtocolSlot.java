package org.lightwire.core.net;

import org.lightwire.api.Protocol;
import org.lightwire.api.ProtocolProvider;
import org.lightwire.api.ProtocolSelection;

/**
 * One protocol a vhost enables, and the instance currently serving it. Providers come and
 * go with their bundles: while none is installed the slot is empty and connections that
 * need the protocol are refused; when one appears it gets its own instance.
 */
final class ProtocolSlot {

    private final ProtocolSelection selection;
    private volatile Binding current;

    ProtocolSlot(ProtocolSelection selection) {
        this.selection = selection;
    }

    ProtocolSelection selection() {
        return selection;
    }

    String name() {
        return selection.name();
    }

    /** The binding serving new connections, or null while no provider is installed. */
    Binding current() {
        return current;
    }

    void set(Binding binding) {
        this.current = binding;
    }

    /** One provider's instance on the vhost; wires compare bindings by identity. */
    record Binding(String name, ProtocolProvider provider, Protocol instance) {
    }
}
