package org.lightwire.core.osgi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.lightwire.spi.Registry;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

/**
 * The registry in the launcher's OSGi mode: the framework's service registry, where
 * services appear and disappear as bundles start and stop. Ranking follows
 * {@code service.ranking}.
 */
final class OsgiRegistry implements Registry, AutoCloseable {

    private final BundleContext bundleContext;
    private final Map<Class<?>, ServiceTracker<?, ?>> snapshots = new ConcurrentHashMap<>();

    OsgiRegistry(BundleContext bundleContext) {
        this.bundleContext = bundleContext;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S> List<S> services(Class<S> type) {
        ServiceTracker<S, S> tracker = (ServiceTracker<S, S>) snapshots.computeIfAbsent(type, t -> {
            ServiceTracker<S, S> st = new ServiceTracker<>(bundleContext, type, null);
            st.open();
            return st;
        });
        ServiceReference<S>[] refs = tracker.getServiceReferences();
        if (refs == null) {
            return List.of();
        }
        // ServiceReference order: higher ranking (then older) compares greater
        Arrays.sort(refs, Collections.reverseOrder());
        List<S> out = new ArrayList<>(refs.length);
        for (ServiceReference<S> ref : refs) {
            S s = tracker.getService(ref);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    @Override
    public <S> AutoCloseable watch(Class<S> type, Watcher<S> watcher) {
        ServiceTracker<S, S> tracker = new ServiceTracker<>(bundleContext, type, new ServiceTrackerCustomizer<S, S>() {
            @Override
            public S addingService(ServiceReference<S> reference) {
                S service = bundleContext.getService(reference);
                if (service != null) {
                    watcher.added(service);
                }
                return service;
            }

            @Override
            public void modifiedService(ServiceReference<S> reference, S service) {
                // properties do not matter to Lightwire
            }

            @Override
            public void removedService(ServiceReference<S> reference, S service) {
                try {
                    watcher.removed(service);
                } finally {
                    bundleContext.ungetService(reference);
                }
            }
        });
        tracker.open();
        return tracker::close;
    }

    @Override
    public void close() {
        snapshots.values().forEach(ServiceTracker::close);
        snapshots.clear();
    }
}
