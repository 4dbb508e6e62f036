package org.lightwire.core;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.lightwire.api.Vhost;
import org.lightwire.core.loop.Fatal;
import org.lightwire.spi.Role;

/**
 * Tells each role the context has seen in the registry, once, that the context's vhosts are
 * retired ({@link Role#vhostClosed}, lws' protocol-destroy for roles): when the role leaves
 * the registry, or when the context has closed, whichever comes first. The caller calls
 * only after the role's connections are closed. A role that fails is logged and does not
 * keep the others from being told. Thread-safe.
 */
final class RoleRetirement {

    private static final System.Logger LOG = System.getLogger("org.lightwire.core");

    private final List<? extends Vhost> vhosts;
    // roles not yet told; removal decides who tells, so no role is told twice
    private final Set<Role> untold = ConcurrentHashMap.newKeySet();

    RoleRetirement(List<? extends Vhost> vhosts) {
        this.vhosts = List.copyOf(vhosts);
    }

    /** A role came into the registry. */
    void added(Role role) {
        untold.add(role);
    }

    /** {@code role} left the registry and its connections are closed: it is told now. */
    void removed(Role role) {
        if (untold.remove(role)) {
            tell(role);
        }
    }

    /** The context closed and every connection with it: each role not yet told is told now. */
    void contextClosed() {
        for (Role role : List.copyOf(untold)) {
            removed(role);
        }
    }

    private void tell(Role role) {
        for (Vhost vhost : vhosts) {
            try {
                role.vhostClosed(vhost);
            } catch (Throwable e) {
                Fatal.rethrowIfFatal(e);
                LOG.log(Level.ERROR, "role '" + role.name() + "' failed releasing vhost '" + vhost.name() + "'", e);
            }
        }
    }
}
