package org.lightwire.role.h1.internal;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.Vhost;
import org.lightwire.api.VhostSettings;
import org.lightwire.http.VhostRoutes;

/**
 * What the h1 server connections of one context share: the header slots of
 * {@code ip-limit-ah}, and per vhost its {@link VhostRoutes} (built once, on first use) and
 * access-log file. The logs themselves are the role's {@link VhostAccessLogs}: one writer
 * per file, shared by every context, so a rebuilt context does not open a second writer on
 * the same file, and held per vhost until the vhost is retired.
 */
public final class ServerServices {

    private static final System.Logger LOG = System.getLogger("org.lightwire.role.h1");

    /** A vhost's routes, or why they could not be built, and its access-log file if any. */
    record VhostEntry(VhostRoutes routes, RuntimeException failure, Path accessLog) { }

    private final ContextSettings settings;
    private final HeaderSlots headerSlots;
    private final VhostAccessLogs accessLogs;
    // by the vhost's settings, not its name (vhosts on several ports may share a name) nor the
    // Vhost itself: entries must not reference the context (the role keys contexts weakly)
    private final Map<VhostSettings, VhostEntry> vhosts = new ConcurrentHashMap<>();

    /**
     * @param settings   the context's settings
     * @param accessLogs the role's access logs, shared across contexts
     */
    public ServerServices(ContextSettings settings, VhostAccessLogs accessLogs) {
        this.settings = settings;
        this.headerSlots = new HeaderSlots(settings.ipLimitAh());
        this.accessLogs = accessLogs;
    }

    ContextSettings settings() {
        return settings;
    }

    HeaderSlots headerSlots() {
        return headerSlots;
    }

    VhostAccessLogs accessLogs() {
        return accessLogs;
    }

    /** The vhost's routes (built on first use; a failure is remembered and logged once). */
    VhostEntry vhost(Vhost vhost) {
        return vhosts.computeIfAbsent(vhost.settings(), s -> build(vhost));
    }

    private VhostEntry build(Vhost vhost) {
        VhostRoutes routes = null;
        RuntimeException failure = null;
        try {
            routes = VhostRoutes.of(vhost.settings(), settings);
        } catch (RuntimeException e) {
            failure = e;
            LOG.log(Level.ERROR, "vhost '" + vhost.name() + "': cannot serve HTTP, every request gets 500: " + e.getMessage(), e);
        }
        return new VhostEntry(routes, failure, vhost.settings().accessLog().orElse(null));
    }
}
