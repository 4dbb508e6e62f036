package org.lightwire.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.lightwire.api.http.HttpFields;
import org.lightwire.http.internal.Conditionals.Outcome;

class ConditionalsTest {

    private static final String TAG = "\"1f-abc\"";
    private static final long MODIFIED = 784111777L; // Sun, 06 Nov 1994 08:49:37 GMT
    private static final long NOW = MODIFIED + 1_000_000;

    private static Outcome eval(String method, String... nameValues) {
        HttpFields.Builder b = HttpFields.builder();
        for (int i = 0; i < nameValues.length; i += 2) {
            b.add(nameValues[i], nameValues[i + 1]);
        }
        return Conditionals.evaluate(method, b.build(), TAG, MODIFIED, NOW);
    }

    @Test
    void etagIsStrongAndChangesWithSizeTimeAndIdentity() {
        String a = Conditionals.etag(10, 1000, "k1");
        assertTrue(a.startsWith("\"") && a.endsWith("\"") && !a.startsWith("W/"));
        assertNotEquals(a, Conditionals.etag(11, 1000, "k1"));
        assertNotEquals(a, Conditionals.etag(10, 1001, "k1"));
        assertNotEquals(a, Conditionals.etag(10, 1000, "k2"));
        assertEquals("\"a-3e8\"", Conditionals.etag(10, 1000, null));
    }

    @Test
    void noConditionsProceed() {
        assertEquals(Outcome.PROCEED, eval("GET"));
    }

    @Test
    void ifNoneMatchWithTheTagGives304() {
        assertEquals(Outcome.NOT_MODIFIED, eval("GET", "if-none-match", TAG));
        assertEquals(Outcome.NOT_MODIFIED, eval("HEAD", "if-none-match", TAG));
    }

    @Test
    void ifNoneMatchUnderstandsListsStarAndWeakTags() {
        assertEquals(Outcome.NOT_MODIFIED, eval("GET", "if-none-match", "\"other\", " + TAG));
        assertEquals(Outcome.NOT_MODIFIED, eval("GET", "if-none-match", "\"x\",W/" + TAG + " ,\"y\""));
        assertEquals(Outcome.NOT_MODIFIED, eval("GET", "if-none-match", "*"));
        assertEquals(Outcome.PROCEED, eval("GET", "if-none-match", "\"other\", W/\"1f-abd\""));
        assertEquals(Outcome.PROCEED, eval("GET", "if-none-match", "1f-abc"), "an unquoted tag is malformed, no match");
        assertEquals(Outcome.PROCEED, eval("GET", "if-none-match", "\"1f-abc"), "unterminated");
        assertEquals(Outcome.PROCEED, eval("GET", "if-none-match", "\"1f-ab\"c\""));
        assertEquals(Outcome.PROCEED, eval("GET", "if-none-match", ""));
    }

    @Test
    void ifNoneMatchOnOtherMethodsFailsThePrecondition() {
        assertEquals(Outcome.PRECONDITION_FAILED, eval("POST", "if-none-match", TAG));
    }

    @Test
    void ifNoneMatchOverridesIfModifiedSince() {
        assertEquals(Outcome.PROCEED, eval("GET", "if-none-match", "\"other\"",
                "if-modified-since", "Sun, 06 Nov 1994 08:49:37 GMT"));
    }

    @Test
    void ifModifiedSince() {
        assertEquals(Outcome.NOT_MODIFIED, eval("GET", "if-modified-since", "Sun, 06 Nov 1994 08:49:37 GMT"));
        assertEquals(Outcome.NOT_MODIFIED, eval("GET", "if-modified-since", "Mon, 07 Nov 1994 08:49:37 GMT"));
        assertEquals(Outcome.PROCEED, eval("GET", "if-modified-since", "Sun, 06 Nov 1994 08:49:36 GMT"));
        assertEquals(Outcome.PROCEED, eval("GET", "if-modified-since", "not a date"));
        assertEquals(Outcome.PROCEED, eval("GET", "if-modified-since", "Fri, 01 Jan 2100 00:00:00 GMT"),
                "a date in the future is ignored");
        assertEquals(Outcome.PROCEED, eval("POST", "if-modified-since", "Mon, 07 Nov 1994 08:49:37 GMT"));
    }

    @Test
    void ifMatchUsesStrongComparison() {
        assertEquals(Outcome.PROCEED, eval("GET", "if-match", TAG));
        assertEquals(Outcome.PROCEED, eval("GET", "if-match", "*"));
        assertEquals(Outcome.PRECONDITION_FAILED, eval("GET", "if-match", "W/" + TAG));
        assertEquals(Outcome.PRECONDITION_FAILED, eval("GET", "if-match", "\"other\""));
    }

    @Test
    void ifUnmodifiedSince() {
        assertEquals(Outcome.PROCEED, eval("GET", "if-unmodified-since", "Sun, 06 Nov 1994 08:49:37 GMT"));
        assertEquals(Outcome.PRECONDITION_FAILED, eval("GET", "if-unmodified-since", "Sat, 05 Nov 1994 08:49:37 GMT"));
        assertEquals(Outcome.PROCEED, eval("GET", "if-unmodified-since", "garbage"));
    }

    @Test
    void ifRange() {
        HttpFields none = HttpFields.EMPTY;
        assertTrue(Conditionals.ifRangeAllows(none, TAG, MODIFIED));
        assertTrue(Conditionals.ifRangeAllows(HttpFields.builder().add("if-range", TAG).build(), TAG, MODIFIED));
        assertFalse(Conditionals.ifRangeAllows(HttpFields.builder().add("if-range", "W/" + TAG).build(), TAG, MODIFIED));
        assertFalse(Conditionals.ifRangeAllows(HttpFields.builder().add("if-range", "\"old\"").build(), TAG, MODIFIED));
        assertTrue(Conditionals.ifRangeAllows(HttpFields.builder().add("if-range", "Sun, 06 Nov 1994 08:49:37 GMT").build(),
                TAG, MODIFIED));
        assertFalse(Conditionals.ifRangeAllows(HttpFields.builder().add("if-range", "Mon, 07 Nov 1994 08:49:37 GMT").build(),
                TAG, MODIFIED), "If-Range dates must match exactly");
        assertFalse(Conditionals.ifRangeAllows(HttpFields.builder().add("if-range", "junk").build(), TAG, MODIFIED));
    }
}
