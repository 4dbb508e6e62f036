package org.lightwire.dns.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.lightwire.dns.DnsConfigException;

/** Parses and prints nameserver addresses: {@code IP}, {@code IPv4:PORT}, {@code [IPv6]:PORT}. */
public final class NameserverAddress {

    public static final int DNS_PORT = 53;
    public static final InetAddress LOOPBACK_V4 = IpLiteral.parse("127.0.0.1");

    private NameserverAddress() {
    }

    /**
     * @param source the key, option or file the text came from, for the error message
     * @throws DnsConfigException if {@code text} is not an IP address with an optional port
     */
    public static InetSocketAddress parse(String text, String source) {
        String host = text;
        int port = DNS_PORT;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw bad(text, source);
            }
            host = text.substring(1, close);
            String rest = text.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw bad(text, source);
                }
                port = port(rest.substring(1), text, source);
            }
        } else if (text.indexOf(':') == text.lastIndexOf(':') && text.indexOf(':') > 0) {
            // one colon: IPv4 with a port (an IPv6 literal has at least two)
            int colon = text.indexOf(':');
            host = text.substring(0, colon);
            port = port(text.substring(colon + 1), text, source);
        }
        InetAddress address = IpLiteral.parse(host);
        if (address == null) {
            throw bad(text, source);
        }
        return new InetSocketAddress(address, port);
    }

    private static int port(String digits, String text, String source) {
        try {
            int p = Integer.parseInt(digits);
            if (p < 1 || p > 65535) {
                throw bad(text, source);
            }
            return p;
        } catch (NumberFormatException e) {
            throw bad(text, source);
        }
    }

    private static DnsConfigException bad(String text, String source) {
        return new DnsConfigException(source + ": '" + text + "' is not a nameserver address (IP[:PORT], [IPv6]:PORT)");
    }

    /** {@code 127.0.0.1:53} or {@code [::1]:53}. */
    public static String format(InetSocketAddress address) {
        String ip = address.getAddress().getHostAddress();
        return (address.getAddress() instanceof Inet6Address ? "[" + ip + "]" : ip) + ":" + address.getPort();
    }
}
