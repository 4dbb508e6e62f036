package org.lightwire.dns.internal;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Builds DNS responses byte by byte for tests, uncompressed unless a test crafts its own. */
final class Packets {

    /** A record to put in a section. */
    record Rr(String name, int type, long ttl, byte[] rdata) {
    }

    private Packets() {
    }

    static Rr a(String name, long ttl, String ip) {
        return new Rr(name, RecordType.A, ttl, addr(ip));
    }

    static Rr aaaa(String name, long ttl, String ip) {
        return new Rr(name, RecordType.AAAA, ttl, addr(ip));
    }

    static Rr cname(String name, long ttl, String target) {
        return new Rr(name, RecordType.CNAME, ttl, name(target));
    }

    /** An SOA whose MINIMUM is {@code minimum}. */
    static Rr soa(String zone, long ttl, long minimum) {
        ByteArrayOutputStream d = new ByteArrayOutputStream();
        d.writeBytes(name("ns." + zone));
        d.writeBytes(name("hostmaster." + zone));
        for (long v : new long[] {1, 60, 60, 60, minimum}) {
            d.writeBytes(u32(v));
        }
        return new Rr(zone, RecordType.SOA, ttl, d.toByteArray());
    }

    static byte[] response(int id, String qname, int qtype, int rcode, boolean truncated, List<Rr> answers,
            List<Rr> authority) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(u16(id));
        out.writeBytes(u16(0x8180 | (truncated ? 0x0200 : 0) | rcode));
        out.writeBytes(u16(1));
        out.writeBytes(u16(answers.size()));
        out.writeBytes(u16(authority.size()));
        out.writeBytes(u16(0));
        out.writeBytes(name(qname));
        out.writeBytes(u16(qtype));
        out.writeBytes(u16(1));
        for (List<Rr> section : List.of(answers, authority)) {
            for (Rr r : section) {
                out.writeBytes(name(r.name()));
                out.writeBytes(u16(r.type()));
                out.writeBytes(u16(1));
                out.writeBytes(u32(r.ttl()));
                out.writeBytes(u16(r.rdata().length));
                out.writeBytes(r.rdata());
            }
        }
        return out.toByteArray();
    }

    static byte[] answer(int id, String qname, int qtype, Rr... answers) {
        return response(id, qname, qtype, 0, false, List.of(answers), List.of());
    }

    static byte[] name(String dotted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!dotted.isEmpty()) {
            for (String label : dotted.split("\\.")) {
                out.write(label.length());
                out.writeBytes(label.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
        }
        out.write(0);
        return out.toByteArray();
    }

    static byte[] u16(int v) {
        return new byte[] {(byte) (v >>> 8), (byte) v};
    }

    static byte[] u32(long v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    static byte[] addr(String ip) {
        try {
            return InetAddress.getByName(ip).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(ip, e);
        }
    }

    static byte[] hex(String hex) {
        byte[] b = new byte[hex.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    /** The id of a query. */
    static int id(byte[] query) {
        return ((query[0] & 0xff) << 8) | (query[1] & 0xff);
    }

    /** The QNAME of an uncompressed query, dotted. */
    static String qname(byte[] query) {
        StringBuilder sb = new StringBuilder();
        int p = 12;
        while (query[p] != 0) {
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(new String(query, p + 1, query[p], java.nio.charset.StandardCharsets.US_ASCII));
            p += 1 + query[p];
        }
        return sb.toString();
    }

    static int qtype(byte[] query) {
        int p = 12;
        while (query[p] != 0) {
            p += 1 + query[p];
        }
        return ((query[p + 1] & 0xff) << 8) | (query[p + 2] & 0xff);
    }
}
