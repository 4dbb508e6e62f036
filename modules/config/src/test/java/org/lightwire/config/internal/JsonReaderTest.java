package org.lightwire.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lightwire.config.internal.JsonValue.ArrayValue;
import org.lightwire.config.internal.JsonValue.BooleanValue;
import org.lightwire.config.internal.JsonValue.Member;
import org.lightwire.config.internal.JsonValue.NullValue;
import org.lightwire.config.internal.JsonValue.NumberValue;
import org.lightwire.config.internal.JsonValue.ObjectValue;
import org.lightwire.config.internal.JsonValue.StringValue;

/** The strict reader: RFC 8259 grammar, lws comments, positions and repeated keys. */
class JsonReaderTest {

    private static ObjectValue object(String text) throws JsonSyntaxException {
        return assertInstanceOf(ObjectValue.class, JsonReader.read(text));
    }

    @Test
    void everyKeyAndValueRecordsItsLineAndColumn() throws JsonSyntaxException {
        ObjectValue root = object("{\n  \"a\": 1,\n\t\"b\" :  [true, null]\n}");

        Member a = root.members().get(0);
        Member b = root.members().get(1);
        assertEquals(new Position(1, 1), root.at());
        assertEquals(new Position(2, 3), a.at());
        assertEquals(new Position(2, 8), a.value().at());
        assertEquals(new Position(3, 2), b.at());
        ArrayValue array = assertInstanceOf(ArrayValue.class, b.value());
        assertEquals(new Position(3, 9), array.at());
        assertEquals(new Position(3, 10), array.elements().get(0).at());
        assertEquals(new Position(3, 16), array.elements().get(1).at());
    }

    @Test
    void columnsCountCodePointsNotUtf16Units() throws JsonSyntaxException {
        // U+1F600 is two UTF-16 units but one character on screen
        ObjectValue root = object("{\"\uD83D\uDE00\": 1, \"k\": 2}");

        assertEquals(new Position(1, 10), root.members().get(1).at());
    }

    @Test
    void crLfAndLoneCrEachEndOneLine() throws JsonSyntaxException {
        ObjectValue root = object("{\r\n\"a\": 1,\r\"b\": 2\n,\"c\": 3}");

        assertEquals(2, root.members().get(0).at().line());
        assertEquals(3, root.members().get(1).at().line());
        assertEquals(new Position(4, 2), root.members().get(2).at());
    }

    @Test
    void commentsLineCountIsKept() throws JsonSyntaxException {
        ObjectValue root = object("# one\n{ # two\n \"a\": \"#x\" # three\n}");

        assertEquals(new Position(3, 2), root.members().get(0).at());
        assertEquals("#x", ((StringValue) root.members().get(0).value()).value());
    }

    @Test
    void repeatedKeysAreKeptInOrder() throws JsonSyntaxException {
        ObjectValue root = object("{\"k\": \"1\", \"j\": 0, \"k\": \"2\"}");

        assertEquals(List.of("k", "j", "k"), root.members().stream().map(Member::name).toList());
        assertEquals("2", ((StringValue) root.members().get(2).value()).value());
    }

    @Test
    void escapesAreResolved() throws JsonSyntaxException {
        ObjectValue root = object("{\"s\": \"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\uD83D\\uDE00\"}");

        assertEquals("\" \\ / \b \f \n \r \t \u00e9 \uD83D\uDE00", ((StringValue) root.members().get(0).value()).value());
    }

    @Test
    void loneSurrogateEscapesPassThrough() throws JsonSyntaxException {
        ObjectValue root = object("{\"s\": \"\\uD800x\\uDC00\"}");

        assertEquals("\uD800x\uDC00", ((StringValue) root.members().get(0).value()).value());
    }

    @Test
    void numbersKeepTheirText() throws JsonSyntaxException {
        ObjectValue root = object("{\"a\": -0, \"b\": 10.50, \"c\": 1E+3}");

        assertEquals(List.of("-0", "10.50", "1E+3"),
                root.members().stream().map(m -> ((NumberValue) m.value()).text()).toList());
    }

    @Test
    void literalsAreRead() throws JsonSyntaxException {
        ArrayValue array = assertInstanceOf(ArrayValue.class, JsonReader.read("[true, false, null]"));

        assertEquals(new BooleanValue(true, new Position(1, 2)), array.elements().get(0));
        assertEquals(new BooleanValue(false, new Position(1, 8)), array.elements().get(1));
        assertInstanceOf(NullValue.class, array.elements().get(2));
    }

    @Test
    void thirtyTwoLevelsAreAcceptedAndTheThirtyThirdIsRefusedWhereItOpens() throws JsonSyntaxException {
        JsonReader.read("[".repeat(32) + "]".repeat(32));

        JsonSyntaxException e = assertThrows(JsonSyntaxException.class,
                () -> JsonReader.read("[".repeat(33) + "]".repeat(33)));
        assertEquals(new Position(1, 33), e.at());
        assertEquals("[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]",
                e.path());
    }

    @Test
    void syntaxErrorCarriesThePathOfTheKeyBeingRead() {
        JsonSyntaxException e = assertThrows(JsonSyntaxException.class,
                () -> JsonReader.read("{\"vhosts\": [{}, {\"name\": \"v\", \"port\": 01}]}"));

        assertEquals("vhosts[1].port", e.path());
        assertEquals(new Position(1, 39), e.at());
    }

    @Test
    void syntaxErrorAtTheTopLevelHasNoPath() {
        JsonSyntaxException e = assertThrows(JsonSyntaxException.class, () -> JsonReader.read("{} ]"));

        assertNull(e.path());
        assertEquals(new Position(1, 4), e.at());
    }

    @Test
    void unterminatedStringIsReportedWhereItOpens() {
        JsonSyntaxException e = assertThrows(JsonSyntaxException.class, () -> JsonReader.read("{\n \"a\": \"abc"));

        assertEquals(new Position(2, 7), e.at());
        assertEquals("unterminated string", e.problem());
    }

    @Test
    void stringOfExactly64KiBIsAccepted() throws JsonSyntaxException {
        String s = "x".repeat(JsonReader.MAX_STRING_LENGTH);

        assertEquals(s, ((StringValue) JsonReader.read("\"" + s + "\"")).value());
    }
}
