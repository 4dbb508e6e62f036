package org.lightwire.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lightwire.api.Mount;

class MountTableTest {

    private static Mount file(String mountpoint) {
        return Mount.builder(mountpoint, "file:///srv" + mountpoint).build();
    }

    private static final Mount ROOT = file("/");
    private static final Mount FORM = Mount.builder("/formtest", "callback://post").build();
    private static final Mount DEEP = file("/formtest/deep");
    private static final Mount EXACT = Mount.builder("/exact", "callback://x").exactMatch(true).build();
    private static final Mount SLASHED = file("/slashed/");

    private final MountTable table = new MountTable(List.of(ROOT, FORM, DEEP, EXACT, SLASHED));

    @Test
    void longestMountpointAtASegmentBoundaryWins() {
        assertEquals(FORM, table.match("/formtest").mount());
        assertEquals("", table.match("/formtest").pathInMount());
        assertEquals("/x", table.match("/formtest/x").pathInMount());
        assertEquals(DEEP, table.match("/formtest/deep/y").mount());
        assertEquals("/y", table.match("/formtest/deep/y").pathInMount());
    }

    @Test
    void aPrefixThatStopsInsideASegmentDoesNotMatch() {
        assertEquals(ROOT, table.match("/formtestx").mount());
        assertEquals("/formtestx", table.match("/formtestx").pathInMount());
    }

    @Test
    void rootMatchesEverythingElse() {
        assertEquals(ROOT, table.match("/").mount());
        assertEquals("", table.match("/").pathInMount());
        assertEquals("/a/b", table.match("/a/b").pathInMount());
    }

    @Test
    void exactMatchMountsOnlyTakeTheirOwnPath() {
        assertEquals(EXACT, table.match("/exact").mount());
        assertEquals(ROOT, table.match("/exact/more").mount());
    }

    @Test
    void aTrailingSlashInTheMountpointIsIgnoredForMatching() {
        assertEquals(SLASHED, table.match("/slashed").mount());
        assertEquals("/a", table.match("/slashed/a").pathInMount());
    }

    @Test
    void withoutARootMountUnmatchedPathsMatchNothing() {
        MountTable t = new MountTable(List.of(FORM));
        assertNull(t.match("/other"));
        assertEquals(1, new MountTable(List.of(ROOT, FORM, FORM)).match("/formtest").index(), "first of equal mountpoints wins");
    }
}
