package org.lightwire.dns.internal;

import java.net.InetAddress;

/**
 * One answer or authority record the resolver uses: an address (A, AAAA), an alias target
 * (CNAME) or a negative-caching time (SOA: min of its TTL and MINIMUM, RFC 2308 §5).
 *
 * @param name the owner, normalised to lower case
 * @param ttl seconds, 0..2^31-1 (RFC 2181 §8: values with the top bit set mean 0)
 */
record ResourceRecord(String name, int type, long ttl, InetAddress address, String target, long soaNegativeTtl) {
}
