package org.lightwire.dns.internal;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.lightwire.dns.DnsStatus;

/**
 * Reads what a valid response says about the name asked: addresses (following any CNAME
 * chain inside the response, lws' "recursion" on its own stack), an alias to ask about
 * next, a negative answer, or a failure code. The chain may hold at most
 * {@link #MAX_CNAMES} aliases in all, counting those followed in earlier responses.
 */
final class ResponseInterpreter {

    /** lws follows CNAMEs 3 deep. */
    static final int MAX_CNAMES = 3;

    /** What to do with a response. */
    sealed interface Outcome permits Addresses, Alias, Negative, Failure {
    }

    /** Addresses of the type asked, owned by {@code canonicalName}; {@code ttl} is the chain's minimum. */
    record Addresses(List<InetAddress> addresses, String canonicalName, long ttl, int cnames) implements Outcome {
    }

    /** The name is an alias whose target this response does not resolve: ask for {@code target}. */
    record Alias(String target, long ttl, int cnames) implements Outcome {
    }

    /**
     * NXDOMAIN or NODATA; {@code ttl} -1 when the response carries no SOA and must not be
     * cached (RFC 2308 §5).
     */
    record Negative(DnsStatus status, String canonicalName, long ttl) implements Outcome {
    }

    /** An error code, or a chain too long. */
    record Failure(DnsStatus status, String detail) implements Outcome {
    }

    private ResponseInterpreter() {
    }

    /**
     * @param asked the name the response answers (already checked against its question)
     * @param cnamesSoFar aliases followed in earlier responses for this lookup
     */
    static Outcome interpret(DnsResponse r, String asked, int type, int cnamesSoFar) {
        switch (r.rcode()) {
            case DnsResponse.NOERROR, DnsResponse.NXDOMAIN -> {
                // handled below: NXDOMAIN may still carry the chain up to the missing name
            }
            case DnsResponse.REFUSED -> {
                return new Failure(DnsStatus.REFUSED, "query refused");
            }
            case DnsResponse.SERVFAIL -> {
                return new Failure(DnsStatus.SERVER_FAILURE, "server failure (SERVFAIL)");
            }
            default -> {
                return new Failure(DnsStatus.SERVER_FAILURE, "error code " + r.rcode());
            }
        }
        String current = asked;
        int cnames = cnamesSoFar;
        long ttl = Long.MAX_VALUE;
        List<ResourceRecord> answers = r.answers();
        // each pass follows one alias and counts it, so a cycle ends at the depth limit
        while (true) {
            ResourceRecord alias = null;
            for (ResourceRecord rr : answers) {
                if (rr.type() == RecordType.CNAME && rr.name().equals(current)) {
                    alias = rr;
                    break;
                }
            }
            if (alias == null) {
                break;
            }
            cnames++;
            if (cnames > MAX_CNAMES) {
                return new Failure(DnsStatus.CNAME_TOO_DEEP, "CNAME chain longer than " + MAX_CNAMES + " at '"
                        + current + "'");
            }
            ttl = Math.min(ttl, alias.ttl());
            current = alias.target();
        }
        if (r.rcode() == DnsResponse.NXDOMAIN) {
            return new Negative(DnsStatus.NXDOMAIN, current, r.negativeTtl() < 0 ? -1 : Math.min(ttl, r.negativeTtl()));
        }
        List<InetAddress> found = new ArrayList<>(4);
        for (ResourceRecord rr : answers) {
            if (rr.type() == type && rr.name().equals(current) && !found.contains(rr.address())) {
                found.add(rr.address());
                ttl = Math.min(ttl, rr.ttl());
            }
        }
        if (!found.isEmpty()) {
            return new Addresses(List.copyOf(found), current, ttl, cnames);
        }
        if (!current.equals(asked)) {
            return new Alias(current, ttl, cnames);
        }
        return new Negative(DnsStatus.NO_DATA, current, r.negativeTtl() < 0 ? -1 : Math.min(ttl, r.negativeTtl()));
    }
}
