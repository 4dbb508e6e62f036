package org.lightwire.plugin.postdemo;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the structured header values the demo needs (a media type or disposition type
 * followed by {@code ; name=value} parameters, RFC 9110 section 5.6.6). Strict: anything
 * outside the grammar, a duplicated parameter, or a control character is refused rather
 * than guessed at, since a guessed boundary or field name is how parsers disagree.
 */
final class HeaderValueReader {

    /** How a quoted-string treats a backslash. */
    enum Backslash {
        /** RFC 9110 quoted-pair: a backslash escapes the next character (Content-Type). */
        ESCAPES,
        /**
         * Literal, as browsers write Content-Disposition in multipart/form-data (the HTML
         * standard escapes only {@code "}, CR and LF, as %22, %0D, %0A): an old browser's
         * {@code filename="C:\dir\a.txt"} keeps its backslashes.
         */
        LITERAL
    }

    private final String text;
    private final String what;
    private int pos;

    HeaderValueReader(String text, String what) {
        this.text = text;
        this.what = what;
    }

    /** The leading token (type or type/subtype), lower-cased. */
    String leadingType(boolean withSubtype) throws FormRejectedException {
        skipOws();
        String type = token();
        if (withSubtype) {
            expect('/');
            type = type + "/" + token();
        }
        return type.toLowerCase(Locale.ROOT);
    }

    /** The parameters after the leading type: lower-case names to values, in order. */
    Map<String, String> parameters(Backslash backslash) throws FormRejectedException {
        Map<String, String> params = new LinkedHashMap<>();
        while (true) {
            skipOws();
            if (pos == text.length()) {
                return params;
            }
            expect(';');
            skipOws();
            if (pos == text.length()) {
                return params; // a trailing ';' is common and harmless
            }
            String name = token().toLowerCase(Locale.ROOT);
            expect('=');
            String value = pos < text.length() && text.charAt(pos) == '"' ? quotedString(backslash) : token();
            if (params.putIfAbsent(name, value) != null) {
                throw FormRejectedException.malformed(what + ": parameter '" + name + "' is given twice");
            }
        }
    }

    private String token() throws FormRejectedException {
        int start = pos;
        while (pos < text.length() && org.lightwire.api.http.HttpFields.isTokenChar(text.charAt(pos))) {
            pos++;
        }
        if (pos == start) {
            throw FormRejectedException.malformed(what + ": expected a token at offset " + start);
        }
        return text.substring(start, pos);
    }

    private String quotedString(Backslash backslash) throws FormRejectedException {
        StringBuilder sb = new StringBuilder();
        pos++; // opening quote
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\\' && backslash == Backslash.ESCAPES) {
                if (pos == text.length()) {
                    break;
                }
                c = text.charAt(pos++);
            }
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                throw FormRejectedException.malformed(what + ": control character in a quoted value");
            }
            sb.append(c);
        }
        throw FormRejectedException.malformed(what + ": unterminated quoted value");
    }

    private void expect(char c) throws FormRejectedException {
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw FormRejectedException.malformed(what + ": expected '" + c + "' at offset " + pos);
        }
        pos++;
    }

    private void skipOws() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
    }
}
