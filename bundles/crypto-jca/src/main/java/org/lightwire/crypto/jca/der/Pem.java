package org.lightwire.crypto.jca.der;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.lightwire.api.crypto.BadEncodingException;

/**
 * PEM (RFC 7468) reading and writing. Reading is strict about what matters — matching
 * BEGIN/END labels, clean base64, no encryption headers — and ignores text between blocks
 * (OpenSSL writes "Bag Attributes" and comments there).
 */
public final class Pem {

    /** Larger inputs are refused: the biggest CA bundles are well under a megabyte. */
    public static final int MAX_INPUT = 8 << 20;

    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final String DASHES = "-----";

    /** One PEM block. */
    public record Block(String label, byte[] der) {
    }

    private Pem() {
    }

    /** Whether {@code data} looks like PEM rather than DER (has a BEGIN line). */
    public static boolean isPem(byte[] data) {
        if (data.length > 0 && data[0] == DerReader.SEQUENCE) {
            return false;
        }
        return new String(data, 0, Math.min(data.length, MAX_INPUT), StandardCharsets.ISO_8859_1).contains(BEGIN);
    }

    /** Every block, in order; {@code what} names the input in errors. */
    public static List<Block> decode(byte[] data, String what) {
        if (data.length > MAX_INPUT) {
            throw new BadEncodingException(what + ": PEM input of " + data.length + " bytes exceeds the " + MAX_INPUT + "-byte limit");
        }
        String text = new String(data, StandardCharsets.ISO_8859_1);
        List<Block> blocks = new ArrayList<>();
        int at = 0;
        while (true) {
            int begin = text.indexOf(BEGIN, at);
            if (begin < 0) {
                break;
            }
            int labelEnd = text.indexOf(DASHES, begin + BEGIN.length());
            int lineEnd = lineEnd(text, begin);
            if (labelEnd < 0 || labelEnd > lineEnd) {
                throw new BadEncodingException(what + ": malformed BEGIN line in block " + (blocks.size() + 1));
            }
            String label = text.substring(begin + BEGIN.length(), labelEnd);
            String endLine = END + label + DASHES;
            int endAt = text.indexOf(endLine, labelEnd);
            if (endAt < 0) {
                throw new BadEncodingException(what + ": PEM block '" + label + "' has no END line (truncated?)");
            }
            String body = text.substring(labelEnd + DASHES.length(), endAt);
            if (body.contains(":")) {
                throw new BadEncodingException(what + ": PEM block '" + label
                        + "' has headers (Proc-Type/DEK-Info: an encrypted key); encrypted keys are not supported");
            }
            if (body.contains(BEGIN) || body.contains(END)) {
                throw new BadEncodingException(what + ": PEM block '" + label + "' does not end with its own END line");
            }
            StringBuilder b64 = new StringBuilder(body.length());
            for (int i = 0; i < body.length(); i++) {
                char c = body.charAt(i);
                if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                    b64.append(c);
                }
            }
            byte[] der;
            try {
                der = Base64.getDecoder().decode(b64.toString());
            } catch (IllegalArgumentException e) {
                throw new BadEncodingException(what + ": PEM block '" + label + "' has invalid base64: " + e.getMessage());
            }
            if (der.length == 0) {
                throw new BadEncodingException(what + ": PEM block '" + label + "' is empty");
            }
            blocks.add(new Block(label, der));
            at = endAt + endLine.length();
        }
        if (blocks.isEmpty()) {
            throw new BadEncodingException(what + ": no PEM block found");
        }
        return blocks;
    }

    private static int lineEnd(String text, int from) {
        int n = text.indexOf('\n', from);
        return n < 0 ? text.length() : n;
    }

    /** {@code der} as a PEM block with {@code label}, 64-column lines, LF line ends. */
    public static String encode(String label, byte[] der) {
        String b64 = Base64.getEncoder().encodeToString(der);
        StringBuilder sb = new StringBuilder(b64.length() + b64.length() / 64 + 64);
        sb.append(BEGIN).append(label).append(DASHES).append('\n');
        for (int i = 0; i < b64.length(); i += 64) {
            sb.append(b64, i, Math.min(b64.length(), i + 64)).append('\n');
        }
        sb.append(END).append(label).append(DASHES).append('\n');
        return sb.toString();
    }
}
