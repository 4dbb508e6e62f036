package org.lightwire.crypto.bc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.lightwire.api.crypto.BadEncodingException;
import org.lightwire.api.crypto.BadParameterException;

/**
 * RFC 7468 PEM: reading every block of a text (anything between blocks is ignored, as
 * lws and OpenSSL do) and writing one. Strict inside a block: matching END label, base64
 * with nothing but whitespace around it. RFC 1421 headers ("Proc-Type: 4,ENCRYPTED") are
 * kept so callers can refuse encrypted keys with a clear message.
 */
final class Pem {

    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final String DASHES = "-----";

    /** One block: its position in the text (1-based), label, whether it had headers, body. */
    record Block(int number, String label, boolean encryptedHeader, byte[] der) {
        String name() {
            return "PEM block #" + number + " (" + label + ")";
        }
    }

    private Pem() {
    }

    /** Whether {@code input} should be read as PEM rather than DER. */
    static boolean looksLikePem(byte[] input) {
        if (input.length > 0 && input[0] == 0x30) {
            return false;
        }
        return new String(input, StandardCharsets.ISO_8859_1).contains(BEGIN);
    }

    static List<Block> read(byte[] input) {
        String text = new String(input, StandardCharsets.ISO_8859_1);
        List<Block> blocks = new ArrayList<>();
        int at = 0;
        while (true) {
            int begin = text.indexOf(BEGIN, at);
            if (begin < 0) {
                break;
            }
            int number = blocks.size() + 1;
            int labelEnd = text.indexOf(DASHES, begin + BEGIN.length());
            int lineEnd = lineEnd(text, begin);
            if (labelEnd < 0 || labelEnd > lineEnd) {
                throw new BadEncodingException("PEM block #" + number + ": malformed BEGIN line");
            }
            String label = text.substring(begin + BEGIN.length(), labelEnd);
            String endLine = END + label + DASHES;
            int end = text.indexOf(endLine, labelEnd);
            int nextBegin = text.indexOf(BEGIN, labelEnd);
            if (end < 0 || (nextBegin >= 0 && nextBegin < end)) {
                throw new BadEncodingException("PEM block #" + number + " (" + label + "): no matching '" + endLine + "' line");
            }
            String body = text.substring(labelEnd + DASHES.length(), end);
            boolean encrypted = false;
            int headerEnd = headersEnd(body);
            if (headerEnd >= 0) {
                encrypted = body.substring(0, headerEnd).contains("ENCRYPTED");
                body = body.substring(headerEnd);
            }
            blocks.add(new Block(number, label, encrypted, decode(body, number, label)));
            at = end + endLine.length();
        }
        return blocks;
    }

    private static int lineEnd(String text, int from) {
        int nl = text.indexOf('\n', from);
        return nl < 0 ? text.length() : nl;
    }

    /** Where the body starts after RFC 1421 headers ("Name: value" lines then a blank line); -1 if there are none. */
    private static int headersEnd(String body) {
        String trimmed = body.stripLeading();
        int firstLineEnd = trimmed.indexOf('\n');
        String firstLine = firstLineEnd < 0 ? trimmed : trimmed.substring(0, firstLineEnd);
        if (!firstLine.contains(":")) {
            return -1;
        }
        int blank = body.indexOf("\n\n");
        int blankCrLf = body.indexOf("\r\n\r\n");
        if (blankCrLf >= 0 && (blank < 0 || blankCrLf < blank)) {
            return blankCrLf + 4;
        }
        return blank < 0 ? body.length() : blank + 2;
    }

    private static byte[] decode(String body, int number, String label) {
        StringBuilder b64 = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                b64.append(c);
            }
        }
        if (b64.length() == 0) {
            throw new BadEncodingException("PEM block #" + number + " (" + label + "): empty body");
        }
        try {
            return Base64.getDecoder().decode(b64.toString());
        } catch (IllegalArgumentException e) {
            throw new BadEncodingException("PEM block #" + number + " (" + label + "): invalid base64: " + e.getMessage());
        }
    }

    /** {@code der} as one PEM block: 64-column base64, LF line ends, a final LF. */
    static String write(String label, byte[] der) {
        if (label == null || label.isEmpty() || !label.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '-')) {
            throw new BadParameterException("PEM: label must be printable ASCII without '-': '" + label + "'");
        }
        String b64 = Base64.getEncoder().encodeToString(der);
        StringBuilder out = new StringBuilder(b64.length() + b64.length() / 64 + 2 * label.length() + 40);
        out.append(BEGIN).append(label).append(DASHES).append('\n');
        for (int i = 0; i < b64.length(); i += 64) {
            out.append(b64, i, Math.min(b64.length(), i + 64)).append('\n');
        }
        out.append(END).append(label).append(DASHES).append('\n');
        return out.toString();
    }
}
