package org.lightwire.plugin.postdemo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Client file names become single, visible, harmless names. */
class FileNamesTest {

    @Test
    void unixTraversalKeepsOnlyTheLastSegment() {
        assertEquals("passwd", FileNames.sanitize("../../../etc/passwd"));
    }

    @Test
    void windowsPathsKeepOnlyTheLastSegment() {
        assertEquals("report.doc", FileNames.sanitize("C:\\Users\\me\\report.doc"));
    }

    @Test
    void dotSegmentsAndHiddenNamesLoseTheirLeadingDots() {
        assertEquals(FileNames.FALLBACK, FileNames.sanitize(".."));
        assertEquals(FileNames.FALLBACK, FileNames.sanitize("a/.."));
        assertEquals("bashrc", FileNames.sanitize(".bashrc"));
        assertEquals("name", FileNames.sanitize(" name. "));
    }

    @Test
    void nulAndControlCharactersAreDropped() {
        assertEquals("evil.txtjpg", FileNames.sanitize("evil.txt\0jpg"));
        assertEquals("ab", FileNames.sanitize("a\r\n\tb"));
        assertEquals("ab", FileNames.sanitize("a\u202Eb"), "bidi overrides are format characters");
    }

    @Test
    void characterSpecialToFileSystemsOrShellsAreReplacedVisibly() {
        assertEquals("a_b_c_d_e__f", FileNames.sanitize("a:b*c?d\"e<>f"));
        assertEquals("_x_ _ rm -rf", FileNames.sanitize("$x; | rm -rf"));
    }

    @Test
    void lettersOfAnyScriptAreKept() {
        assertEquals("été-日本語 (1).png", FileNames.sanitize("été-日本語 (1).png"));
    }

    @Test
    void emptyNameFallsBack() {
        assertEquals(FileNames.FALLBACK, FileNames.sanitize(""));
        assertEquals(FileNames.FALLBACK, FileNames.sanitize("dir/"));
    }

    @Test
    void longNamesAreCappedWithoutSplittingACharacter() {
        String name = FileNames.sanitize("\uD801\uDC00".repeat(150)); // DESERET CAPITAL LONG I, a letter outside the BMP

        assertTrue(name.length() <= FileNames.MAX_LENGTH, name);
        assertEquals(100, name.codePointCount(0, name.length()));
    }
}
