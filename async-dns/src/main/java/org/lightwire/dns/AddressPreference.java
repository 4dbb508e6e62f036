package org.lightwire.dns;

/**
 * Which address families a lookup wants, in which order (the {@code ai_family} hint of
 * getaddrinfo, plus lws' rule that with IPv6 enabled A is asked first, then AAAA).
 */
public enum AddressPreference {

    /** A records only. */
    IPV4_ONLY(true, false, false),
    /** AAAA records only. */
    IPV6_ONLY(false, true, false),
    /** Both, IPv4 addresses listed before IPv6 ones (the default). */
    IPV4_FIRST(true, true, false),
    /** Both, IPv6 addresses listed before IPv4 ones. */
    IPV6_FIRST(true, true, true);

    private final boolean wantsIpv4;
    private final boolean wantsIpv6;
    private final boolean ipv6First;

    AddressPreference(boolean wantsIpv4, boolean wantsIpv6, boolean ipv6First) {
        this.wantsIpv4 = wantsIpv4;
        this.wantsIpv6 = wantsIpv6;
        this.ipv6First = ipv6First;
    }

    /** Whether A records are asked for. */
    public boolean wantsIpv4() {
        return wantsIpv4;
    }

    /** Whether AAAA records are asked for. */
    public boolean wantsIpv6() {
        return wantsIpv6;
    }

    /** Whether IPv6 addresses come first in a merged result. */
    public boolean ipv6First() {
        return ipv6First;
    }
}
