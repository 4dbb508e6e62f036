package org.lightwire.plugin.postdemo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Content-Disposition of form-data parts, read the way browsers write it. */
class ContentDispositionTest {

    @Test
    void nameAndFileNameAreRead() throws Exception {
        assertEquals(new ContentDisposition("file", Optional.of("a b.txt")),
                ContentDisposition.parse("form-data; name=\"file\"; filename=\"a b.txt\""));
    }

    @Test
    void typeAndParameterNamesAreCaseInsensitiveAndTokensNeedNoQuotes() throws Exception {
        assertEquals(new ContentDisposition("text", Optional.empty()),
                ContentDisposition.parse("Form-Data; NAME=text;"));
    }

    @Test
    void backslashesInQuotedFileNamesAreLiteralAsBrowsersSendThem() throws Exception {
        assertEquals(Optional.of("C:\\dir\\a.txt"),
                ContentDisposition.parse("form-data; name=f; filename=\"C:\\dir\\a.txt\"").filename());
    }

    @Test
    void extendedFileNameWinsWhenItIsUtf8() throws Exception {
        assertEquals(Optional.of("été.txt"),
                ContentDisposition.parse("form-data; name=f; filename=\"ete.txt\"; filename*=UTF-8''%C3%A9t%C3%A9.txt")
                        .filename());
        assertEquals(Optional.of("plain.txt"),
                ContentDisposition.parse("form-data; name=f; filename=\"plain.txt\"; filename*=ISO-8859-1''%E9.txt")
                        .filename());
        assertEquals(Optional.of("plain.txt"),
                ContentDisposition.parse("form-data; name=f; filename=\"plain.txt\"; filename*=UTF-8''bad%zz")
                        .filename());
    }

    @Test
    void mediaTypeParametersUnescapeQuotedPairs() throws Exception {
        MediaType t = MediaType.parse("Multipart/Form-Data ; Boundary=\"a\\\"b\"");

        assertEquals("multipart/form-data", t.type());
        assertEquals(Optional.of("a\"b"), t.parameter("boundary"));
    }
}
