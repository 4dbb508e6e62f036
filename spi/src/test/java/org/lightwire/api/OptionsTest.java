package org.lightwire.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** {@link Options}: lws per-vhost protocol options (pvo) and per-mount options (pmo). */
class OptionsTest {

    private static Options flag(String value) {
        return Options.builder().add("f", value).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "2", "-1", "42", "99999999999", "on", "ON", "yes", "Yes", "true", "TRUE", " true "})
    void flagIsTrueForNonZeroIntegersAndOnYesTrue(String value) {
        assertTrue(flag(value).flag("f"), "'" + value + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "00", "-0", "off", "no", "false", "", "maybe", "y"})
    void flagIsFalseForZeroAndAnythingElse(String value) {
        assertFalse(flag(value).flag("f"), "'" + value + "'");
    }

    @Test
    void absentFlagIsFalse() {
        assertFalse(Options.EMPTY.flag("raw"));
    }

    @Test
    void repeatedNameKeepsEveryValueInOrderAndGetReturnsTheLast() {
        Options o = Options.builder().add("mount", "/a").add("other", "x").add("mount", "/b").build();

        assertEquals(List.of("/a", "/b"), o.all("mount"));
        assertEquals(Optional.of("/b"), o.get("mount"));
        assertEquals(3, o.entries().size());
        assertEquals("other", o.entries().get(1).name());
    }

    @Test
    void allOfAnAbsentNameIsEmpty() {
        assertEquals(List.of(), Options.EMPTY.all("x"));
        assertEquals(Optional.empty(), Options.EMPTY.get("x"));
    }

    @Test
    void childReturnsTheNestedOptionsOfTheLastOptionWithThatName() {
        Options first = Options.builder().add("a", "1").build();
        Options second = Options.builder().add("b", "2").build();
        Options o = Options.builder().add("p", "", first).add("p", "", second).build();

        assertEquals(Optional.of("2"), o.child("p").get("b"));
        assertEquals(Optional.empty(), o.child("p").get("a"));
    }

    @Test
    void childOfAnAbsentOrLeafOptionIsEmpty() {
        Options o = Options.builder().add("leaf", "v").build();

        assertSame(Options.EMPTY, o.child("missing"));
        assertTrue(o.child("leaf").isEmpty());
    }

    @Test
    void intValueParsesTrimmedIntegersAndFallsBackWhenAbsent() {
        Options o = Options.builder().add("n", " 17 ").build();

        assertEquals(17, o.intValue("n", 0));
        assertEquals(5, o.intValue("absent", 5));
    }

    @Test
    void intValueOfANonIntegerNamesTheOption() {
        Options o = Options.builder().add("timeout", "soon").build();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> o.intValue("timeout", 0));
        assertTrue(e.getMessage().contains("timeout") && e.getMessage().contains("soon"), e.getMessage());
    }

    @Test
    void emptyBuilderGivesEmpty() {
        assertSame(Options.EMPTY, Options.builder().build());
    }

    @Test
    void entriesCannotBeModified() {
        Options o = Options.builder().add("a", "1").build();

        assertThrows(UnsupportedOperationException.class, () -> o.entries().clear());
    }

    @Test
    void builderChangesAfterBuildDoNotLeakIntoBuiltOptions() {
        Options.Builder b = Options.builder().add("a", "1");
        Options o = b.build();

        b.add("b", "2");

        assertEquals(1, o.entries().size());
    }

    @Test
    void optionsWithTheSameEntriesAreEqual() {
        Options a = Options.builder().add("x", "1").build();
        Options b = Options.builder().add("x", "1").build();

        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
    }

    @Test
    void optionRejectsNulls() {
        assertThrows(NullPointerException.class, () -> new Options.Option(null, "v", Options.EMPTY));
        assertThrows(NullPointerException.class, () -> new Options.Option("n", null, Options.EMPTY));
        assertThrows(NullPointerException.class, () -> new Options.Option("n", "v", null));
    }

    @Test
    void protocolMarkedRawIsTheRawDefault() {
        assertTrue(new ProtocolSelection("p", Options.builder().add("raw", "1").build()).isRawDefault());
        assertFalse(new ProtocolSelection("p", Options.EMPTY).isRawDefault());
    }
}
