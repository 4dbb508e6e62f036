package org.lightwire.role.h1;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.lightwire.api.Context;
import org.lightwire.api.Vhost;
import org.lightwire.http.AccessLogs;
import org.lightwire.role.h1.client.H1ClientHandler;
import org.lightwire.role.h1.internal.H1ServerHandler;
import org.lightwire.role.h1.internal.ServerServices;
import org.lightwire.role.h1.internal.VhostAccessLogs;
import org.lightwire.spi.Role;
import org.lightwire.spi.RoleBinding;
import org.lightwire.spi.RoleHandler;

/**
 * The "h1" role (lws role h1): HTTP/1.1 on accepted connections of vhosts that do not
 * apply listen-accept, and on client connections asking for role "h1".
 *
 * <p>Server connections share per-context state (the {@code ip-limit-ah} counters and each
 * vhost's routes), kept here keyed weakly by context so a closed context's state goes with
 * it. Access logs are shared by file across contexts and held per vhost, from the first
 * line the vhost logs until core retires it ({@link #vhostClosed}: its context closed, a
 * reload's old context drained, or this role left the registry).
 */
public final class H1Role implements Role {

    public static final String NAME = "h1";
    private static final List<String> ALPN = List.of("http/1.1");

    private final Map<Context, ServerServices> contexts = Collections.synchronizedMap(new WeakHashMap<>());
    private final VhostAccessLogs accessLogs = new VhostAccessLogs(new AccessLogs());

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> alpnIds() {
        return ALPN;
    }

    @Override
    public RoleHandler bind(RoleBinding binding) {
        if (binding.connection().isClient()) {
            return new H1ClientHandler(binding);
        }
        Context context = binding.connection().vhost().context();
        ServerServices services = contexts.computeIfAbsent(context, c -> new ServerServices(c.settings(), accessLogs));
        return new H1ServerHandler(binding, services);
    }

    /** Gives back the vhost's access log: the last vhost logging to a file closes it. */
    @Override
    public void vhostClosed(Vhost vhost) {
        accessLogs.vhostClosed(vhost);
    }
}
