package org.lightwire.dns.internal;

import java.util.List;

/**
 * A parsed response: what the resolver checks it against (id, question) and what it reads
 * from it (code, truncation, answers, the SOA of a negative answer).
 *
 * @param negativeTtl seconds a negative answer may be cached from the authority SOA
 *        (RFC 2308 §5), or -1 when there is no SOA and it must not be cached
 */
record DnsResponse(int id, int rcode, boolean truncated, String questionName, int questionType, int questionClass,
        List<ResourceRecord> answers, long negativeTtl) {

    static final int NOERROR = 0;
    static final int FORMERR = 1;
    static final int SERVFAIL = 2;
    static final int NXDOMAIN = 3;
    static final int NOTIMP = 4;
    static final int REFUSED = 5;
}
