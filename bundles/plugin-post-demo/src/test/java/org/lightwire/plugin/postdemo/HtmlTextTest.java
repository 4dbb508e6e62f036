package org.lightwire.plugin.postdemo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Client text cannot open markup or attributes in the demo's pages. */
class HtmlTextTest {

    @Test
    void markupCharactersAreEscaped() {
        assertEquals("&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;", HtmlText.escape("<a href=\"x\" onclick='y'>&"));
    }

    @Test
    void controlCharactersBecomeReplacementCharacters() {
        assertEquals("a\uFFFDb\uFFFDc\td\r\ne", HtmlText.escape("a\0b\u0085c\td\r\ne"));
    }

    @Test
    void loneSurrogatesAreReplacedAndPairsKept() {
        assertEquals("\uFFFDx😀", HtmlText.escape("\uD800x😀"));
    }
}
