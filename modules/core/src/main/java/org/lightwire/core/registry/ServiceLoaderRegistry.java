package org.lightwire.core.registry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.lightwire.spi.Registry;

/**
 * The registry of static mode and embedding: services found once with
 * {@link ServiceLoader} in a module layer (or, on the class path, through
 * {@code META-INF/services}). Nothing appears or disappears later.
 */
public final class ServiceLoaderRegistry implements Registry {

    private final ModuleLayer layer;
    private final ClassLoader loader;
    private final Map<Class<?>, List<?>> cache = new ConcurrentHashMap<>();

    /** Services of the layer {@code anchor}'s module is in, or of its class loader on the class path. */
    public static ServiceLoaderRegistry around(Class<?> anchor) {
        return new ServiceLoaderRegistry(anchor.getModule().getLayer(), anchor.getClassLoader());
    }

    public ServiceLoaderRegistry(ModuleLayer layer, ClassLoader loader) {
        this.layer = layer;
        this.loader = loader;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S> List<S> services(Class<S> type) {
        return (List<S>) cache.computeIfAbsent(type, this::load);
    }

    private <S> List<S> load(Class<S> type) {
        ServiceLoader<S> sl = layer != null ? ServiceLoader.load(layer, type) : ServiceLoader.load(type, loader);
        List<S> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        // the same provider can be visible through a layer and its parent: keep one
        for (S s : sl) {
            if (seen.add(s.getClass().getName())) {
                found.add(s);
            }
        }
        return List.copyOf(found);
    }

    @Override
    public <S> AutoCloseable watch(Class<S> type, Watcher<S> watcher) {
        for (S s : services(type)) {
            watcher.added(s);
        }
        return () -> { };
    }
}
