package org.lightwire.role.rawproxy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Where the proxy relays to: the parsed value of the "onward" option (lws raw-proxy pvo
 * {@code "onward"}). The forms are lws' own — {@code ipv4:HOST[:PORT]} where HOST is a
 * dotted quad or a DNS name, and {@code ipv6:ADDRESS} — plus {@code ipv6:[ADDRESS]:PORT},
 * since lws' bare ipv6 form has no room for a port. The port defaults to 22 (ssh, what lws'
 * example forwards); lws leaves it 0, which can never connect.
 *
 * @param family "ipv4" or "ipv6", as written
 * @param host   the host to dial: a literal address or a DNS name (ipv4 form only)
 * @param port   1..65535
 */
record Onward(String family, String host, int port) {

    /** The port when the option names none: ssh, as in lws' README example. */
    static final int DEFAULT_PORT = 22;

    /** A DNS name is at most 253 characters (RFC 1035 2.3.4, without the final dot). */
    private static final int MAX_NAME = 253;

    /** Longest textual IPv6 address (with an embedded IPv4 part). */
    private static final int MAX_IPV6 = 45;

    /**
     * Parses an "onward" value.
     *
     * @param vhost the vhost the option belongs to, for the error message
     * @throws OnwardFormatException naming vhost, option and value when it is not a target
     */
    static Onward parse(String vhost, String value) {
        String v = value.strip();
        if (v.startsWith("ipv4:")) {
            return parseIpv4(vhost, value, v.substring(5));
        }
        if (v.startsWith("ipv6:")) {
            return parseIpv6(vhost, value, v.substring(5));
        }
        throw bad(vhost, value, "it must start with 'ipv4:' or 'ipv6:'");
    }

    private static Onward parseIpv4(String vhost, String value, String rest) {
        int colon = rest.indexOf(':');
        String host = colon < 0 ? rest : rest.substring(0, colon);
        int port = colon < 0 ? DEFAULT_PORT : port(vhost, value, rest.substring(colon + 1));
        if (host.isEmpty()) {
            throw bad(vhost, value, "the host is missing");
        }
        if (host.length() > MAX_NAME) {
            throw bad(vhost, value, "the host is longer than " + MAX_NAME + " characters");
        }
        if (looksNumeric(host)) {
            if (!isDottedQuad(host)) {
                throw bad(vhost, value, "'" + host + "' is not an IPv4 address (four numbers 0-255)");
            }
        } else if (!isDnsName(host)) {
            throw bad(vhost, value, "'" + host + "' is neither an IPv4 address nor a DNS name");
        }
        return new Onward("ipv4", host, port);
    }

    private static Onward parseIpv6(String vhost, String value, String rest) {
        String address;
        int port = DEFAULT_PORT;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw bad(vhost, value, "the '[' before the IPv6 address is not closed");
            }
            address = rest.substring(1, close);
            String after = rest.substring(close + 1);
            if (!after.isEmpty()) {
                if (after.charAt(0) != ':') {
                    throw bad(vhost, value, "only ':PORT' may follow the bracketed address");
                }
                port = port(vhost, value, after.substring(1));
            }
        } else {
            address = rest;
        }
        if (address.isEmpty() || address.length() > MAX_IPV6 || address.indexOf(':') < 0
                || !address.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
            throw bad(vhost, value, "'" + address + "' is not an IPv6 address"
                    + " (names are not accepted in the ipv6 form; use [ADDRESS]:PORT for a port)");
        }
        try {
            // in brackets the JDK must parse an IPv6 literal and never falls back to a DNS lookup
            InetAddress parsed = InetAddress.getByName("[" + address + "]");
            if (!(parsed instanceof Inet6Address) && !address.contains(".")) {
                throw bad(vhost, value, "'" + address + "' is not an IPv6 address");
            }
        } catch (UnknownHostException e) {
            throw bad(vhost, value, "'" + address + "' is not an IPv6 address");
        }
        return new Onward("ipv6", address, port);
    }

    private static int port(String vhost, String value, String text) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw bad(vhost, value, "the port '" + text + "' is not a number 1-65535");
        }
        int port = Integer.parseInt(text);
        if (port < 1 || port > 65535) {
            throw bad(vhost, value, "the port " + port + " is outside 1-65535");
        }
        return port;
    }

    private static boolean looksNumeric(String host) {
        return host.chars().allMatch(c -> c == '.' || c >= '0' && c <= '9');
    }

    private static boolean isDottedQuad(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            // no empty parts, no leading zeros (some resolvers read those as octal)
            if (p.isEmpty() || p.length() > 3 || p.length() > 1 && p.charAt(0) == '0' || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    /** RFC 1123 host name: dot-separated labels of letters, digits and inner hyphens. */
    private static boolean isDnsName(String host) {
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (name.isEmpty()) {
            return false;
        }
        for (String label : name.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
                return false;
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-')) {
                    return false;
                }
            }
        }
        return true;
    }

    private static OnwardFormatException bad(String vhost, String value, String why) {
        return new OnwardFormatException("vhost '" + vhost + "': protocol 'raw-proxy' option 'onward' = '"
                + printable(value) + "': " + why + " (forms: ipv4:HOST[:PORT], ipv6:ADDRESS, ipv6:[ADDRESS]:PORT)");
    }

    /** The value as it can be logged: controls escaped, cut at 300 characters. */
    private static String printable(String value) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < value.length() && i < 300; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(c);
            }
        }
        if (value.length() > 300) {
            b.append("...");
        }
        return b.toString();
    }

    /** lws' spelling of the target, for logs: {@code ipv4:127.0.0.1:22}, {@code ipv6:[::1]:22}. */
    @Override
    public String toString() {
        return family.equals("ipv6") ? "ipv6:[" + host + "]:" + port : family + ":" + host + ":" + port;
    }
}
