package org.lightwire.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed and hostile documents: each is refused with a {@link ConfigException} that
 * points into the document, never with another exception and never by exhausting the
 * stack or the heap.
 */
class HostileInputTest {

    private static Arguments refusal(String name, String document, String problem) {
        return Arguments.of(name, document, problem);
    }

    static Stream<Arguments> malformedDocuments() {
        return Stream.of(
                refusal("empty document", "", "empty document"),
                refusal("only a comment", "  # nothing here\n", "empty document"),
                refusal("truncated after the brace", "{", "the object opened at 1:1 is not closed"),
                refusal("truncated after a key", "{\"global\"", "is not closed"),
                refusal("truncated after a colon", "{\"global\":", "expected a value"),
                refusal("truncated inside an object", "{\"global\": {\"count-threads\": 1",
                        "the object opened at 1:12 is not closed"),
                refusal("truncated inside an array", "{\"vhosts\": [{\"name\": \"v\", \"port\": 1}",
                        "the array opened at 1:12 is not closed"),
                refusal("unterminated string at the end", "{\"global\": {\"plugin-dir\": \"/a", "unterminated string"),
                refusal("string ending in a backslash", "{\"global\": {\"plugin-dir\": \"/a\\", "unterminated string"),
                refusal("unterminated string across lines", "{\"global\": {\"plugin-dir\": \"/a}}\n{}",
                        "line ends before the closing quote"),
                refusal("bad escape", "{\"global\": {\"plugin-dir\": \"\\q\"}}", "bad escape"),
                refusal("short unicode escape", "{\"global\": {\"plugin-dir\": \"\\u12\"}}", "bad \\u escape"),
                refusal("non-hex unicode escape", "{\"global\": {\"plugin-dir\": \"\\u12g4\"}}", "bad \\u escape"),
                refusal("escaped NUL", "{\"global\": {\"plugin-dir\": \"\\u0000\"}}", "NUL"),
                refusal("raw control character in a string", "{\"global\": {\"plugin-dir\": \"a\u0001b\"}}",
                        "character U+0001 inside a string"),
                refusal("raw tab in a string", "{\"global\": {\"plugin-dir\": \"a\tb\"}}", "U+0009"),
                refusal("raw NUL in a string", "{\"global\": {\"plugin-dir\": \"a\u0000b\"}}", "NUL character"),
                refusal("NUL between tokens", "{\"global\":\u0000{}}", "unexpected NUL character"),
                refusal("NUL in a comment", "{} # \u0000", "NUL character in a comment"),
                refusal("10,000 open brackets", "[".repeat(10_000), "nesting deeper than 32 levels"),
                refusal("10,000 nested objects", "{\"a\":".repeat(10_000), "nesting deeper than 32 levels"),
                refusal("options nested 33 deep", Configs.vhostWith("\"ws-protocols\": [{\"p\": "
                        + "{\"o\": ".repeat(27) + "{}" + "}".repeat(27) + "}]"), "nesting deeper than 32 levels"),
                refusal("document over 1 MiB", "{" + " ".repeat(1 << 20) + "}", "document is larger than 1 MiB"),
                refusal("string over 64 KiB",
                        "{\"global\": {\"plugin-dir\": \"" + "a".repeat((64 << 10) + 1) + "\"}}",
                        "string longer than 64 KiB"),
                refusal("key over 64 KiB", "{\"" + "k".repeat((64 << 10) + 1) + "\": 1}", "string longer than 64 KiB"),
                refusal("number over 64 KiB", "{\"global\": {\"count-threads\": " + "1".repeat((64 << 10) + 1) + "}}",
                        "number longer than 64 KiB"),
                refusal("trailing garbage", "{\"global\": {}} {}", "after the end of the document"),
                refusal("extra closing brace", "{\"global\": {}}}", "after the end of the document"),
                refusal("trailing comma in an object", "{\"global\": {},}", "expected a key in double quotes"),
                refusal("trailing comma in an array", "{\"vhosts\": [{\"name\": \"v\", \"port\": 1},]}",
                        "expected a value"),
                refusal("leading zero", "{\"global\": {\"count-threads\": 01}}", "leading zeros"),
                refusal("lone minus", "{\"global\": {\"count-threads\": -}}", "'-' must be followed by a digit"),
                refusal("minus then a letter", "{\"global\": {\"count-threads\": -x}}", "'-' must be followed by a digit"),
                refusal("decimal point without digits", "{\"global\": {\"count-threads\": 1.}}",
                        "expected a digit after the decimal point"),
                refusal("exponent without digits", "{\"global\": {\"count-threads\": 1e+}}",
                        "expected a digit in the exponent"),
                refusal("number beyond int", "{\"global\": {\"count-threads\": 12345678901234567890}}",
                        "is out of range"),
                refusal("number beyond double", "{\"global\": {\"count-threads\": 1e999}}",
                        "expected an integer, found '1e999'"),
                refusal("NaN", "{\"global\": {\"count-threads\": NaN}}", "unexpected 'N'"),
                refusal("misspelt literal", "{\"global\": {\"count-threads\": tru}}", "did you mean true?"),
                refusal("single quotes", "{'global': {}}", "expected a key in double quotes, found '''"),
                refusal("unquoted key", "{global: {}}", "expected a key in double quotes, found 'g'"),
                refusal("missing colon", "{\"global\" {}}", "key 'global': expected ':' after the key"),
                refusal("missing comma", "{\"global\": {} \"vhosts\": []}", "expected ',' or '}'"),
                refusal("closing bracket for a brace", "{\"vhosts\": [}", "expected a value"),
                refusal("top-level string", "\"conf\"", "holds one JSON object, not a string"),
                refusal("global as an array", "{\"global\": []}", "expected an object, found an array"),
                refusal("vhosts as an object", "{\"vhosts\": {}}", "expected an array of vhost objects"),
                refusal("vhost as a string", "{\"vhosts\": [\"v\"]}", "expected a vhost object, found a string"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedDocuments")
    void malformedDocumentIsRefusedWithAPosition(String name, String document, String problem) {
        ConfigException e = assertThrows(ConfigException.class, () -> Configs.parse(document));

        assertEquals(Configs.FILE, e.file());
        assertTrue(e.line() >= 1 && e.column() >= 1, e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertTrue(e.getMessage().length() < 300, "one short line: " + e.getMessage());
    }

    @Test
    void nestingOf32LevelsIsAccepted() throws ConfigException {
        // top object, vhosts array, vhost, ws-protocols array, its object, p's options: 6 levels
        String options = "{\"o\": ".repeat(26) + "{}" + "}".repeat(26);
        Configs.parse(Configs.vhostWith("\"ws-protocols\": [{\"p\": " + options + "}]"));
    }

    @Test
    void placeholderExpansionBeyond64KiBIsRefused() {
        String document = "{\"global\": {\"plugin-dir\": \"" + Scalars.DATA_DIR_TOKEN.repeat(6000) + "\"}}";
        Path longDataDir = Path.of("/" + "d".repeat(100));

        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse("conf", document, longDataDir));

        assertTrue(e.getMessage().contains("string longer than 64 KiB once _lws_ddir_ is replaced"), e.getMessage());
    }

    @TempDir
    Path dir;

    static Stream<Arguments> malformedBytes() {
        return Stream.of(
                Arguments.of("byte 0xFF", new byte[] {(byte) 0xFF}),
                Arguments.of("continuation byte alone", new byte[] {(byte) 0x80}),
                Arguments.of("overlong NUL", new byte[] {(byte) 0xC0, (byte) 0x80}),
                Arguments.of("overlong slash", new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}),
                Arguments.of("encoded surrogate", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}),
                Arguments.of("beyond U+10FFFF", new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}),
                Arguments.of("Latin-1 e-acute", new byte[] {(byte) 0xE9, 'x'}),
                Arguments.of("sequence cut by the end of file", new byte[] {(byte) 0xE2, (byte) 0x82}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBytes")
    void invalidUtf8InAFileIsRefusedAtItsPosition(String name, byte[] bad) throws IOException {
        byte[] head = "{\"global\": {\n  \"plugin-dir\": \"/p".getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[head.length + bad.length];
        System.arraycopy(head, 0, file, 0, head.length);
        System.arraycopy(bad, 0, file, head.length, bad.length);
        Files.write(dir.resolve("conf"), file);

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(dir, Configs.DATA_DIR));

        assertEquals(2, e.line());
        assertEquals(20, e.column());
        assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
    }

    @Test
    void nulByteInAFileIsRefused() throws IOException {
        Files.write(dir.resolve("conf"), new byte[] {'{', 0, '}'});

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(dir, Configs.DATA_DIR));

        assertEquals(1, e.line());
        assertEquals(2, e.column());
    }
}
