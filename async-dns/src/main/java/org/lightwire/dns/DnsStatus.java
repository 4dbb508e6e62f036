package org.lightwire.dns;

/** How a lookup ended. Only {@link #OK} carries addresses. */
public enum DnsStatus {

    /** At least one address was found. */
    OK(false),
    /** The name does not exist (RCODE 3, NXDOMAIN). Cached per RFC 2308. */
    NXDOMAIN(false),
    /** The name exists but has no address of the families asked for (NODATA). Cached per RFC 2308. */
    NO_DATA(false),
    /** No acceptable answer within the timeout and the retries the policy allows. */
    TIMEOUT(true),
    /** The nameserver answered SERVFAIL, FORMERR, NOTIMP or another error code. */
    SERVER_FAILURE(true),
    /** The nameserver refused to answer (RCODE 5). */
    REFUSED(true),
    /** The CNAME chain is longer than the resolver follows (3, as lws). */
    CNAME_TOO_DEEP(true),
    /** The name cannot be asked for: empty, too long, a label over 63 bytes, bad characters. */
    INVALID_NAME(true),
    /** The resolver could not talk to the nameserver (socket error) or was closed. */
    IO_ERROR(true);

    private final boolean transientFailure;

    DnsStatus(boolean transientFailure) {
        this.transientFailure = transientFailure;
    }

    /** Whether this is a failure of the lookup itself rather than an answer about the name; never cached. */
    public boolean isTransientFailure() {
        return transientFailure;
    }
}
