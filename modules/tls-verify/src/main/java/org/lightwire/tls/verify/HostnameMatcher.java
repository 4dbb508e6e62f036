package org.lightwire.tls.verify;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.lightwire.api.crypto.CertificateRejectedException;
import org.lightwire.api.crypto.CertificateRejectedException.Reason;

/**
 * Whether a certificate names a host (RFC 6125 section 6.4), as browsers apply it and as lws
 * with OpenSSL does through {@code X509_check_host} without partial wildcards: dNSName
 * subjectAltNames compared case-insensitively, ignoring one trailing dot; a wildcard only as
 * the entire leftmost label and never matching more than one label or a public-suffix-like
 * two-label name; iPAddress subjectAltNames for IP literals, which never match a dNSName
 * (nor a name an iPAddress). Names with empty labels are refused; a Unicode host is
 * compared by its A-labels. The subject CN is not used (RFC 6125 6.4.4 deprecates it).
 * Reads the subjectAltName's DER itself ({@link SubjectAltNames}), so any provider's
 * certificates are judged alike.
 */
public final class HostnameMatcher {

    private static final int DNS_NAME = 2;
    private static final int IP_ADDRESS = 7;

    private HostnameMatcher() {
    }

    /**
     * Returns when {@code leaf} names {@code hostname}; otherwise throws a
     * {@link Reason#HOSTNAME_MISMATCH} rejection naming the certificate, the host and the
     * names the certificate does carry ({@link Reason#INVALID} for an unparsable subjectAltName).
     */
    public static void check(X509Certificate leaf, String hostname) {
        Collection<List<?>> names;
        try {
            names = SubjectAltNames.of(leaf);
        } catch (IllegalArgumentException e) {
            throw new CertificateRejectedException(Reason.INVALID, "certificate " + leaf.getSubjectX500Principal()
                    + ": malformed subjectAltName: " + e.getMessage(), e);
        }
        if (matches(names, hostname)) {
            return;
        }
        throw new CertificateRejectedException(Reason.HOSTNAME_MISMATCH, "certificate " + leaf.getSubjectX500Principal()
                + " does not name host '" + hostname + "' in its subjectAltName (its names: " + describe(names) + ")");
    }

    /**
     * Whether subjectAltName entries, in the form of
     * {@link X509Certificate#getSubjectAlternativeNames()} (type 2 dNSName with a String,
     * type 7 iPAddress with its text, or with its raw 4 or 16 bytes as {@code check} reads
     * them), name {@code hostname}; false for null or empty input.
     */
    public static boolean matches(Collection<List<?>> names, String hostname) {
        if (names == null || hostname == null || hostname.isEmpty()) {
            return false;
        }
        byte[] ip = ipLiteral(hostname);
        for (List<?> entry : names) {
            int type = (Integer) entry.get(0);
            Object value = entry.get(1);
            if (ip != null && type == IP_ADDRESS && (value instanceof String || value instanceof byte[])) {
                byte[] san = value instanceof byte[] raw ? raw : ipLiteral((String) value);
                if (san != null && Arrays.equals(san, ip)) {
                    return true;
                }
            } else if (ip == null && type == DNS_NAME && value instanceof String && dnsMatches((String) value, hostname)) {
                return true;
            }
        }
        return false;
    }

    /** Whether one dNSName (possibly a leftmost-label wildcard) names the host name {@code host}. */
    public static boolean dnsMatches(String pattern, String host) {
        String p = normalise(pattern, false);
        String h = normalise(host, true);
        if (p == null || h == null) {
            return false;
        }
        if (!p.contains("*")) {
            return p.equals(h);
        }
        // only a whole leftmost label may be a wildcard: "w*.example.com" and "www.*.com" name nothing
        if (!p.startsWith("*.") || p.indexOf('*', 1) >= 0) {
            return false;
        }
        String suffix = p.substring(1);
        // "*.com" would match every .com host: demand at least two labels after the wildcard
        if (suffix.indexOf('.', 1) < 0) {
            return false;
        }
        if (!h.endsWith(suffix)) {
            return false;
        }
        // the wildcard stands for exactly one non-empty label
        String first = h.substring(0, h.length() - suffix.length());
        return !first.isEmpty() && first.indexOf('.') < 0;
    }

    /**
     * The lower-case ASCII form of a DNS name without one trailing dot, or null when it is
     * not a usable name: empty labels, a last label of digits only (an IP-ish "127.1"), or
     * non-ASCII in a certificate's name (dNSName is an IA5String: certificates carry
     * internationalised names as A-labels, so a Unicode host is converted to its A-labels).
     */
    static String normalise(String name, boolean isHost) {
        if (name == null) {
            return null;
        }
        String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        if (n.isEmpty()) {
            return null;
        }
        if (!n.chars().allMatch(ch -> ch > 0x20 && ch < 0x7f)) {
            if (!isHost) {
                return null;
            }
            try {
                n = java.net.IDN.toASCII(n, 0);
            } catch (IllegalArgumentException e) {
                return null;
            }
            if (!n.chars().allMatch(ch -> ch > 0x20 && ch < 0x7f)) {
                return null;
            }
        }
        n = n.toLowerCase(Locale.ROOT);
        String[] labels = n.split("\\.", -1);
        for (String label : labels) {
            if (label.isEmpty()) {
                return null;
            }
        }
        if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            return null;
        }
        return n;
    }

    /** The address of an IPv4 or IPv6 literal, never resolving a name; null for a name. */
    public static byte[] ipLiteral(String s) {
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
            byte[] a = InetAddress.getByName(t).getAddress();
            // InetAddress turns an IPv4-mapped IPv6 literal into 4 bytes: keep it 16, so
            // "::ffff:127.0.0.1" does not match an iPAddress entry of 127.0.0.1
            return t.contains(":") && a.length == 4 ? mapped(a) : a;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** For messages: the dNSName and iPAddress entries a certificate does carry. */
    static List<String> describe(Collection<List<?>> names) {
        if (names == null) {
            return List.of();
        }
        return names.stream()
                .filter(e -> e.size() > 1 && (Integer.valueOf(DNS_NAME).equals(e.get(0)) || Integer.valueOf(IP_ADDRESS).equals(e.get(0))))
                .map(e -> e.get(1) instanceof byte[] raw ? addressText(raw) : String.valueOf(e.get(1)))
                .toList();
    }

    /** An iPAddress entry as text, 16 bytes always in IPv6 form (InetAddress would print a mapped one as IPv4). */
    private static String addressText(byte[] a) {
        if (a.length == 16) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < 16; i += 2) {
                b.append(i == 0 ? "" : ":").append(Integer.toHexString((a[i] & 0xff) << 8 | (a[i + 1] & 0xff)));
            }
            return b.toString();
        }
        try {
            return InetAddress.getByAddress(a).getHostAddress();
        } catch (UnknownHostException e) {
            return "(malformed iPAddress of " + a.length + " bytes)";
        }
    }

    private static byte[] mapped(byte[] v4) {
        byte[] a = new byte[16];
        a[10] = (byte) 0xff;
        a[11] = (byte) 0xff;
        System.arraycopy(v4, 0, a, 12, 4);
        return a;
    }
}
