package org.lightwire.crypto.bc;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.util.IPAddress;

/**
 * Whether a certificate's subjectAltNames name a host, by RFC 6125 rules as browsers
 * apply them (lws with OpenSSL: {@code X509_check_host} without partial wildcards): a host
 * name matches a dNSName case-insensitively, ignoring one trailing dot; a wildcard counts
 * only as the whole leftmost label of a name with at least two more labels and stands for
 * exactly one non-empty label; an IP literal matches only an iPAddress entry of the same
 * bytes, never a dNSName. Names with empty labels are refused; a Unicode host is compared
 * by its A-labels. The subject CN is never consulted.
 */
final class HostnameRule {

    private HostnameRule() {
    }

    static boolean matches(GeneralNames subjectAltNames, String host) {
        if (subjectAltNames == null || host == null || host.isEmpty()) {
            return false;
        }
        byte[] ip = ipLiteral(host);
        for (GeneralName name : subjectAltNames.getNames()) {
            if (ip != null && name.getTagNo() == GeneralName.iPAddress) {
                byte[] entry = ASN1OctetString.getInstance(name.getName()).getOctets();
                if (Arrays.equals(entry, ip)) {
                    return true;
                }
            } else if (ip == null && name.getTagNo() == GeneralName.dNSName) {
                if (dnsMatches(name.getName().toString(), host)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The address bytes of an IPv4 or IPv6 literal (brackets allowed); null for a host name. */
    static byte[] ipLiteral(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!IPAddress.isValidIPv4(h) && !IPAddress.isValidIPv6(h)) {
            return null;
        }
        try {
            // a literal: InetAddress parses it without any lookup
            byte[] a = InetAddress.getByName(h).getAddress();
            // InetAddress turns an IPv4-mapped IPv6 literal into 4 bytes: keep it 16, so
            // "::ffff:127.0.0.1" does not match an iPAddress entry of 127.0.0.1
            return h.contains(":") && a.length == 4 ? mapped(a) : a;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    static boolean dnsMatches(String pattern, String host) {
        String p = normalise(pattern, false);
        String h = normalise(host, true);
        if (p == null || h == null) {
            return false;
        }
        if (!p.contains("*")) {
            return p.equals(h);
        }
        if (!p.startsWith("*.") || p.indexOf('*', 1) >= 0) {
            return false;
        }
        String suffix = p.substring(1);
        // "*.example.com" at least: a wildcard directly above a top-level label names too much
        if (suffix.indexOf('.', 1) < 0) {
            return false;
        }
        if (!h.endsWith(suffix)) {
            return false;
        }
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

    /** For messages: the names a certificate does carry. */
    static List<String> describe(GeneralNames subjectAltNames) {
        if (subjectAltNames == null) {
            return List.of();
        }
        return Arrays.stream(subjectAltNames.getNames())
                .filter(n -> n.getTagNo() == GeneralName.dNSName || n.getTagNo() == GeneralName.iPAddress)
                .map(n -> n.getTagNo() == GeneralName.dNSName ? n.getName().toString() : ipText(n))
                .toList();
    }

    private static String ipText(GeneralName n) {
        try {
            return InetAddress.getByAddress(ASN1OctetString.getInstance(n.getName()).getOctets()).getHostAddress();
        } catch (UnknownHostException e) {
            return "(malformed iPAddress)";
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
