package org.lightwire.plugin.postdemo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightwire.api.http.HttpFields;

/** protocol-post-demo driven through its HttpSession events with a recording exchange. */
class PostDemoSessionTest {

    @TempDir
    Path uploads;

    private PostDemoLimits limits(long maxFile, int maxFields, int maxField, int maxHeader) {
        return new PostDemoLimits(uploads, maxFile, maxFields, maxField, maxHeader);
    }

    private PostDemoLimits defaults() {
        return limits(PostDemoLimits.DEFAULT_MAX_FILE_SIZE, PostDemoLimits.DEFAULT_MAX_FIELDS,
                PostDemoLimits.DEFAULT_MAX_FIELD_SIZE, PostDemoLimits.DEFAULT_MAX_PART_HEADER_SIZE);
    }

    /** Sends {@code body} in pieces of {@code piece} bytes, then completes it. */
    private static FakeExchange submit(PostDemoSession session, FakeExchange ex, byte[] body, int piece)
            throws Exception {
        session.request(ex);
        for (int i = 0; i < body.length; i += piece) {
            ByteBuffer b = ByteBuffer.wrap(body, i, Math.min(piece, body.length - i));
            session.body(ex, b);
            assertFalse(b.hasRemaining(), "the session consumes every byte it is given");
        }
        session.bodyComplete(ex);
        return ex;
    }

    private FakeExchange multipart(PostDemoLimits l, byte[] body, int piece) throws Exception {
        return submit(new PostDemoSession(l), FakeExchange.post(Multipart.CONTENT_TYPE), body, piece);
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    private static List<String> rows(String page, String attribute) {
        Matcher m = Pattern.compile(attribute + "=\"([^\"]*)\"").matcher(page);
        return m.results().map(r -> r.group(1)).toList();
    }

    private List<Path> leftInUploads() throws IOException {
        try (Stream<Path> s = Files.list(uploads)) {
            return s.toList();
        }
    }

    // ---- GET and other methods ----

    @Test
    void getOnTheMountpointAnswersTheFormPostingBackToTheMount() throws Exception {
        FakeExchange ex = FakeExchange.request("GET", "", HttpFields.EMPTY, false);

        new PostDemoSession(defaults()).request(ex);

        assertEquals(200, ex.status);
        assertEquals("text/html; charset=utf-8", ex.headers.get("content-type").orElseThrow());
        assertTrue(ex.body.contains("<form action=\"/formtest\" method=\"post\" enctype=\"multipart/form-data\">"),
                ex.body);
        for (String field : List.of("name=\"text\"", "name=\"send\"", "name=\"file\"", "name=\"upload\"")) {
            assertTrue(ex.body.contains(field), field);
        }
    }

    @Test
    void headOnTheMountAnswersLikeGet() throws Exception {
        FakeExchange ex = FakeExchange.request("HEAD", "/", HttpFields.EMPTY, false);

        new PostDemoSession(defaults()).request(ex);

        assertEquals(200, ex.status);
    }

    @Test
    void getBelowTheMountpointIsNotFound() throws Exception {
        FakeExchange ex = FakeExchange.request("GET", "/other", HttpFields.EMPTY, false);

        new PostDemoSession(defaults()).request(ex);

        assertEquals(404, ex.status);
    }

    @Test
    void putIsRefusedWith405NamingTheAllowedMethods() throws Exception {
        PostDemoSession session = new PostDemoSession(defaults());
        FakeExchange ex = FakeExchange.request("PUT", "", HttpFields.EMPTY, true);

        session.request(ex);
        session.body(ex, ByteBuffer.wrap("ignored".getBytes(StandardCharsets.US_ASCII)));
        session.bodyComplete(ex);

        assertEquals(405, ex.status);
        assertEquals("GET, HEAD, POST", ex.headers.get("allow").orElseThrow());
        assertEquals(1, ex.answers);
    }

    // ---- urlencoded ----

    @Test
    void urlencodedFieldsAreListedDecodedAndEscaped() throws Exception {
        byte[] body = "text=%3Cscript%3Ealert(1)%3C%2Fscript%3E+%26+more&send=Send".getBytes(StandardCharsets.US_ASCII);

        FakeExchange ex = submit(new PostDemoSession(defaults()),
                FakeExchange.post("application/x-www-form-urlencoded"), body, body.length);

        assertEquals(200, ex.status);
        assertEquals("no-store", ex.headers.get("cache-control").orElseThrow());
        assertEquals(List.of("text", "send"), rows(ex.body, "data-name"));
        assertEquals(List.of("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more", "Send"), rows(ex.body, "data-value"));
        assertFalse(ex.body.contains("<script>"), ex.body);
    }

    @Test
    void urlencodedBodySplitAtEveryByteGivesTheSameFields() throws Exception {
        byte[] body = "a=%C3%A9t%C3%A9&b=x+y&&flag&c=".getBytes(StandardCharsets.US_ASCII);

        FakeExchange ex = submit(new PostDemoSession(defaults()),
                FakeExchange.post("application/x-www-form-urlencoded; charset=UTF-8"), body, 1);

        assertEquals(List.of("a", "b", "flag", "c"), rows(ex.body, "data-name"));
        assertEquals(List.of("été", "x y", "", ""), rows(ex.body, "data-value"));
    }

    @Test
    void badPercentEncodingIsRefusedWith400() throws Exception {
        byte[] body = "text=100%zz".getBytes(StandardCharsets.US_ASCII);

        FakeExchange ex = submit(new PostDemoSession(defaults()),
                FakeExchange.post("application/x-www-form-urlencoded"), body, 3);

        assertEquals(400, ex.status);
        assertTrue(ex.errorMessage.contains("percent-encoding"), ex.errorMessage);
        assertEquals(1, ex.answers);
    }

    @Test
    void bodyEndingInsideAPercentEscapeIsRefusedWith400() throws Exception {
        byte[] body = "text=abc%4".getBytes(StandardCharsets.US_ASCII);

        FakeExchange ex = submit(new PostDemoSession(defaults()),
                FakeExchange.post("application/x-www-form-urlencoded"), body, body.length);

        assertEquals(400, ex.status);
    }

    @Test
    void urlencodedValuePastTheFieldLimitIsRefusedWith413AndTheRestIgnored() throws Exception {
        byte[] body = ("text=" + "x".repeat(100) + "&after=1").getBytes(StandardCharsets.US_ASCII);

        FakeExchange ex = submit(new PostDemoSession(limits(1024, 32, 64, 1024)),
                FakeExchange.post("application/x-www-form-urlencoded"), body, 7);

        assertEquals(413, ex.status);
        assertEquals(1, ex.answers);
    }

    @Test
    void urlencodedNulIsShownAsAReplacementCharacter() throws Exception {
        byte[] body = "text=a%00b".getBytes(StandardCharsets.US_ASCII);

        FakeExchange ex = submit(new PostDemoSession(defaults()),
                FakeExchange.post("application/x-www-form-urlencoded"), body, body.length);

        assertEquals(List.of("a\uFFFDb"), rows(ex.body, "data-value"));
    }

    @Test
    void tooManyUrlencodedFieldsAreRefusedWith413() throws Exception {
        byte[] body = "a=1&b=2&c=3&d=4".getBytes(StandardCharsets.US_ASCII);

        FakeExchange ex = submit(new PostDemoSession(limits(1024, 3, 64, 1024)),
                FakeExchange.post("application/x-www-form-urlencoded"), body, body.length);

        assertEquals(413, ex.status);
        assertTrue(ex.errorMessage.contains("more than 3"), ex.errorMessage);
    }

    @Test
    void postWithoutBodyOrContentTypeListsNothing() throws Exception {
        PostDemoSession session = new PostDemoSession(defaults());
        FakeExchange ex = FakeExchange.request("POST", "", HttpFields.EMPTY, false);

        session.request(ex);

        assertEquals(200, ex.status);
        assertTrue(ex.body.contains("Fields (0)") && ex.body.contains("Files (0)"), ex.body);
    }

    @Test
    void bodyWithoutContentTypeIsRefusedWith415() throws Exception {
        FakeExchange ex = FakeExchange.request("POST", "", HttpFields.EMPTY, true);

        new PostDemoSession(defaults()).request(ex);

        assertEquals(415, ex.status);
    }

    @Test
    void otherBodyTypesAreRefusedWith415() throws Exception {
        FakeExchange ex = FakeExchange.post("application/json");

        new PostDemoSession(defaults()).request(ex);

        assertEquals(415, ex.status);
    }

    @Test
    void unparsableContentTypeIsRefusedWith400() throws Exception {
        FakeExchange ex = FakeExchange.post("multipart/form-data; boundary=\"unterminated");

        new PostDemoSession(defaults()).request(ex);

        assertEquals(400, ex.status);
    }

    // ---- multipart ----

    @Test
    void multipartFieldsAndFileAreListedWithTheFilesSizeAndSha256() throws Exception {
        byte[] content = new byte[300_000];
        new Random(7).nextBytes(content);
        byte[] body = new Multipart().field("text", "hello <world>").field("send", "Send")
                .file("file", "photo.bin", "application/octet-stream", content).field("upload", "Upload").end().bytes();

        FakeExchange ex = multipart(defaults(), body, body.length);

        assertEquals(200, ex.status, ex.errorMessage);
        assertEquals(List.of("text", "send", "upload", "photo.bin"), rows(ex.body, "data-name"));
        assertEquals(List.of("hello &lt;world&gt;", "Send", "Upload"), rows(ex.body, "data-value"));
        assertEquals(List.of("file"), rows(ex.body, "data-field"));
        assertEquals(List.of("300000"), rows(ex.body, "data-size"));
        assertEquals(List.of(sha256(content)), rows(ex.body, "data-sha256"));
        assertEquals(List.of(), leftInUploads(), "temp files are deleted once the answer is built");
    }

    @Test
    void multipartSplitAtAnyOffsetGivesTheSameResult() throws Exception {
        // content full of near-delimiters: CRs, CRLF--, and the boundary text without its line break
        byte[] content = ("\r\r\n\r\n-\r\n--\r\n--" + Multipart.BOUNDARY.substring(0, 10) + "x--" + Multipart.BOUNDARY
                + "\r\n\r").getBytes(StandardCharsets.US_ASCII);
        byte[] body = new Multipart().field("text", "a\r\nb").file("file", "f.txt", "text/plain", content).end().bytes();
        String expected = multipart(defaults(), body, body.length).body;

        for (int piece = 1; piece <= 61; piece++) {
            FakeExchange ex = multipart(defaults(), body, piece);
            assertEquals(expected, ex.body, "pieces of " + piece);
        }
        assertEquals(List.of(String.valueOf(content.length)), rows(expected, "data-size"));
        assertEquals(List.of(sha256(content)), rows(expected, "data-sha256"));
        assertEquals(List.of("a\r\nb"), rows(expected, "data-value"));
    }

    @Test
    void boundaryTextInsideContentWithoutALineBreakStaysContent() throws Exception {
        byte[] content = ("--" + Multipart.BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = new Multipart().file("file", "b.txt", "text/plain", content).end().bytes();

        FakeExchange ex = multipart(defaults(), body, 5);

        assertEquals(200, ex.status, ex.errorMessage);
        assertEquals(List.of(sha256(content)), rows(ex.body, "data-sha256"));
    }

    @Test
    void delimiterInsideContentFollowedByOtherTextIsRefusedWith400() throws Exception {
        byte[] body = new Multipart().field("text", "before\r\n--" + Multipart.BOUNDARY + "tail").end().bytes();

        FakeExchange ex = multipart(defaults(), body, body.length);

        assertEquals(400, ex.status);
        assertTrue(ex.errorMessage.contains("boundary"), ex.errorMessage);
    }

    @Test
    void preambleEpilogueAndTransportPaddingAreAccepted() throws Exception {
        byte[] body = new Multipart().raw("This is the preamble.\r\n").raw("--" + Multipart.BOUNDARY + "  \t\r\n")
                .raw("Content-Disposition: form-data; name=\"text\"\r\n\r\nv\r\n").end().raw("epilogue").bytes();

        FakeExchange ex = multipart(defaults(), body, 4);

        assertEquals(200, ex.status, ex.errorMessage);
        assertEquals(List.of("v"), rows(ex.body, "data-value"));
    }

    @Test
    void multipartWithoutBoundaryIsRefusedWith400() throws Exception {
        FakeExchange ex = FakeExchange.post("multipart/form-data");

        new PostDemoSession(defaults()).request(ex);

        assertEquals(400, ex.status);
        assertTrue(ex.errorMessage.contains("boundary"), ex.errorMessage);
    }

    @Test
    void boundariesOutsideRfc2046AreRefusedWith400() throws Exception {
        for (String bad : List.of("boundary=\"\"", "boundary=" + "a".repeat(71), "boundary=\"ends with space \"",
                "boundary=\"semi;colon\"", "boundary=\"tab\there\"")) {
            FakeExchange ex = FakeExchange.post("multipart/form-data; " + bad);
            new PostDemoSession(defaults()).request(ex);
            assertEquals(400, ex.status, bad);
        }
    }

    @Test
    void quotedBoundaryIsAccepted() throws Exception {
        byte[] body = "--a b\r\nContent-Disposition: form-data; name=x\r\n\r\n1\r\n--a b--".getBytes(
                StandardCharsets.US_ASCII);

        FakeExchange ex = submit(new PostDemoSession(defaults()),
                FakeExchange.post("multipart/form-data; boundary=\"a b\""), body, 3);

        assertEquals(200, ex.status, ex.errorMessage);
        assertEquals(List.of("1"), rows(ex.body, "data-value"));
    }

    @Test
    void truncatedBodyIsRefusedWith400AndItsTempFileDeleted() throws Exception {
        byte[] whole = new Multipart().file("file", "t.bin", "application/octet-stream", new byte[50_000]).end().bytes();
        byte[] truncated = java.util.Arrays.copyOf(whole, 40_000);

        FakeExchange ex = multipart(defaults(), truncated, 4096);

        assertEquals(400, ex.status);
        assertTrue(ex.errorMessage.contains("closing boundary"), ex.errorMessage);
        assertEquals(List.of(), leftInUploads());
    }

    @Test
    void emptyBodyIsRefusedWith400() throws Exception {
        FakeExchange ex = multipart(defaults(), new byte[0], 1);

        assertEquals(400, ex.status);
    }

    @Test
    void oversizedPartHeadersAreRefusedWith413() throws Exception {
        byte[] body = new Multipart().raw("--" + Multipart.BOUNDARY + "\r\nContent-Disposition: form-data; name=\"text\"\r\n"
                + "X-Padding: " + "p".repeat(300) + "\r\n\r\nvalue\r\n").end().bytes();

        FakeExchange ex = multipart(limits(1024, 32, 4096, 256), body, 10);

        assertEquals(413, ex.status);
        assertTrue(ex.errorMessage.contains("headers"), ex.errorMessage);
    }

    @Test
    void multipartFieldPastTheValueLimitIsRefusedWith413() throws Exception {
        byte[] body = new Multipart().field("text", "v".repeat(4097)).end().bytes();

        FakeExchange ex = multipart(defaults(), body, 1000);

        assertEquals(413, ex.status);
        assertTrue(ex.errorMessage.contains("'text'"), ex.errorMessage);
    }

    @Test
    void multipartFieldAtTheValueLimitIsAccepted() throws Exception {
        byte[] body = new Multipart().field("text", "v".repeat(4096)).end().bytes();

        FakeExchange ex = multipart(defaults(), body, 1000);

        assertEquals(200, ex.status, ex.errorMessage);
    }

    @Test
    void fileLargerThanTheLimitIsRefusedWith413AndNothingIsLeftOnDisk() throws Exception {
        PostDemoSession session = new PostDemoSession(limits(10_000, 32, 4096, 1024));
        FakeExchange ex = FakeExchange.post(Multipart.CONTENT_TYPE);
        byte[] body = new Multipart().file("file", "big.bin", "application/octet-stream", new byte[30_000]).end().bytes();

        submit(session, ex, body, 1000);

        assertEquals(413, ex.status);
        assertTrue(ex.errorMessage.contains("larger than 10000 bytes"), ex.errorMessage);
        assertEquals(1, ex.answers, "the body after the refusal is ignored");
        assertEquals(List.of(), leftInUploads());
    }

    @Test
    void fileOfExactlyTheLimitIsAccepted() throws Exception {
        byte[] content = new byte[10_000];
        byte[] body = new Multipart().file("file", "edge.bin", "application/octet-stream", content).end().bytes();

        FakeExchange ex = multipart(limits(10_000, 32, 4096, 1024), body, 999);

        assertEquals(200, ex.status, ex.errorMessage);
        assertEquals(List.of("10000"), rows(ex.body, "data-size"));
    }

    @Test
    void tooManyPartsAreRefusedWith413() throws Exception {
        Multipart m = new Multipart();
        for (int i = 0; i < 33; i++) {
            m.field("f" + i, "v");
        }

        FakeExchange ex = multipart(defaults(), m.end().bytes(), 100);

        assertEquals(413, ex.status);
        assertTrue(ex.errorMessage.contains("more than 32"), ex.errorMessage);
    }

    @Test
    void pathTraversalInTheFileNameIsReducedToItsLastSegment() throws Exception {
        byte[] body = new Multipart().file("file", "../../../etc/passwd", "text/plain", "root:x".getBytes(
                StandardCharsets.US_ASCII)).file("file2", "..\\..\\windows\\win.ini", "text/plain", new byte[1])
                .file("file3", "..", "text/plain", new byte[1]).end().bytes();

        FakeExchange ex = multipart(defaults(), body, body.length);

        assertEquals(200, ex.status, ex.errorMessage);
        assertEquals(List.of("passwd", "win.ini", "upload"), rows(ex.body, "data-name"));
        assertEquals(List.of(), leftInUploads());
    }

    @Test
    void nulInAPartHeaderIsRefusedWith400() throws Exception {
        byte[] body = new Multipart().raw("--" + Multipart.BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"te\0xt\"\r\n\r\nv\r\n").end().bytes();

        FakeExchange ex = multipart(defaults(), body, body.length);

        assertEquals(400, ex.status);
        assertTrue(ex.errorMessage.contains("NUL"), ex.errorMessage);
    }

    @Test
    void nulInAnEncodedFileNameIsDropped() throws Exception {
        byte[] body = new Multipart().raw("--" + Multipart.BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x\"; filename*=UTF-8''evil%00.txt%2F..\r\n"
                + "\r\ndata\r\n").end().bytes();

        FakeExchange ex = multipart(defaults(), body, body.length);

        assertEquals(200, ex.status, ex.errorMessage);
        assertEquals(List.of("upload"), rows(ex.body, "data-name"), "'evil\\0.txt/..' keeps only its last segment '..'");
    }

    @Test
    void nulInContentIsKeptInFilesAndShownReplacedInFields() throws Exception {
        byte[] content = {0, 1, 0, 2};
        byte[] body = new Multipart().field("text", "a\0b").file("file", "n.bin", "application/octet-stream", content)
                .end().bytes();

        FakeExchange ex = multipart(defaults(), body, 3);

        assertEquals(List.of("a\uFFFDb"), rows(ex.body, "data-value"));
        assertEquals(List.of(sha256(content)), rows(ex.body, "data-sha256"));
    }

    @Test
    void partWithoutContentDispositionIsRefusedWith400() throws Exception {
        byte[] body = new Multipart().raw("--" + Multipart.BOUNDARY + "\r\nContent-Type: text/plain\r\n\r\nv\r\n").end()
                .bytes();

        FakeExchange ex = multipart(defaults(), body, body.length);

        assertEquals(400, ex.status);
    }

    @Test
    void partWithNoHeadersAtAllIsRefusedWith400() throws Exception {
        byte[] body = new Multipart().raw("--" + Multipart.BOUNDARY + "\r\n\r\nv\r\n").end().bytes();

        FakeExchange ex = multipart(defaults(), body, 2);

        assertEquals(400, ex.status);
    }

    @Test
    void dispositionOtherThanFormDataOrWithoutNameIsRefusedWith400() throws Exception {
        for (String disposition : List.of("attachment; name=\"a\"", "form-data; filename=\"a\"", "form-data; name=",
                "form-data; name=\"a\"; name=\"b\"", "form-data; name=\"a")) {
            byte[] body = new Multipart().raw("--" + Multipart.BOUNDARY + "\r\nContent-Disposition: " + disposition
                    + "\r\n\r\nv\r\n").end().bytes();
            FakeExchange ex = multipart(defaults(), body, body.length);
            assertEquals(400, ex.status, disposition);
        }
    }

    @Test
    void foldedOrBareLineFeedHeadersAreRefusedWith400() throws Exception {
        for (String headers : List.of("Content-Disposition: form-data;\r\n name=\"a\"\r\n",
                "Content-Disposition: form-data; name=\"a\"\nX: y\r\n", "NoColonHere\r\n")) {
            byte[] body = new Multipart().raw("--" + Multipart.BOUNDARY + "\r\n" + headers + "\r\nv\r\n").end().bytes();
            FakeExchange ex = multipart(defaults(), body, body.length);
            assertEquals(400, ex.status, headers);
        }
    }

    @Test
    void delimiterLineWithGarbageAfterItIsRefusedWith400() throws Exception {
        byte[] body = ("--" + Multipart.BOUNDARY + " x\r\n").getBytes(StandardCharsets.US_ASCII);

        FakeExchange ex = multipart(defaults(), body, body.length);

        assertEquals(400, ex.status);
    }

    @Test
    void emptyFileInputIsNotListedButAnEmptyNamedFileIs() throws Exception {
        byte[] body = new Multipart().file("file", "", "application/octet-stream", new byte[0])
                .file("file2", "empty.txt", "text/plain", new byte[0]).end().bytes();

        FakeExchange ex = multipart(defaults(), body, body.length);

        assertEquals(List.of("empty.txt"), rows(ex.body, "data-name"));
        assertEquals(List.of(sha256(new byte[0])), rows(ex.body, "data-sha256"));
    }

    @Test
    void aKeptAliveSessionAnswersEachSubmissionAfresh() throws Exception {
        PostDemoSession session = new PostDemoSession(defaults());
        byte[] first = new Multipart().field("text", "one").end().bytes();
        byte[] second = "text=two".getBytes(StandardCharsets.US_ASCII);

        FakeExchange a = submit(session, FakeExchange.post(Multipart.CONTENT_TYPE), first, 5);
        FakeExchange b = submit(session, FakeExchange.post("application/x-www-form-urlencoded"), second, 5);

        assertEquals(List.of("one"), rows(a.body, "data-value"));
        assertEquals(List.of("two"), rows(b.body, "data-value"));
    }

    @Test
    void aRequestAfterARefusalIsServed() throws Exception {
        PostDemoSession session = new PostDemoSession(limits(100, 32, 4096, 1024));
        byte[] big = new Multipart().file("file", "b", "x/y", new byte[500]).end().bytes();

        FakeExchange refused = submit(session, FakeExchange.post(Multipart.CONTENT_TYPE), big, 50);
        FakeExchange next = submit(session, FakeExchange.post("application/x-www-form-urlencoded"),
                "text=ok".getBytes(StandardCharsets.US_ASCII), 50);

        assertEquals(413, refused.status);
        assertEquals(200, next.status);
    }

    @Test
    void connectionDroppedMidUploadLeavesNoTempFile() throws Exception {
        PostDemoSession session = new PostDemoSession(defaults());
        FakeExchange ex = FakeExchange.post(Multipart.CONTENT_TYPE);
        byte[] body = new Multipart().file("file", "d.bin", "application/octet-stream", new byte[100_000]).end().bytes();
        session.request(ex);
        session.body(ex, ByteBuffer.wrap(body, 0, 60_000));
        assertEquals(1, leftInUploads().size(), "the upload is being spooled to disk");

        session.dropped(null);

        assertEquals(List.of(), leftInUploads());
        assertNull(ex.body);
    }
}
