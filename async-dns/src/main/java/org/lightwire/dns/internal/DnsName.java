package org.lightwire.dns.internal;

/**
 * Host names as queries carry them (RFC 1035 §2.3.4, RFC 1123 §2.1): at most 253
 * characters in dotted form, labels of 1–63 letters, digits, hyphens or underscores.
 * Normalised to lower case without the trailing dot, so cache keys and answer matching
 * are case-insensitive as DNS is.
 */
final class DnsName {

    static final int MAX_TEXT_LENGTH = 253;
    static final int MAX_LABEL = 63;
    /** The wire form's limit, length octets and the root label included (RFC 1035 §3.1). */
    static final int MAX_WIRE_LENGTH = 255;

    private DnsName() {
    }

    /** The normalised form of {@code name}, or an exception saying what is wrong with it. */
    static String normalize(String name) throws InvalidNameException {
        if (name == null || name.isEmpty()) {
            throw new InvalidNameException("empty name");
        }
        String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        if (n.isEmpty()) {
            throw new InvalidNameException("the root name has no addresses");
        }
        if (n.length() > MAX_TEXT_LENGTH) {
            throw new InvalidNameException("name longer than " + MAX_TEXT_LENGTH + " characters");
        }
        StringBuilder out = null;
        int labelStart = 0;
        for (int i = 0; i <= n.length(); i++) {
            char c = i == n.length() ? '.' : n.charAt(i);
            if (c == '.') {
                int len = i - labelStart;
                if (len == 0) {
                    throw new InvalidNameException("empty label in '" + name + "'");
                }
                if (len > MAX_LABEL) {
                    throw new InvalidNameException("label longer than " + MAX_LABEL + " characters in '" + name + "'");
                }
                labelStart = i + 1;
                continue;
            }
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (c >= 'A' && c <= 'Z') {
                if (out == null) {
                    out = new StringBuilder(n);
                }
                out.setCharAt(i, (char) (c + ('a' - 'A')));
                ok = true;
            }
            if (!ok) {
                throw new InvalidNameException("character '" + printable(c) + "' not allowed in a host name");
            }
        }
        return out == null ? n : out.toString();
    }

    private static String printable(char c) {
        return c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c);
    }

    /** Whether a name is {@code localhost} or under it, answered locally (RFC 6761 §6.3). */
    static boolean isLocalhost(String normalized) {
        return normalized.equals("localhost") || normalized.endsWith(".localhost");
    }
}
