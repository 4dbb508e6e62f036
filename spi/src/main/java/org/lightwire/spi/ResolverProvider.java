package org.lightwire.spi;

import org.lightwire.api.ContextSettings;

/**
 * Makes the {@link Resolver} of one context from that context's settings — lws' async DNS
 * is per {@code lws_context} too, configured from its creation info. What a bundle such as
 * async-dns registers, so that settings (nameserver, timeouts, cache size...) come from the
 * context's config rather than from process-wide state, and a SIGHUP reload, which builds a
 * new context, applies new ones.
 *
 * <p>Core opens one resolver per context from the highest-ranked provider, the first time
 * the context resolves a name, and closes it when the context closes or the provider
 * leaves the registry. Implementations must be thread-safe: several contexts may open
 * resolvers at once.
 */
public interface ResolverProvider {

    /**
     * A new resolver working with {@code settings}' resolver keys; the caller closes it.
     *
     * @throws org.lightwire.api.LightwireException (or another runtime exception) naming
     *         the setting that cannot be used, e.g. an unreadable resolv.conf
     */
    Resolver open(ContextSettings settings);
}
