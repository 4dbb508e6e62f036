package org.lightwire.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.lightwire.api.Mount;

class MimeTypesTest {

    @Test
    void cannedSuffixesHaveTheirTypesCaseInsensitively() {
        MimeTypes t = MimeTypes.of(Mount.builder("/", "file:///srv").build());
        assertEquals("text/html; charset=utf-8", t.typeOf("index.html"));
        assertEquals("image/jpeg", t.typeOf("PHOTO.JPG"));
        assertEquals("application/gzip", t.typeOf("a.tar.gz"));
    }

    @Test
    void unknownSuffixesAndNamesWithoutOneAreRefused() {
        MimeTypes t = MimeTypes.CANNED_ONLY;
        assertNull(t.typeOf("passwd"));
        assertNull(t.typeOf("archive.zip"));
        assertNull(t.typeOf(".htpasswd"));
        assertNull(t.typeOf("script.php"));
        assertNull(t.typeOf("html"));
    }

    @Test
    void extraMimetypesAddAndOverrideLongestSuffixFirst() {
        MimeTypes t = MimeTypes.of(Mount.builder("/", "file:///srv")
                .extraMimetype(".zip", "application/zip")
                .extraMimetype(".gz", "application/x-gzip")
                .extraMimetype(".tar.gz", "application/x-tgz")
                .extraMimetype(".doc", "text/evil").build());
        assertEquals("application/zip", t.typeOf("a.zip"));
        assertEquals("application/x-tgz", t.typeOf("a.TAR.GZ"));
        assertEquals("application/x-gzip", t.typeOf("a.gz"));
        assertEquals("text/html; charset=utf-8", t.typeOf("a.html"));
        assertNull(t.typeOf("passwd"));
    }

    @Test
    void starServesAnySuffixWithoutOrWithItsType() {
        MimeTypes any = MimeTypes.of(Mount.builder("/", "file:///srv").extraMimetype("*", "").build());
        assertEquals("", any.typeOf("passwd"));
        assertEquals("", any.typeOf("x.unknown"));
        assertEquals("text/css; charset=utf-8", any.typeOf("x.css"));
        MimeTypes typed = MimeTypes.of(Mount.builder("/", "file:///srv").extraMimetype("*", "application/octet-stream").build());
        assertEquals("application/octet-stream", typed.typeOf("blob"));
    }
}
