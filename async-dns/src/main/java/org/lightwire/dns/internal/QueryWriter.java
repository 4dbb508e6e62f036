package org.lightwire.dns.internal;

/**
 * Writes a standard recursive query with one question (RFC 1035 §4.1): header with RD
 * set, QDCOUNT 1, then QNAME, QTYPE, QCLASS IN. No EDNS: answers stay within 512 bytes
 * over UDP and anything larger comes back truncated and is fetched over TCP.
 */
final class QueryWriter {

    static final int HEADER = 12;
    /** Header, the longest wire name and QTYPE/QCLASS. */
    static final int MAX_QUERY = HEADER + DnsName.MAX_WIRE_LENGTH + 4;

    private QueryWriter() {
    }

    /**
     * Writes the query for the normalised {@code name} into {@code out} from {@code offset}.
     *
     * @return the number of bytes written
     */
    static int write(byte[] out, int offset, int id, String name, int type) {
        int p = offset;
        out[p++] = (byte) (id >>> 8);
        out[p++] = (byte) id;
        out[p++] = 0x01; // RD: ask the server to recurse
        out[p++] = 0x00;
        out[p++] = 0;
        out[p++] = 1; // QDCOUNT
        for (int i = 0; i < 6; i++) {
            out[p++] = 0; // AN, NS, AR counts
        }
        int labelStart = 0;
        for (int i = 0; i <= name.length(); i++) {
            if (i == name.length() || name.charAt(i) == '.') {
                out[p++] = (byte) (i - labelStart);
                for (int j = labelStart; j < i; j++) {
                    out[p++] = (byte) name.charAt(j);
                }
                labelStart = i + 1;
            }
        }
        out[p++] = 0;
        out[p++] = (byte) (type >>> 8);
        out[p++] = (byte) type;
        out[p++] = 0;
        out[p++] = RecordType.CLASS_IN;
        return p - offset;
    }
}
