package org.lightwire.core.loop;

/**
 * Something that lives on one loop until it closes (a connection, a listener), counted
 * for load balancing and closed when the loop shuts down. The loop keeps residents in an
 * array and each remembers its slot, so joining and leaving are O(1) without allocation.
 */
public abstract class Resident {

    int slot = -1;

    /** Whether this resident counts as a connection (load balancing); the others are listen sockets. */
    protected abstract boolean isConnection();

    /** The loop is shutting down: close now. Must end with {@link EventLoop#leave}. */
    protected abstract void closeForShutdown();
}
