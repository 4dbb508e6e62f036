package org.lightwire.role.raw;

/**
 * The "udp" role (lws UDP adoption on the raw role): each datagram arrives with its source
 * and is sent to an explicit destination; the engine applies simulated loss.
 */
public final class UdpRole extends RawRole {

    public static final String NAME = "udp";

    public UdpRole() {
        super(NAME);
    }
}
