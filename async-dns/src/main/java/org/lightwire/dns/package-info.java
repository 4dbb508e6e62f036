/**
 * Asynchronous DNS on the service loop (lws {@code lws_async_dns_query}): {@link
 * org.lightwire.dns.AsyncDns#lookup} resolves a name the way {@code getaddrinfo()} would —
 * name, address family preference, result — but never blocks: the nameserver is queried
 * over UDP from the loop and the result arrives as a callback on that loop's thread.
 * Results are immutable and may be kept and shared freely.
 */
@Export
@Version("1.0.0")
package org.lightwire.dns;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
