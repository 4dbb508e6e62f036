package org.lightwire.dns.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses DNS responses paranoidly (lws' "paranoid response parsing"): every offset is
 * bounds-checked, counts must fit the bytes present, names obey the 63/255 limits and
 * compression pointers may only jump strictly backwards — so a pointer loop cannot spin
 * — and record data lengths must match their type. Anything else is a
 * {@link MalformedResponseException}, never an index exception or a hang.
 */
final class ResponseReader {

    /** The smallest resource record: a root name, type, class, TTL, RDLENGTH. */
    private static final int MIN_RECORD = 11;
    /** The smallest question: a root name, type, class. */
    private static final int MIN_QUESTION = 5;
    /** More jumps than a 255-byte name can need means something is wrong. */
    private static final int MAX_POINTER_JUMPS = 127;

    private final byte[] m;
    private final int len;
    private int pos;

    private ResponseReader(byte[] message, int length) {
        this.m = message;
        this.len = length;
    }

    /** Parses {@code message[0, length)}. */
    static DnsResponse read(byte[] message, int length) throws MalformedResponseException {
        return new ResponseReader(message, length).read();
    }

    private DnsResponse read() throws MalformedResponseException {
        if (len < QueryWriter.HEADER) {
            throw new MalformedResponseException("message of " + len + " bytes is shorter than a header");
        }
        int id = u16(0);
        int flags = u16(2);
        if ((flags & 0x8000) == 0) {
            throw new MalformedResponseException("QR bit clear: a query, not a response");
        }
        if (((flags >>> 11) & 0xf) != 0) {
            throw new MalformedResponseException("opcode " + ((flags >>> 11) & 0xf) + " is not a standard query");
        }
        boolean truncated = (flags & 0x0200) != 0;
        int rcode = flags & 0xf;
        int qd = u16(4);
        int an = u16(6);
        int ns = u16(8);
        int ar = u16(10);
        if (qd != 1) {
            throw new MalformedResponseException("QDCOUNT " + qd + ", expected the one question asked");
        }
        long minimum = MIN_QUESTION + (long) (an + ns + ar) * MIN_RECORD;
        if (!truncated && minimum > len - QueryWriter.HEADER) {
            throw new MalformedResponseException("counts (an " + an + ", ns " + ns + ", ar " + ar + ") need at least "
                    + minimum + " bytes, " + (len - QueryWriter.HEADER) + " present");
        }
        pos = QueryWriter.HEADER;
        String qname = readName();
        need(4, "question");
        int qtype = u16(pos);
        int qclass = u16(pos + 2);
        pos += 4;
        if (truncated) {
            // the rest is cut short by definition; only the question matters (for the TCP retry)
            return new DnsResponse(id, rcode, true, qname, qtype, qclass, List.of(), -1);
        }
        List<ResourceRecord> answers = new ArrayList<>(Math.min(an, 64));
        for (int i = 0; i < an; i++) {
            ResourceRecord r = readRecord();
            if (r != null) {
                answers.add(r);
            }
        }
        long negativeTtl = -1;
        for (int i = 0; i < ns; i++) {
            ResourceRecord r = readRecord();
            if (r != null && r.type() == RecordType.SOA && negativeTtl < 0) {
                negativeTtl = r.soaNegativeTtl();
            }
        }
        // the additional section is not used: stop here rather than parse what is ignored
        return new DnsResponse(id, rcode, false, qname, qtype, qclass, List.copyOf(answers), negativeTtl);
    }

    /** Reads one record; null for types and classes the resolver does not use (skipped whole). */
    private ResourceRecord readRecord() throws MalformedResponseException {
        String name = readName();
        need(10, "record header of '" + name + "'");
        int type = u16(pos);
        int cls = u16(pos + 2);
        long ttl = ((long) u16(pos + 4) << 16) | u16(pos + 6);
        if (ttl > Integer.MAX_VALUE) {
            ttl = 0; // RFC 2181 §8
        }
        int rdlength = u16(pos + 8);
        pos += 10;
        need(rdlength, "RDATA of '" + name + "' (" + rdlength + " bytes)");
        int rdataEnd = pos + rdlength;
        ResourceRecord record = null;
        if (cls == RecordType.CLASS_IN) {
            switch (type) {
                case RecordType.A -> record = address(name, type, ttl, rdlength, 4);
                case RecordType.AAAA -> record = address(name, type, ttl, rdlength, 16);
                case RecordType.CNAME -> {
                    String target = readNameWithin(rdataEnd, "CNAME target of '" + name + "'");
                    record = new ResourceRecord(name, type, ttl, null, target, -1);
                }
                case RecordType.SOA -> {
                    readNameWithin(rdataEnd, "SOA MNAME");
                    readNameWithin(rdataEnd, "SOA RNAME");
                    if (rdataEnd - pos != 20) {
                        throw new MalformedResponseException("SOA of '" + name + "' has " + (rdataEnd - pos)
                                + " bytes after its names, expected 20");
                    }
                    long minimum = ((long) u16(pos + 16) << 16) | u16(pos + 18);
                    if (minimum > Integer.MAX_VALUE) {
                        minimum = 0;
                    }
                    record = new ResourceRecord(name, type, ttl, null, null, Math.min(ttl, minimum));
                }
                default -> {
                    // not used
                }
            }
        }
        pos = rdataEnd;
        return record;
    }

    private ResourceRecord address(String name, int type, long ttl, int rdlength, int expected)
            throws MalformedResponseException {
        if (rdlength != expected) {
            throw new MalformedResponseException(RecordType.name(type) + " record of '" + name + "' has " + rdlength
                    + " bytes of data, expected " + expected);
        }
        byte[] raw = new byte[expected];
        System.arraycopy(m, pos, raw, 0, expected);
        try {
            return new ResourceRecord(name, type, ttl, InetAddress.getByAddress(raw), null, -1);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Reads a name that must end within record data ending at {@code end}. */
    private String readNameWithin(int end, String what) throws MalformedResponseException {
        String name = readName();
        if (pos > end) {
            throw new MalformedResponseException(what + " runs past its record data");
        }
        return name;
    }

    /**
     * Reads a possibly compressed name at {@code pos} and moves past it. Each pointer must
     * point before the start of the labels it interrupts, so offsets strictly decrease
     * from jump to jump and a loop is impossible.
     */
    private String readName() throws MalformedResponseException {
        StringBuilder out = new StringBuilder(32);
        int p = pos;
        int after = -1;
        int segmentStart = pos;
        int wireLength = 1;
        int jumps = 0;
        while (true) {
            if (p >= len) {
                throw new MalformedResponseException("name at offset " + pos + " runs past the end of the message");
            }
            int b = m[p] & 0xff;
            if (b == 0) {
                p++;
                break;
            }
            int kind = b & 0xc0;
            if (kind == 0xc0) {
                if (p + 1 >= len) {
                    throw new MalformedResponseException("compression pointer at offset " + p + " is cut off");
                }
                int target = ((b & 0x3f) << 8) | (m[p + 1] & 0xff);
                if (target >= segmentStart) {
                    throw new MalformedResponseException("compression pointer at offset " + p + " to " + target
                            + " does not point backwards (a loop)");
                }
                if (++jumps > MAX_POINTER_JUMPS) {
                    throw new MalformedResponseException("name at offset " + pos + " has too many compression pointers");
                }
                if (after < 0) {
                    after = p + 2;
                }
                p = target;
                segmentStart = target;
                continue;
            }
            if (kind != 0) {
                throw new MalformedResponseException("label type 0x" + Integer.toHexString(kind) + " at offset " + p
                        + " is not supported");
            }
            if (p + 1 + b > len) {
                throw new MalformedResponseException("label at offset " + p + " runs past the end of the message");
            }
            wireLength += b + 1;
            if (wireLength > DnsName.MAX_WIRE_LENGTH) {
                throw new MalformedResponseException("name at offset " + pos + " is longer than "
                        + DnsName.MAX_WIRE_LENGTH + " bytes");
            }
            if (out.length() > 0) {
                out.append('.');
            }
            for (int i = p + 1; i <= p + b; i++) {
                char c = (char) (m[i] & 0xff);
                out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
            }
            p += 1 + b;
        }
        pos = after >= 0 ? after : p;
        return out.toString();
    }

    private void need(int bytes, String what) throws MalformedResponseException {
        if (bytes > len - pos) {
            throw new MalformedResponseException(what + " at offset " + pos + " needs " + bytes + " bytes, "
                    + Math.max(0, len - pos) + " left");
        }
    }

    private int u16(int at) {
        return ((m[at] & 0xff) << 8) | (m[at + 1] & 0xff);
    }
}
