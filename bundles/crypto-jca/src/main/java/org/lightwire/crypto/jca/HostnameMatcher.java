package org.lightwire.crypto.jca;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.lightwire.api.crypto.CertificateRejectedException;
import org.lightwire.api.crypto.CertificateRejectedException.Reason;

/**
 * Whether a certificate names a host (RFC 6125 section 6.4): dNSName subjectAltNames
 * compared case-insensitively, a wildcard only as the entire leftmost label and never
 * matching more than one label or a public-suffix-like two-label name; iPAddress
 * subjectAltNames for IP literals. The subject CN is not used (RFC 6125 6.4.4 deprecates it).
 */
final class HostnameMatcher {

    private static final int DNS_NAME = 2;
    private static final int IP_ADDRESS = 7;

    private HostnameMatcher() {
    }

    static void check(X509Certificate leaf, String hostname) {
        Collection<List<?>> names;
        try {
            names = leaf.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            throw new CertificateRejectedException(Reason.INVALID, "certificate " + leaf.getSubjectX500Principal()
                    + ": malformed subjectAltName: " + e.getMessage(), e);
        }
        if (names != null && matches(names, hostname)) {
            return;
        }
        throw new CertificateRejectedException(Reason.HOSTNAME_MISMATCH, "certificate " + leaf.getSubjectX500Principal()
                + " does not name host '" + hostname + "' in its subjectAltName");
    }

    static boolean matches(Collection<List<?>> names, String hostname) {
        byte[] ip = ipLiteral(hostname);
        for (List<?> entry : names) {
            int type = (Integer) entry.get(0);
            Object value = entry.get(1);
            if (ip != null && type == IP_ADDRESS && value instanceof String) {
                byte[] san = ipLiteral((String) value);
                if (san != null && Arrays.equals(san, ip)) {
                    return true;
                }
            } else if (ip == null && type == DNS_NAME && value instanceof String && dnsMatches((String) value, hostname)) {
                return true;
            }
        }
        return false;
    }

    static boolean dnsMatches(String pattern, String host) {
        String p = stripDot(pattern).toLowerCase(Locale.ROOT);
        String h = stripDot(host).toLowerCase(Locale.ROOT);
        if (p.isEmpty() || h.isEmpty()) {
            return false;
        }
        if (!p.startsWith("*.")) {
            return !p.contains("*") && p.equals(h);
        }
        String suffix = p.substring(1);
        // "*.com" would match every .com host: demand at least two labels after the wildcard
        if (suffix.indexOf('.', 1) < 0 || suffix.contains("*")) {
            return false;
        }
        int dot = h.indexOf('.');
        return dot > 0 && h.substring(dot).equals(suffix);
    }

    private static String stripDot(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** The address of an IPv4 or IPv6 literal, never resolving a name; null for a name. */
    static byte[] ipLiteral(String s) {
        String t = s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
        boolean v4 = t.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = t.contains(":") && t.matches("[0-9A-Fa-f:.]+");
        if (!v4 && !v6) {
            return null;
        }
        if (v4) {
            for (String part : t.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return null;
                }
            }
        }
        try {
            // a literal of only digits, dots, hex and colons: getByName parses, never looks up
            return InetAddress.getByName(t).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
