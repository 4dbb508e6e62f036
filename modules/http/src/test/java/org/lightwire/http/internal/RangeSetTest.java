package org.lightwire.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RangeSetTest {

    private static RangeSet parse(String header) {
        return RangeSet.parse(header, 1000, 16);
    }

    private static List<ByteRange> ranges(String header) {
        RangeSet r = parse(header);
        assertEquals(RangeSet.Kind.RANGES, r.kind(), header);
        return r.ranges();
    }

    @Test
    void singleRanges() {
        assertEquals(List.of(new ByteRange(0, 499)), ranges("bytes=0-499"));
        assertEquals(List.of(new ByteRange(500, 999)), ranges("bytes=500-"), "open ended");
        assertEquals(List.of(new ByteRange(900, 999)), ranges("bytes=-100"), "suffix");
        assertEquals(List.of(new ByteRange(0, 999)), ranges("bytes=-5000"), "suffix longer than the file");
        assertEquals(List.of(new ByteRange(990, 999)), ranges("bytes=990-5000"), "last clipped");
        assertEquals(List.of(new ByteRange(5, 5)), ranges("Bytes = 5-5"), "unit case-insensitive, spaces tolerated");
        assertEquals(List.of(new ByteRange(0, 999)), ranges("bytes=0-99999999999999999999999"), "huge last saturates");
    }

    @Test
    void multipleRangesKeepRequestOrder() {
        assertEquals(List.of(new ByteRange(500, 599), new ByteRange(0, 99), new ByteRange(990, 999)),
                ranges("bytes=500-599, 0-99,-10"));
        assertEquals(List.of(new ByteRange(0, 0), new ByteRange(2, 2)), ranges("bytes=0-0,,2-2,"), "empty list elements");
    }

    @Test
    void unsatisfiableRangesAreDroppedAndNoneLeftMeans416() {
        assertEquals(List.of(new ByteRange(0, 9)), ranges("bytes=0-9,2000-3000"));
        assertEquals(RangeSet.Kind.UNSATISFIABLE, parse("bytes=1000-").kind());
        assertEquals(RangeSet.Kind.UNSATISFIABLE, parse("bytes=5000-6000, 1000-1000").kind());
        assertEquals(RangeSet.Kind.UNSATISFIABLE, parse("bytes=-0").kind());
        assertEquals(RangeSet.Kind.UNSATISFIABLE, parse("bytes=99999999999999999999999-").kind());
        assertEquals(RangeSet.Kind.UNSATISFIABLE, RangeSet.parse("bytes=0-", 0, 16).kind(), "nothing is in an empty file");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "bytes", "bytes=", "bytes=,", "items=0-1", "bytes=a-b", "bytes=5-1", "bytes=-",
        "bytes=1-2-3", "bytes=1 - 2", "bytes=0-1;x", "bytes=--1", "bytes=+1-2", "bytes=0x10-0x20", "=0-1", "bytes=1-2 3"})
    void malformedHeadersAreIgnored(String header) {
        assertEquals(RangeSet.Kind.IGNORE, parse(header).kind(), header);
    }

    @Test
    void overlappingRangesAreIgnoredRatherThanAmplified() {
        assertEquals(RangeSet.Kind.IGNORE, parse("bytes=0-500,400-600").kind());
        assertEquals(RangeSet.Kind.IGNORE, parse("bytes=0-,0-,0-").kind());
        assertEquals(RangeSet.Kind.IGNORE, parse("bytes=-100,950-").kind());
        assertEquals(RangeSet.Kind.RANGES, parse("bytes=0-1,2-3").kind(), "adjacent is not overlapping");
    }

    @Test
    void moreThanTheCapOfPartsIsIgnored() {
        StringBuilder sixteen = new StringBuilder("bytes=");
        for (int i = 0; i < 16; i++) {
            sixteen.append(i * 10).append('-').append(i * 10 + 1).append(',');
        }
        assertEquals(16, ranges(sixteen.toString()).size());
        assertEquals(RangeSet.Kind.IGNORE, parse(sixteen + "900-901").kind());
        assertEquals(RangeSet.Kind.IGNORE, parse("bytes=" + "1-1,".repeat(10_000)).kind());
    }
}
