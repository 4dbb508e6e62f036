package org.lightwire.core;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Set;
import org.lightwire.core.net.Listener;
import java.util.concurrent.ConcurrentHashMap;
import org.lightwire.api.Context;
import org.lightwire.api.ContextFactory;
import org.lightwire.api.ContextSettings;
import org.lightwire.core.registry.ServiceLoaderRegistry;
import org.lightwire.spi.Registry;

/**
 * Creates contexts over one registry. The no-argument form, found by
 * {@link java.util.ServiceLoader}, uses the services of core's own module layer (static mode
 * and embedding); the OSGi activator passes the OSGi registry.
 */
public final class CoreContextFactory implements ContextFactory {

    private static final System.Logger LOG = System.getLogger("org.lightwire.core");

    private final Registry registry;
    private final Set<Context> live = ConcurrentHashMap.newKeySet();

    /** The static-mode factory: services come from {@link java.util.ServiceLoader}. */
    public CoreContextFactory() {
        this(ServiceLoaderRegistry.around(CoreContextFactory.class));
    }

    public CoreContextFactory(Registry registry) {
        this.registry = registry;
    }

    @Override
    public Context create(ContextSettings settings) {
        Context context = CoreContext.start(settings, registry, live::remove);
        live.add(context);
        return context;
    }

    /**
     * Hands the predecessor's listen sockets that the new settings still listen on to a new
     * context, so the reload refuses no connection; the predecessor then stops listening
     * and closes once drained. If the new context cannot start, the predecessor takes its
     * sockets back and goes on serving as before.
     */
    @Override
    public Context succeed(Context predecessor, ContextSettings settings) {
        if (!(predecessor instanceof CoreContext old) || !live.contains(old)) {
            // a context of another core (updated bundle): free its ports first
            return ContextFactory.super.succeed(predecessor, settings);
        }
        List<Listener> given = old.handOverListeners(settings);
        Context next;
        try {
            next = CoreContext.start(settings, registry, live::remove, given);
        } catch (RuntimeException e) {
            old.resumeListeners(given);
            throw e;
        }
        live.add(next);
        old.deprecate(() -> { });
        return next;
    }

    /** Closes every context this factory made that is still open (the core bundle is stopping). */
    public void closeAll() {
        for (Context c : live.toArray(new Context[0])) {
            LOG.log(Level.INFO, "closing a context left open while core stops");
            c.close();
        }
    }
}
