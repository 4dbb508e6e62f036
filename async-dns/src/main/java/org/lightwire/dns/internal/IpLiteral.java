package org.lightwire.dns.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Recognises IP address literals without ever asking a resolver: dotted-quad IPv4 (exactly
 * four decimal octets) and IPv6 (hex groups, colons, an optional embedded IPv4 tail).
 */
public final class IpLiteral {

    private IpLiteral() {
    }

    /** The address {@code text} spells, or null if it is not an IP literal. */
    public static InetAddress parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        byte[] v4 = parseIpv4(text);
        if (v4 != null) {
            return byAddress(v4);
        }
        if (text.indexOf(':') < 0) {
            return null;
        }
        String body = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            boolean ok = c == ':' || c == '.' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!ok) {
                return null;
            }
        }
        try {
            // only hex digits, colons and dots remain: the JDK parses this as a literal, no lookup
            return InetAddress.getByName(body);
        } catch (UnknownHostException | RuntimeException e) {
            return null;
        }
    }

    private static byte[] parseIpv4(String text) {
        byte[] out = new byte[4];
        int part = 0;
        int value = -1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i == text.length() ? '.' : text.charAt(i);
            if (c == '.') {
                if (value < 0 || part > 3) {
                    return null;
                }
                out[part++] = (byte) value;
                value = -1;
            } else if (c >= '0' && c <= '9') {
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (value > 255) {
                    return null;
                }
            } else {
                return null;
            }
        }
        return part == 4 ? out : null;
    }

    private static InetAddress byAddress(byte[] raw) {
        try {
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
