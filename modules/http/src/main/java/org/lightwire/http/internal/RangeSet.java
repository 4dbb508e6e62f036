package org.lightwire.http.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A Range request header resolved against a representation's length (RFC 9110 section
 * 14.2; lws {@code lws_ranges_init}). Parsing is strict and any doubt means "ignore the
 * header and send the whole representation", which is always a correct answer:
 * <ul>
 *   <li>a unit other than {@code bytes}, a syntax error, or a range whose last position
 *       is before its first: {@link Kind#IGNORE};</li>
 *   <li>more than {@code maxParts} ranges, or ranges that overlap: {@link Kind#IGNORE}
 *       (section 14.3 lets a server ignore such sets; they are how "range amplification"
 *       attacks make a server send the same bytes over and over);</li>
 *   <li>no satisfiable range (every first position at or past the end, or a zero-length
 *       suffix): {@link Kind#UNSATISFIABLE}, answered with 416;</li>
 *   <li>else {@link Kind#RANGES}: the satisfiable ranges in request order, clipped to the
 *       representation.</li>
 * </ul>
 */
public final class RangeSet {

    /** What the header amounts to. */
    public enum Kind { IGNORE, UNSATISFIABLE, RANGES }

    private static final RangeSet IGNORED = new RangeSet(Kind.IGNORE, List.of());
    private static final RangeSet NONE_SATISFIABLE = new RangeSet(Kind.UNSATISFIABLE, List.of());

    private final Kind kind;
    private final List<ByteRange> ranges;

    private RangeSet(Kind kind, List<ByteRange> ranges) {
        this.kind = kind;
        this.ranges = ranges;
    }

    public Kind kind() {
        return kind;
    }

    /** The ranges to send, in request order; empty unless {@link Kind#RANGES}. */
    public List<ByteRange> ranges() {
        return ranges;
    }

    /** Resolves {@code header} (a Range field value) against a {@code length}-byte representation. */
    public static RangeSet parse(String header, long length, int maxParts) {
        int n = header.length();
        int eq = header.indexOf('=');
        if (eq < 0 || !header.substring(0, eq).strip().equalsIgnoreCase("bytes")) {
            return IGNORED;
        }
        List<ByteRange> satisfiable = new ArrayList<>(4);
        int specs = 0;
        int i = eq + 1;
        while (i < n) {
            char c = header.charAt(i);
            if (c == ' ' || c == '\t' || c == ',') {
                i++;
                continue;
            }
            if (++specs > maxParts) {
                return IGNORED;
            }
            long first = -1;
            if (c != '-') {
                int start = i;
                while (i < n && isDigit(header.charAt(i))) {
                    i++;
                }
                if (i == start || i >= n || header.charAt(i) != '-') {
                    return IGNORED;
                }
                first = number(header, start, i);
            }
            i++; // '-'
            int start = i;
            while (i < n && isDigit(header.charAt(i))) {
                i++;
            }
            long second = i == start ? -1 : number(header, start, i);
            // after a spec: optional whitespace, then ',' or the end
            while (i < n && (header.charAt(i) == ' ' || header.charAt(i) == '\t')) {
                i++;
            }
            if (i < n && header.charAt(i) != ',') {
                return IGNORED;
            }
            if (first < 0) {
                if (second < 0) {
                    return IGNORED; // "-" alone
                }
                if (second > 0 && length > 0) {
                    satisfiable.add(new ByteRange(Math.max(0, length - second), length - 1));
                }
            } else {
                if (second >= 0 && second < first) {
                    return IGNORED;
                }
                if (first < length) {
                    long last = second < 0 || second >= length ? length - 1 : second;
                    satisfiable.add(new ByteRange(first, last));
                }
            }
        }
        if (specs == 0) {
            return IGNORED;
        }
        if (satisfiable.isEmpty()) {
            return NONE_SATISFIABLE;
        }
        if (overlap(satisfiable)) {
            return IGNORED;
        }
        return new RangeSet(Kind.RANGES, List.copyOf(satisfiable));
    }

    private static boolean overlap(List<ByteRange> ranges) {
        int n = ranges.size();
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                ByteRange x = ranges.get(a);
                ByteRange y = ranges.get(b);
                if (x.first() <= y.last() && y.first() <= x.last()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The decimal number in {@code s[from, to)}, saturating at Long.MAX_VALUE. */
    private static long number(String s, int from, int to) {
        long v = 0;
        for (int i = from; i < to; i++) {
            int d = s.charAt(i) - '0';
            if (v > (Long.MAX_VALUE - d) / 10) {
                return Long.MAX_VALUE;
            }
            v = v * 10 + d;
        }
        return v;
    }
}
