package org.lightwire.tls.verify;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The dNSName and iPAddress entries of a certificate's subjectAltName extension (RFC 5280
 * 4.2.1.6), read from the extension's DER itself. {@link X509Certificate#getSubjectAlternativeNames()}
 * is not enough: the JDK and BC both write a 16-byte IPv4-mapped address as the IPv4 text,
 * so the address an entry holds could not be told apart from the IPv4 address. Entries come
 * back in that method's shape (type 2 with a String, type 7 with the address bytes).
 */
final class SubjectAltNames {

    private static final String OID = "2.5.29.17";
    private static final int OCTET_STRING = 0x04;
    private static final int SEQUENCE = 0x30;
    // context-specific, primitive: GeneralName's [2] dNSName and [7] iPAddress (IMPLICIT)
    private static final int DNS_NAME_TAG = 0x82;
    private static final int IP_ADDRESS_TAG = 0x87;

    private SubjectAltNames() {
    }

    /** The entries of {@code leaf}'s subjectAltName; empty without one. */
    static List<List<?>> of(X509Certificate leaf) {
        return parse(leaf.getExtensionValue(OID));
    }

    /**
     * Parses the extension value as {@link X509Certificate#getExtensionValue} returns it (an
     * OCTET STRING wrapping GeneralNames). Throws IllegalArgumentException, saying where,
     * for anything that is not exactly that DER: wrong tags, lengths past the end, trailing bytes.
     */
    static List<List<?>> parse(byte[] extensionValue) {
        if (extensionValue == null) {
            return List.of();
        }
        int[] octets = element(extensionValue, 0, extensionValue.length, OCTET_STRING, "extension value");
        requireEnd(octets[1], extensionValue.length, "extension value");
        int[] names = element(extensionValue, octets[0], octets[1], SEQUENCE, "GeneralNames");
        requireEnd(names[1], octets[1], "GeneralNames");
        List<List<?>> out = new ArrayList<>();
        int pos = names[0];
        while (pos < names[1]) {
            int tag = extensionValue[pos] & 0xff;
            int[] entry = element(extensionValue, pos, names[1], -1, "GeneralName at offset " + pos);
            if (tag == DNS_NAME_TAG) {
                // IA5String: one byte a character; non-ASCII is refused later by the name rules
                out.add(List.of(2, new String(extensionValue, entry[0], entry[1] - entry[0], StandardCharsets.ISO_8859_1)));
            } else if (tag == IP_ADDRESS_TAG) {
                out.add(List.of(7, Arrays.copyOfRange(extensionValue, entry[0], entry[1])));
            }
            pos = entry[1];
        }
        return out;
    }

    /** {contentStart, contentEnd} of the DER element at {@code pos}, which must end by {@code limit}. */
    private static int[] element(byte[] b, int pos, int limit, int expectedTag, String what) {
        if (pos + 2 > limit) {
            throw new IllegalArgumentException(what + ": truncated");
        }
        int tag = b[pos] & 0xff;
        if (expectedTag >= 0 && tag != expectedTag) {
            throw new IllegalArgumentException(what + ": tag 0x" + Integer.toHexString(tag) + ", expected 0x"
                    + Integer.toHexString(expectedTag));
        }
        if ((tag & 0x1f) == 0x1f) {
            throw new IllegalArgumentException(what + ": multi-byte tags do not occur in GeneralNames");
        }
        int first = b[pos + 1] & 0xff;
        int start = pos + 2;
        long length;
        if (first < 0x80) {
            length = first;
        } else {
            int count = first & 0x7f;
            // 0x80 is BER's indefinite length, not DER; more than 4 length bytes cannot fit an array
            if (count == 0 || count > 4 || start + count > limit) {
                throw new IllegalArgumentException(what + ": bad length encoding");
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                length = length << 8 | (b[start + i] & 0xff);
            }
            start += count;
        }
        if (length > limit - start) {
            throw new IllegalArgumentException(what + ": length " + length + " runs past the end");
        }
        return new int[] {start, start + (int) length};
    }

    private static void requireEnd(int end, int limit, String what) {
        if (end != limit) {
            throw new IllegalArgumentException(what + ": " + (limit - end) + " bytes after it");
        }
    }
}
