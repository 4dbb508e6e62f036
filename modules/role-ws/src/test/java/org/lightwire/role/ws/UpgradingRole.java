package org.lightwire.role.ws;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.lightwire.api.Vhost;
import org.lightwire.role.h1.H1Role;
import org.lightwire.spi.Role;
import org.lightwire.spi.RoleBinding;
import org.lightwire.spi.RoleHandler;

/**
 * The h1 and ws roles as one registry entry named "ws", because the in-memory harness
 * installs a single role: a connection's first bind gets h1 (it arrives with HTTP), the
 * bind h1's {@code switchRole("ws")} asks for gets the real ws role; client connections
 * get the ws role at once. Test only.
 */
final class UpgradingRole implements Role {

    private final Set<RoleBinding> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final H1Role h1 = new H1Role();
    private final WsRole ws = new WsRole();

    @Override
    public String name() {
        return WsRole.NAME;
    }

    @Override
    public RoleHandler bind(RoleBinding binding) {
        if (binding.connection().isClient()) {
            return ws.bind(binding); // ws clients write their own upgrade request
        }
        return seen.add(binding) ? h1.bind(binding) : ws.bind(binding);
    }

    /** Both roles hear it, as they would as two registry entries (h1 gives back the vhost's access log). */
    @Override
    public void vhostClosed(Vhost vhost) {
        h1.vhostClosed(vhost);
        ws.vhostClosed(vhost);
    }
}
