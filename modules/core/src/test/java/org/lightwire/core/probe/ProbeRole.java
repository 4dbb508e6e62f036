package org.lightwire.core.probe;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import org.lightwire.api.raw.RawProtocol;
import org.lightwire.api.raw.RawSession;
import org.lightwire.spi.Role;
import org.lightwire.spi.RoleBinding;
import org.lightwire.spi.RoleHandler;

/**
 * A pass-through role for core's own tests (the real raw roles live in a module core cannot
 * depend on): events go to the bound {@link RawProtocol}'s session untouched. Unlike the raw
 * roles it leaves unconsumed input unconsumed, and it can pretend to have a validity ping.
 */
public final class ProbeRole implements Role {

    public static final String NAME = "probe";

    private final boolean hasPing;
    private final AtomicInteger pings = new AtomicInteger();

    private ProbeRole(boolean hasPing) {
        this.hasPing = hasPing;
    }

    /** A role without a ping of its own, like the raw roles. */
    public static ProbeRole withoutPing() {
        return new ProbeRole(false);
    }

    /** A role whose validity ping "goes out" (and is counted) whenever asked. */
    public static ProbeRole withPing() {
        return new ProbeRole(true);
    }

    /** Validity pings sent so far. */
    public int pings() {
        return pings.get();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RoleHandler bind(RoleBinding binding) {
        RawSession session = ((RawProtocol) binding.protocol()).newSession(binding.connection());
        return new RoleHandler() {
            @Override
            public void opened() throws Exception {
                session.opened(binding.connection());
            }

            @Override
            public void received(ByteBuffer data) throws Exception {
                session.received(binding.connection(), data);
            }

            @Override
            public void writeable() throws Exception {
                session.writeable(binding.connection());
            }

            @Override
            public void write(ByteBuffer data) {
                binding.send(data);
            }

            @Override
            public boolean hasValidityPing() {
                return hasPing;
            }

            @Override
            public void sendValidityPing() {
                pings.incrementAndGet();
            }

            @Override
            public void closed() {
                session.closed(binding.connection());
            }

            @Override
            public void connectFailed(Throwable cause) {
                session.connectFailed(binding.connection(), cause);
            }
        };
    }
}
