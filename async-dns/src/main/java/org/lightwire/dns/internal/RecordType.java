package org.lightwire.dns.internal;

/** The DNS record types and class the resolver reads (RFC 1035 §3.2.2, RFC 3596). */
final class RecordType {

    static final int A = 1;
    static final int CNAME = 5;
    static final int SOA = 6;
    static final int AAAA = 28;
    static final int CLASS_IN = 1;

    private RecordType() {
    }

    static String name(int type) {
        return switch (type) {
            case A -> "A";
            case CNAME -> "CNAME";
            case SOA -> "SOA";
            case AAAA -> "AAAA";
            default -> "TYPE" + type;
        };
    }
}
