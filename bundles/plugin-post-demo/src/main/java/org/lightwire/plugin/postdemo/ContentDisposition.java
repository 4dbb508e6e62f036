package org.lightwire.plugin.postdemo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Content-Disposition of one multipart/form-data part (RFC 7578 section 4.2): the
 * field's name and, for a file, the file name the client gave. The file name is the
 * client's text, unsanitised: it is shown (escaped) and never used as a path.
 */
record ContentDisposition(String name, Optional<String> filename) {

    /**
     * @throws FormRejectedException (400) if the value is malformed, its type is not
     *         {@code form-data}, or it has no {@code name}
     */
    static ContentDisposition parse(String value) throws FormRejectedException {
        HeaderValueReader r = new HeaderValueReader(value, "part Content-Disposition");
        String type = r.leadingType(false);
        if (!type.equals("form-data")) {
            throw FormRejectedException.malformed("part Content-Disposition is '" + type + "', not form-data");
        }
        Map<String, String> params = r.parameters(HeaderValueReader.Backslash.LITERAL);
        String name = params.get("name");
        if (name == null) {
            throw FormRejectedException.malformed("part Content-Disposition has no name");
        }
        // RFC 7578 section 4.2 allows filename* (RFC 5987); it wins over filename when given
        Optional<String> filename = Optional.ofNullable(params.get("filename*")).map(ContentDisposition::extValue)
                .or(() -> Optional.ofNullable(params.get("filename")));
        return new ContentDisposition(name, filename);
    }

    /** Decodes an RFC 8187 ext-value ({@code UTF-8''a%20b}); only UTF-8 is accepted. */
    private static String extValue(String value) {
        int first = value.indexOf('\'');
        int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
        if (second < 0 || !value.substring(0, first).toLowerCase(Locale.ROOT).equals("utf-8")) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = second + 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 2 < value.length() && PercentDecoding.hex(value.charAt(i + 1)) >= 0
                    && PercentDecoding.hex(value.charAt(i + 2)) >= 0) {
                bytes.write(PercentDecoding.hex(value.charAt(i + 1)) << 4 | PercentDecoding.hex(value.charAt(i + 2)));
                i += 2;
            } else if (c == '%') {
                return null;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
