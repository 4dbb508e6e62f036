package org.lightwire.core.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.lightwire.spi.Registry;

/**
 * A registry filled by hand, where services can be added and removed at will: the
 * in-memory harness uses it to play the part of bundles coming and going.
 */
public final class FixedRegistry implements Registry {

    private final Map<Class<?>, List<Object>> services = new ConcurrentHashMap<>();
    private final Map<Class<?>, List<Watcher<?>>> watchers = new ConcurrentHashMap<>();

    public <S> FixedRegistry add(Class<S> type, S service) {
        services.computeIfAbsent(type, t -> new CopyOnWriteArrayList<>()).add(service);
        for (Watcher<?> w : watchers.getOrDefault(type, List.of())) {
            cast(w, type).added(service);
        }
        return this;
    }

    public <S> FixedRegistry remove(Class<S> type, S service) {
        List<Object> list = services.get(type);
        if (list != null && list.remove(service)) {
            for (Watcher<?> w : watchers.getOrDefault(type, List.of())) {
                cast(w, type).removed(service);
            }
        }
        return this;
    }

    @SuppressWarnings("unchecked")
    private static <S> Watcher<S> cast(Watcher<?> w, Class<S> type) {
        return (Watcher<S>) w;
    }

    @Override
    public <S> List<S> services(Class<S> type) {
        List<S> out = new ArrayList<>();
        for (Object o : services.getOrDefault(type, List.of())) {
            out.add(type.cast(o));
        }
        return out;
    }

    @Override
    public <S> AutoCloseable watch(Class<S> type, Watcher<S> watcher) {
        watchers.computeIfAbsent(type, t -> new CopyOnWriteArrayList<>()).add(watcher);
        for (S s : services(type)) {
            watcher.added(s);
        }
        return () -> watchers.get(type).remove(watcher);
    }
}
