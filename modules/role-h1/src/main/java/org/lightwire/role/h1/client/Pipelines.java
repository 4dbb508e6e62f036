package org.lightwire.role.h1.client;

import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.lightwire.api.ClientRequest;
import org.lightwire.api.Vhost;

/**
 * What the client side remembers between a request being made and its connection's
 * handler being created on the loop: which connections can take pipelined requests (lws
 * keeps these on the vhost's {@code dll_cli_active_conns}), and the route (proxy) or
 * already existing exchange that a connection core is about to open belongs to.
 * Thread-safe: requests are made from any thread.
 */
final class Pipelines {

    /** Requests to the same server over the same route share a pipeline. */
    record Key(Vhost vhost, String dialHost, int dialPort, String targetHost, int targetPort) {
        static Key of(Vhost vhost, ClientRoute route) {
            return new Key(vhost, route.dialHost().toLowerCase(Locale.ROOT), route.dialPort(),
                    route.targetHost().toLowerCase(Locale.ROOT), route.targetPort());
        }
    }

    /**
     * What a connection about to be opened is for.
     * @param route   where the request really goes (the connection is made to {@code route.dialHost()})
     * @param adopted an exchange that already has its session (a pipelined request falling back
     *                to a connection of its own), else null
     */
    record Pending(ClientRoute route, ClientExchange adopted) {
    }

    private static final ConcurrentHashMap<Key, H1ClientHandler> CARRIERS = new ConcurrentHashMap<>();
    // keyed by identity: the ClientRequest object handed to Vhost.connect is unique to its connection
    private static final Map<ClientRequest, Pending> PENDING = new IdentityHashMap<>();

    private Pipelines() {
    }

    /** The connection open (or opening) to {@code key} that still takes queued requests, if any. */
    static H1ClientHandler carrier(Key key) {
        return CARRIERS.get(key);
    }

    /** Offers {@code handler} as the carrier for {@code key}, unless another one already is. */
    static boolean offer(Key key, H1ClientHandler handler) {
        return CARRIERS.putIfAbsent(key, handler) == null;
    }

    /** {@code handler} takes no more queued requests. */
    static void withdraw(Key key, H1ClientHandler handler) {
        CARRIERS.remove(key, handler);
    }

    static void expect(ClientRequest dialed, Pending pending) {
        synchronized (PENDING) {
            PENDING.put(dialed, pending);
        }
    }

    /** What the connection made for {@code dialed} is for; null: a plain direct request. */
    static Pending claim(ClientRequest dialed) {
        synchronized (PENDING) {
            return PENDING.remove(dialed);
        }
    }

    /** Test hook: how many carriers are registered. */
    static int carrierCount() {
        return CARRIERS.size();
    }
}
