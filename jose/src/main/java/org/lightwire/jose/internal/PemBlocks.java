package org.lightwire.jose.internal;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.lightwire.jose.MalformedJoseException;

/**
 * The blocks of a PEM text (RFC 7468): label and DER, in order; text around blocks ignored.
 * Only the "PUBLIC KEY" label needs us (the crypto SPI reads certificates and private keys
 * itself), but the labels tell which reader a block goes to.
 */
public final class PemBlocks {

    /** One block. */
    public record Block(String label, byte[] der, String text) {
    }

    private PemBlocks() {
    }

    /** Whether {@code text} looks like PEM at all. */
    public static boolean isPem(String text) {
        return text.contains("-----BEGIN ");
    }

    public static List<Block> parse(String text) {
        List<Block> out = new ArrayList<>();
        int at = 0;
        while (true) {
            int begin = text.indexOf("-----BEGIN ", at);
            if (begin < 0) {
                break;
            }
            int labelEnd = text.indexOf("-----", begin + 11);
            if (labelEnd < 0) {
                throw new MalformedJoseException("PEM: unterminated BEGIN line");
            }
            String label = text.substring(begin + 11, labelEnd);
            String endLine = "-----END " + label + "-----";
            int end = text.indexOf(endLine, labelEnd + 5);
            if (end < 0) {
                throw new MalformedJoseException("PEM: no \"" + endLine + "\"");
            }
            String body = text.substring(labelEnd + 5, end);
            if (body.contains(":")) {
                throw new MalformedJoseException("PEM " + label + ": encrypted or annotated blocks (headers) are not supported");
            }
            byte[] der;
            try {
                der = Base64.getMimeDecoder().decode(body.strip());
            } catch (IllegalArgumentException e) {
                throw new MalformedJoseException("PEM " + label + ": bad base64: " + e.getMessage());
            }
            if (der.length == 0) {
                throw new MalformedJoseException("PEM " + label + ": empty block");
            }
            int stop = end + endLine.length();
            out.add(new Block(label, der, text.substring(begin, stop)));
            at = stop;
        }
        if (out.isEmpty()) {
            throw new MalformedJoseException("PEM: no -----BEGIN block");
        }
        return out;
    }
}
