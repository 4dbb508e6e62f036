package org.lightwire.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.Header;
import org.lightwire.api.Mount;
import org.lightwire.api.Options;
import org.lightwire.api.RejectServiceKeyword;
import org.lightwire.api.VhostSettings;
import org.lightwire.api.http.HttpFields;

class VhostRoutesTest {

    @TempDir
    Path tmp;
    Path site;
    Path secret;
    Path logins;
    VhostRoutes routes;

    static final byte[] A_TXT = "0123456789abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII);
    static final byte[] CANDIDE = "Candide was a young man of the most unaffected simplicity.\n".repeat(2000)
            .getBytes(StandardCharsets.UTF_8);
    static final byte[] LOGO = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};

    @BeforeEach
    void site() throws IOException {
        site = Files.createDirectories(tmp.resolve("site"));
        secret = Files.createDirectories(tmp.resolve("secret"));
        Files.writeString(secret.resolve("secret.txt"), "TOP SECRET");
        Files.writeString(secret.resolve("index.html"), "SECRET INDEX");
        Files.writeString(tmp.resolve("outside.txt"), "OUTSIDE");
        Files.writeString(site.resolve("index.html"), "<h1>home</h1>");
        Files.write(site.resolve("a.txt"), A_TXT);
        Files.writeString(site.resolve("passwd"), "root:x:0:0");
        Files.writeString(site.resolve("data.bin"), "binary");
        Files.createDirectories(site.resolve("sub"));
        Files.writeString(site.resolve("sub/index.html"), "<h1>sub</h1>");
        Files.writeString(site.resolve("sub/page.html"), "<h1>page</h1>");
        Files.createDirectories(site.resolve("nodefault"));
        Files.writeString(site.resolve("nodefault/x.html"), "x");
        Files.writeString(site.resolve("a b.html"), "space");
        Files.createSymbolicLink(site.resolve("link-inside.txt"), site.resolve("a.txt"));
        Files.createSymbolicLink(site.resolve("link-out.txt"), secret.resolve("secret.txt"));
        Files.createSymbolicLink(site.resolve("link-out-rel.txt"), Path.of("../outside.txt"));
        Files.createSymbolicLink(site.resolve("link-out-dir"), secret);
        Files.createSymbolicLink(site.resolve("link-in-dir"), site.resolve("sub"));
        Files.write(site.resolve("ziptest.zip"), zip());
        Files.write(site.resolve("broken.zip"), "PK this is not really a zip".getBytes());
        logins = tmp.resolve("logins");
        Files.writeString(logins, "testuser:testpass\n");
        routes = VhostRoutes.of(vhost().build(), context());
    }

    static byte[] zip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.putNextEntry(new ZipEntry("candide.html"));
            z.write(CANDIDE);
            z.closeEntry();
            z.putNextEntry(new ZipEntry("img/"));
            z.closeEntry();
            ZipEntry stored = new ZipEntry("img/logo.png");
            CRC32 crc = new CRC32();
            crc.update(LOGO);
            stored.setMethod(ZipEntry.STORED);
            stored.setSize(LOGO.length);
            stored.setCompressedSize(LOGO.length);
            stored.setCrc(crc.getValue());
            z.putNextEntry(stored);
            z.write(LOGO);
            z.closeEntry();
            z.putNextEntry(new ZipEntry("docs/index.html"));
            z.write("<h1>docs</h1>".getBytes());
            z.closeEntry();
            z.putNextEntry(new ZipEntry("notes.unknownsuffix"));
            z.write("n".getBytes());
            z.closeEntry();
        }
        return bytes.toByteArray();
    }

    VhostSettings.Builder vhost() {
        return VhostSettings.builder("example.test").port(0)
                .header(new Header("Content-Security-Policy", "default-src 'none'; style-src 'self'"))
                .header(new Header("X-Content-Type-Options", "nosniff"))
                .sts(true)
                .errorDocument404("/404.html")
                .mount(Mount.builder("/", "file://" + site).defaultDocument("index.html").build())
                .mount(Mount.builder("/cached", "file://" + site).cacheMaxAge(60).cacheReuse(true)
                        .cacheRevalidate(true).cacheIntermediaries(true).build())
                .mount(Mount.builder("/any", "file://" + site).extraMimetype("*", "").build())
                .mount(Mount.builder("/ziptest", "file://" + site.resolve("ziptest.zip")).defaultDocument("candide.html").build())
                .mount(Mount.builder("/gz", "gzip://" + site.resolve("ziptest.zip")).build())
                .mount(Mount.builder("/private", "file://" + site).basicAuth(logins).build())
                .mount(Mount.builder("/formtest", "callback://protocol-post-demo")
                        .pmo(Options.builder().add("myname", "myvalue").build()).build())
                .mount(Mount.builder("/authcb", "callback://protocol-post-demo").basicAuth(logins).build())
                .mount(Mount.builder("/go", ">https://example.com/landing").build())
                .mount(Mount.builder("/caret", "^http://example.org").build())
                .mount(Mount.builder("/goappend", ">http://example.com/base/").appendPath(true).build())
                .mount(Mount.builder("/hdr", "file://" + site).header(new Header("X-Mount", "1")).build());
    }

    static ContextSettings context() {
        return ContextSettings.builder()
                .rejectServiceKeyword(new RejectServiceKeyword("scumbot", "404 Not Found"))
                .rejectServiceKeyword(new RejectServiceKeyword("evilbot", "403"))
                .build();
    }

    Route route(String method, String target, String... headers) {
        HttpFields.Builder h = HttpFields.builder();
        for (int i = 0; i < headers.length; i += 2) {
            h.add(headers[i], headers[i + 1]);
        }
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? null : target.substring(q + 1);
        return routes.route(new RouteRequest(method, path, query, h.build(), false));
    }

    Route get(String target, String... headers) {
        return route("GET", target, headers);
    }

    static Route.Serve serve(Route r, int status) {
        Route.Serve s = assertInstanceOf(Route.Serve.class, r, () -> "expected Serve, got " + r);
        assertEquals(status, s.status());
        for (String framing : List.of("content-length", "transfer-encoding", "connection")) {
            assertFalse(s.headers().contains(framing), framing + " is the role's");
        }
        return s;
    }

    static byte[] body(Route r, int status) throws IOException {
        return new RecordingOutput().drain(serve(r, status).body());
    }

    static Route.Refuse refuse(Route r, int status) throws IOException {
        if (r instanceof Route.Serve s) {
            s.body().close();
        }
        Route.Refuse f = assertInstanceOf(Route.Refuse.class, r, () -> "expected Refuse " + status + ", got " + r);
        assertEquals(status, f.status());
        return f;
    }

    static String header(Route.Serve s, String name) {
        return s.headers().get(name).orElse(null);
    }

    // ---- files --------------------------------------------------------------------------

    @Test
    void servesAFileWithTypeValidatorsAndNoStoreByDefault() throws IOException {
        Route.Serve s = serve(get("/a.txt"), 200);
        assertEquals("text/plain; charset=utf-8", header(s, "content-type"));
        assertTrue(header(s, "etag").matches("\"[0-9a-f]+-[0-9a-f]+(-[0-9a-f]+)?\""), header(s, "etag"));
        assertTrue(header(s, "last-modified").endsWith(" GMT"));
        assertEquals("no-store", header(s, "cache-control"));
        assertEquals("bytes", header(s, "accept-ranges"));
        assertEquals(A_TXT.length, s.body().length());
        assertArrayEquals(A_TXT, new RecordingOutput().drain(s.body()));
        assertEquals(Optional.empty(), s.authenticatedUser());
    }

    @Test
    void largeFileBodiesGoOutZeroCopy() throws IOException {
        byte[] large = new byte[64 * 1024];
        java.util.Arrays.fill(large, (byte) 'x');
        Files.write(site.resolve("large.txt"), large);
        RecordingOutput out = new RecordingOutput();
        assertArrayEquals(large, out.drain(serve(get("/large.txt"), 200).body()));
        assertTrue(out.sendFileCalls >= 1);
        assertEquals(0, out.sendCalls);
    }

    @Test
    void smallFilesAreServedFromMemoryUntilTheyChange() throws IOException {
        Files.writeString(site.resolve("small.txt"), "first");
        assertEquals("first", new String(body(get("/small.txt"), 200)));
        RecordingOutput out = new RecordingOutput();
        assertEquals("first", new String(out.drain(serve(get("/small.txt"), 200).body())));
        assertEquals(0, out.sendFileCalls, "held in memory: no file transfer");
        Files.writeString(site.resolve("small.txt"), "second, longer");
        assertEquals("second, longer", new String(body(get("/small.txt"), 200)));
    }

    @Test
    void headGetsTheSameHeaders() throws IOException {
        Route.Serve get = serve(get("/a.txt"), 200);
        Route.Serve head = serve(route("HEAD", "/a.txt"), 200);
        assertEquals(get.headers(), head.headers());
        assertEquals(A_TXT.length, head.body().length());
        get.body().close();
        head.body().close();
    }

    @Test
    void otherMethodsOnFileMountsAre405WithAllow() throws IOException {
        for (String m : List.of("POST", "PUT", "DELETE", "OPTIONS", "get")) {
            Route.Refuse r = refuse(route(m, "/a.txt"), 405);
            assertEquals(Optional.of("GET, HEAD"), r.headers().get("allow"));
        }
    }

    @Test
    void defaultDocumentForDirectories() throws IOException {
        assertEquals("<h1>home</h1>", new String(body(get("/"), 200)));
        assertEquals("<h1>sub</h1>", new String(body(get("/sub/"), 200)));
        assertEquals("text/html; charset=utf-8", header(serve(get("/sub/"), 200), "content-type"));
        refuse(get("/nodefault/"), 404);
    }

    @Test
    void directoryWithoutTrailingSlashRedirects() {
        Route.Redirect r = assertInstanceOf(Route.Redirect.class, get("/sub?x=1"));
        assertEquals(301, r.status());
        assertEquals("/sub/?x=1", r.location());
        assertEquals("/ziptest/", assertInstanceOf(Route.Redirect.class, get("/ziptest")).location());
        assertEquals("/cached/", assertInstanceOf(Route.Redirect.class, get("/cached")).location());
    }

    @Test
    void redirectLocationsAreBuiltFromTheNormalisedPath() {
        // "//sub" must not become the protocol-relative URL "//sub/"
        assertEquals("/sub/", assertInstanceOf(Route.Redirect.class, get("//sub")).location());
        assertEquals("/sub/", assertInstanceOf(Route.Redirect.class, get("/x/../sub")).location());
        assertEquals("/sub/", assertInstanceOf(Route.Redirect.class, get("/sub?bad\u0001")).location(), "unsafe query dropped");
    }

    @Test
    void aFileAskedForAsADirectoryIsNotFound() throws IOException {
        refuse(get("/a.txt/"), 404);
    }

    @Test
    void encodedNamesAreServed() throws IOException {
        assertEquals("space", new String(body(get("/a%20b.html"), 200)));
    }

    @Test
    void missingFilesAre404() throws IOException {
        refuse(get("/nope.html"), 404);
        refuse(get("/sub/nope/deeper.html"), 404);
    }

    // ---- traversal ------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
        "/../secret/secret.txt", "/..", "/%2e%2e/secret/secret.txt", "/%2E%2E/%2e%2e/secret/secret.txt",
        "/sub/../../secret/secret.txt", "/..%2fsecret%2fsecret.txt", "/%2fsecret", "/..\\secret\\secret.txt",
        "/%5c..%5csecret", "/a.txt%00.html", "/%c0%ae%c0%ae/secret/secret.txt", "/%e0%80%ae%e0%80%ae/secret",
        "/%", "secret/secret.txt", "../secret/secret.txt", "/sub/%2e%2e/%2e%2e/secret/index.html"
    })
    void traversalIsRefusedAsABadPath(String raw) throws IOException {
        refuse(get(raw), 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/%252e%252e/secret/secret.txt", "/%252e%252e%252fsecret%252fsecret.txt", "/%25c0%25ae/secret",
        "/etc/passwd", "/tmp/../etc/passwd", "/link-out.txt", "/link-out-rel.txt", "/link-out-dir/secret.txt",
        "/link-out-dir/", "/link-out-dir/index.html", "/link-out-dir"
    })
    void literalAndSymlinkedWaysOutAreNotFound(String raw) throws IOException {
        Route r = get(raw);
        // never a redirect either: that would confirm the directory exists outside
        refuse(r, 404);
    }

    @Test
    void doubleEncodingIsDecodedOnceAndTakenLiterally() throws IOException {
        // the file literally named "%2e%2e" is what "%252e%252e" names
        Files.writeString(site.resolve("%2e%2e.txt"), "literal");
        assertEquals("literal", new String(body(get("/%252e%252e.txt"), 200)));
    }

    @Test
    void symlinksThatStayInsideAreFollowed() throws IOException {
        assertArrayEquals(A_TXT, body(get("/link-inside.txt"), 200));
        assertEquals("<h1>page</h1>", new String(body(get("/link-in-dir/page.html"), 200)));
        assertEquals("<h1>sub</h1>", new String(body(get("/link-in-dir/"), 200)));
    }

    @Test
    void aDirectorySwappedForALinkOutsideAfterBeingServedIsNotFound() throws IOException {
        // the first request proves /swap/page.html inside and remembers it; the swap must not
        // let a file outside ride on that proof
        Path swap = Files.createDirectories(site.resolve("swap"));
        Files.writeString(swap.resolve("page.html"), "inside");
        assertEquals("inside", new String(body(get("/swap/page.html"), 200)));
        Path outside = Files.createDirectories(tmp.resolve("outside-swap"));
        Files.writeString(outside.resolve("page.html"), "outside");
        Files.delete(swap.resolve("page.html"));
        Files.delete(swap);
        Files.createSymbolicLink(swap, outside);
        refuse(get("/swap/page.html"), 404);
    }

    @Test
    void aFileReplacedInPlaceIsServedAfresh() throws IOException {
        Files.writeString(site.resolve("fresh.txt"), "old");
        assertEquals("old", new String(body(get("/fresh.txt"), 200)));
        Files.delete(site.resolve("fresh.txt"));
        Files.writeString(site.resolve("fresh.txt"), "newer");
        assertEquals("newer", new String(body(get("/fresh.txt"), 200)));
    }

    @Test
    void veryLongPathsAreNotFoundNotErrors() throws IOException {
        refuse(get("/" + "a".repeat(10_000) + ".html"), 404);
        refuse(get("/" + "abc/".repeat(5_000) + "x.html"), 404);
    }

    @Test
    void fifosAndOtherNonRegularFilesAreNotServed() throws Exception {
        Path fifo = site.resolve("pipe.txt");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, p.waitFor(), "mkfifo is needed for this test (coreutils)");
        refuse(get("/pipe.txt"), 404);
    }

    // ---- mime types ------------------------------------------------------------------------

    @Test
    void unknownSuffixesAreForbidden() throws IOException {
        refuse(get("/passwd"), 403);
        refuse(get("/data.bin"), 403);
        refuse(get("/ziptest.zip"), 403);
    }

    @Test
    void starMountServesAnySuffixWithoutContentType() throws IOException {
        Route.Serve s = serve(get("/any/passwd"), 200);
        assertFalse(s.headers().contains("content-type"));
        assertEquals("root:x:0:0", new String(new RecordingOutput().drain(s.body())));
        assertEquals("text/plain; charset=utf-8", header(serve(get("/any/a.txt"), 200), "content-type"));
    }

    // ---- cache policy and headers ------------------------------------------------------------

    @Test
    void cacheKeysBecomeCacheControl() throws IOException {
        Route.Serve s = serve(get("/cached/a.txt"), 200);
        assertEquals("must-revalidate, public, max-age=60", header(s, "cache-control"));
        s.body().close();
    }

    @Test
    void mountHeadersAreAddedToWhatItServes() throws IOException {
        Route.Serve s = serve(get("/hdr/a.txt"), 200);
        assertEquals("1", header(s, "x-mount"));
        s.body().close();
        Route.Serve other = serve(get("/a.txt"), 200);
        assertFalse(other.headers().contains("x-mount"));
        other.body().close();
    }

    @Test
    void commonHeadersCarryVhostHeadersAndStsOnlyWhenSecure() {
        HttpFields plain = routes.commonHeaders(false);
        HttpFields tls = routes.commonHeaders(true);
        assertEquals(Optional.of("default-src 'none'; style-src 'self'"), plain.get("content-security-policy"));
        assertEquals(Optional.of("nosniff"), plain.get("x-content-type-options"));
        assertFalse(plain.contains("strict-transport-security"));
        assertEquals(Optional.of(VhostRoutes.STS_VALUE), tls.get("strict-transport-security"));
        assertEquals(Optional.of("nosniff"), tls.get("x-content-type-options"));
    }

    @Test
    void withoutStsNoHeaderEvenWhenSecure() {
        VhostRoutes r = VhostRoutes.of(VhostSettings.builder("plain").build(), context());
        assertFalse(r.commonHeaders(true).contains("strict-transport-security"));
        assertEquals(0, r.commonHeaders(false).size());
    }

    // ---- conditional requests ----------------------------------------------------------------

    @Test
    void ifNoneMatchWithTheCurrentTagGives304() throws IOException {
        String etag = header(serve(get("/cached/a.txt"), 200), "etag");
        Route.Serve s = serve(get("/cached/a.txt", "If-None-Match", etag), 304);
        assertEquals(etag, header(s, "etag"));
        assertEquals("must-revalidate, public, max-age=60", header(s, "cache-control"));
        assertFalse(s.headers().contains("content-type"));
        assertEquals(0, s.body().length());
        serve(route("HEAD", "/cached/a.txt", "If-None-Match", "\"zzz\", W/" + etag), 304);
        body(get("/cached/a.txt", "If-None-Match", "\"other\""), 200);
    }

    @Test
    void theTagChangesWhenTheFileDoes() throws IOException {
        String before = header(serve(get("/a.txt"), 200), "etag");
        Files.writeString(site.resolve("a.txt"), "changed, and longer than before: ".repeat(3));
        String after = header(serve(get("/a.txt"), 200), "etag");
        assertFalse(before.equals(after));
        body(get("/a.txt", "If-None-Match", before), 200);
    }

    @Test
    void ifModifiedSince() throws IOException {
        String lastModified = header(serve(get("/a.txt"), 200), "last-modified");
        serve(get("/a.txt", "If-Modified-Since", lastModified), 304);
        body(get("/a.txt", "If-Modified-Since", "Sun, 06 Nov 1994 08:49:37 GMT"), 200);
        body(get("/a.txt", "If-Modified-Since", "garbage"), 200);
    }

    @Test
    void failedIfMatchIs412() throws IOException {
        refuse(get("/a.txt", "If-Match", "\"not-it\""), 412);
    }

    // ---- ranges ------------------------------------------------------------------------------

    @Test
    void singleRange() throws IOException {
        Route r = get("/a.txt", "Range", "bytes=2-5");
        assertEquals("bytes 2-5/36", header(serve(r, 206), "content-range"));
        assertEquals("2345", new String(body(r, 206)));
        assertEquals("wxyz", new String(body(get("/a.txt", "Range", "bytes=-4"), 206)), "suffix");
        assertEquals("yz", new String(body(get("/a.txt", "Range", "bytes=34-"), 206)), "open");
        assertEquals("text/plain; charset=utf-8", header(serve(get("/a.txt", "Range", "bytes=0-0"), 206), "content-type"));
    }

    @Test
    void multipleRangesAreMultipartWithAPartPerRange() throws IOException {
        Route.Serve s = serve(get("/a.txt", "Range", "bytes=0-1, 10-12,-2"), 206);
        String type = header(s, "content-type");
        assertTrue(type.startsWith("multipart/byteranges; boundary="), type);
        String boundary = type.substring(type.indexOf("boundary=") + 9);
        assertFalse(s.headers().contains("content-range"));
        String body = new String(new RecordingOutput().drain(s.body()), StandardCharsets.ISO_8859_1);
        String part = "Content-Type: text/plain; charset=utf-8\r\n";
        assertEquals("--" + boundary + "\r\n" + part + "Content-Range: bytes 0-1/36\r\n\r\n01"
                + "\r\n--" + boundary + "\r\n" + part + "Content-Range: bytes 10-12/36\r\n\r\nabc"
                + "\r\n--" + boundary + "\r\n" + part + "Content-Range: bytes 34-35/36\r\n\r\nyz"
                + "\r\n--" + boundary + "--\r\n", body);
        assertFalse(new String(A_TXT).contains(boundary));
    }

    @Test
    void boundariesDifferPerResponse() {
        String a = header(serve(get("/a.txt", "Range", "bytes=0-1,3-4"), 206), "content-type");
        String b = header(serve(get("/a.txt", "Range", "bytes=0-1,3-4"), 206), "content-type");
        assertFalse(a.equals(b));
    }

    @Test
    void overlappingOrTooManyRangesGetTheWholeFile() throws IOException {
        assertArrayEquals(A_TXT, body(get("/a.txt", "Range", "bytes=0-20,10-30"), 200));
        assertArrayEquals(A_TXT, body(get("/a.txt", "Range", "bytes=" + "0-0,".repeat(1000)), 200));
        StringBuilder seventeen = new StringBuilder("bytes=");
        for (int i = 0; i < 17; i++) {
            seventeen.append(i * 2).append('-').append(i * 2).append(',');
        }
        assertArrayEquals(A_TXT, body(get("/a.txt", "Range", seventeen.toString()), 200));
    }

    @Test
    void unsatisfiableRangeIs416WithTheLength() throws IOException {
        Route.Refuse r = refuse(get("/a.txt", "Range", "bytes=100-200"), 416);
        assertEquals(Optional.of("bytes */36"), r.headers().get("content-range"));
    }

    @Test
    void malformedRangeIsIgnored() throws IOException {
        assertArrayEquals(A_TXT, body(get("/a.txt", "Range", "bytes=5-2"), 200));
        assertArrayEquals(A_TXT, body(get("/a.txt", "Range", "lines=1-2"), 200));
        assertArrayEquals(A_TXT, body(get("/a.txt", "Range", "bytes=0-1", "Range", "bytes=2-3"), 200), "two Range fields");
    }

    @Test
    void ifRangeDecidesBetweenPartAndWhole() throws IOException {
        Route.Serve whole = serve(get("/a.txt"), 200);
        String etag = header(whole, "etag");
        whole.body().close();
        assertEquals("01", new String(body(get("/a.txt", "Range", "bytes=0-1", "If-Range", etag), 206)));
        assertArrayEquals(A_TXT, body(get("/a.txt", "Range", "bytes=0-1", "If-Range", "\"stale\""), 200));
        assertArrayEquals(A_TXT, body(get("/a.txt", "Range", "bytes=0-1", "If-Range", "W/" + etag), 200));
        String lastModified = header(serve(get("/a.txt"), 200), "last-modified");
        assertEquals("01", new String(body(get("/a.txt", "Range", "bytes=0-1", "If-Range", lastModified), 206)));
    }

    @Test
    void rangesOnlyApplyToGet() throws IOException {
        Route.Serve head = serve(route("HEAD", "/a.txt", "Range", "bytes=0-1"), 200);
        assertEquals(A_TXT.length, head.body().length());
        head.body().close();
    }

    // ---- zip ---------------------------------------------------------------------------------

    static byte[] gunzip(byte[] gz) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    @Test
    void zipMemberGoesToGzipClientsAsStoredDeflateData() throws IOException {
        Route.Serve s = serve(get("/ziptest/candide.html", "Accept-Encoding", "gzip, deflate"), 200);
        assertEquals("gzip", header(s, "content-encoding"));
        assertEquals("accept-encoding", header(s, "vary"));
        assertEquals("text/html; charset=utf-8", header(s, "content-type"));
        assertEquals("none", header(s, "accept-ranges"));
        assertTrue(s.body().length() < CANDIDE.length / 10, "compressed");
        assertArrayEquals(CANDIDE, gunzip(new RecordingOutput().drain(s.body())));
    }

    @Test
    void zipMemberIsInflatedForOtherClients() throws IOException {
        Route.Serve s = serve(get("/ziptest/candide.html"), 200);
        assertFalse(s.headers().contains("content-encoding"));
        assertEquals("accept-encoding", header(s, "vary"));
        assertEquals(CANDIDE.length, s.body().length());
        assertArrayEquals(CANDIDE, new RecordingOutput().drain(s.body()));
        assertArrayEquals(CANDIDE, body(get("/ziptest/candide.html", "Accept-Encoding", "gzip;q=0"), 200));
    }

    @Test
    void gzipAndIdentityRepresentationsHaveDifferentTags() throws IOException {
        String gz = header(serve(get("/ziptest/candide.html", "Accept-Encoding", "gzip"), 200), "etag");
        String plain = header(serve(get("/ziptest/candide.html"), 200), "etag");
        assertFalse(gz.equals(plain));
        serve(get("/ziptest/candide.html", "Accept-Encoding", "gzip", "If-None-Match", gz), 304);
        body(get("/ziptest/candide.html", "If-None-Match", gz), 200);
    }

    @Test
    void storedZipMembersAreSentAsTheyAre() throws IOException {
        Route.Serve s = serve(get("/ziptest/img/logo.png", "Accept-Encoding", "gzip"), 200);
        assertFalse(s.headers().contains("content-encoding"));
        assertEquals("image/png", header(s, "content-type"));
        assertArrayEquals(LOGO, new RecordingOutput().drain(s.body()));
    }

    @Test
    void zipDirectoriesDefaultDocumentsAndMisses() throws IOException {
        assertArrayEquals(CANDIDE, body(get("/ziptest/"), 200));
        assertEquals("<h1>docs</h1>", new String(body(get("/gz/docs/"), 200)));
        assertEquals("/gz/docs/", assertInstanceOf(Route.Redirect.class, get("/gz/docs")).location());
        refuse(get("/ziptest/missing.html"), 404);
        refuse(get("/ziptest/missing/"), 404);
        refuse(get("/ziptest/img/"), 404);
        refuse(get("/ziptest/notes.unknownsuffix"), 403);
        refuse(route("POST", "/ziptest/candide.html"), 405);
    }

    @Test
    void aZipInsideADirectoryMountIsOpenedByPath() throws IOException {
        assertArrayEquals(CANDIDE, body(get("/ziptest.zip/candide.html"), 200));
        assertArrayEquals(LOGO, body(get("/sub/../ziptest.zip/img/logo.png"), 200));
        refuse(get("/ziptest.zip/nothing.html"), 404);
    }

    @Test
    void aBrokenZipIsAServerErrorNotACrash() throws IOException {
        Route.Refuse r = refuse(get("/broken.zip/index.html"), 500);
        assertFalse(r.message().contains(tmp.toString()), "no file system paths in what the client sees");
        refuse(get("/broken.zip/index.html"), 500);
    }

    @Test
    void aZipReachedThroughASymlinkOutsideIsNotFound() throws IOException {
        Files.write(secret.resolve("s.zip"), zip());
        Files.createSymbolicLink(site.resolve("out.zip"), secret.resolve("s.zip"));
        refuse(get("/out.zip/candide.html"), 404);
    }

    // ---- basic auth ----------------------------------------------------------------------------

    static String basic(String userPass) {
        return "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void basicAuthMountChallengesWithoutCredentials() {
        Route.Challenge c = assertInstanceOf(Route.Challenge.class, get("/private/a.txt"));
        assertEquals("/private", c.realm());
        assertEquals("Basic realm=\"/private\", charset=\"UTF-8\"", c.wwwAuthenticate());
    }

    @Test
    void basicAuthRefusesWrongPasswordUnknownUserAndGarbage() {
        for (String v : List.of(basic("testuser:nope"), basic("nobody:testpass"), "Basic %%%", "Bearer x", basic("testuser"))) {
            assertInstanceOf(Route.Challenge.class, get("/private/a.txt", "Authorization", v), v);
        }
    }

    @Test
    void basicAuthServesWithTheUser() throws IOException {
        Route.Serve s = serve(get("/private/a.txt", "Authorization", basic("testuser:testpass")), 200);
        assertEquals(Optional.of("testuser"), s.authenticatedUser());
        assertArrayEquals(A_TXT, new RecordingOutput().drain(s.body()));
        Route.Callback cb = assertInstanceOf(Route.Callback.class, route("POST", "/authcb/x", "Authorization", basic("testuser:testpass")));
        assertEquals(Optional.of("testuser"), cb.authenticatedUser());
        assertInstanceOf(Route.Challenge.class, route("POST", "/authcb/x"));
    }

    @Test
    void missingCredentialsFileFailsWhenTheRoutesAreBuilt() {
        VhostSettings v = VhostSettings.builder("vh1")
                .mount(Mount.builder("/locked", "file://" + site).basicAuth(tmp.resolve("no-such-file")).build()).build();
        RouteConfigException e = assertThrows(RouteConfigException.class, () -> VhostRoutes.of(v, context()));
        assertEquals("vh1", e.vhost());
        assertEquals("/locked", e.mountpoint());
        assertTrue(e.getMessage().contains("no-such-file"), e.getMessage());
    }

    // ---- callbacks and redirects -----------------------------------------------------------------

    @Test
    void callbackMountsBindTheirProtocolForAnyMethod() {
        for (String method : List.of("GET", "POST", "PUT", "DELETE")) {
            Route.Callback c = assertInstanceOf(Route.Callback.class, route(method, "/formtest/a/%20b"));
            assertEquals("protocol-post-demo", c.protocol());
            assertEquals("/formtest/a/ b", c.path());
            assertEquals("/a/ b", c.pathInMount());
            assertEquals(Optional.of("myvalue"), c.mount().pmo().get("myname"));
            assertEquals(Optional.empty(), c.authenticatedUser());
        }
        assertEquals("", assertInstanceOf(Route.Callback.class, get("/formtest")).pathInMount());
    }

    @Test
    void redirectMountsSendTheOrigin() {
        Route.Redirect r = assertInstanceOf(Route.Redirect.class, get("/go/anything?x=1"));
        assertEquals(301, r.status());
        assertEquals("https://example.com/landing", r.location());
        assertEquals("http://example.org", assertInstanceOf(Route.Redirect.class, get("/caret")).location());
    }

    @Test
    void appendPathRedirectsCarryTheRestOfThePath() {
        assertEquals("http://example.com/base/x/y%20z?q=1",
                assertInstanceOf(Route.Redirect.class, get("/goappend/x/y%20z?q=1")).location());
        assertEquals("http://example.com/base/", assertInstanceOf(Route.Redirect.class, get("/goappend")).location());
    }

    // ---- vhost-wide rules --------------------------------------------------------------------------

    @Test
    void rejectServiceKeywordsAnswerWithTheirStatus() throws IOException {
        Route.Refuse r = refuse(get("/a.txt", "User-Agent", "Mozilla/5.0 scumbot/1.0"), 404);
        assertEquals("Not Found", r.message());
        assertEquals("Forbidden", refuse(get("/formtest", "User-Agent", "evilbot"), 403).message());
        body(get("/a.txt", "User-Agent", "curl/8"), 200);
    }

    @Test
    void pathsOutsideEveryMountAre404() throws IOException {
        VhostRoutes r = VhostRoutes.of(VhostSettings.builder("v")
                .mount(Mount.builder("/only", "file://" + site).build()).build(), context());
        refuse(r.route(new RouteRequest("GET", "/a.txt", null, HttpFields.EMPTY, false)), 404);
        assertEquals(200, ((Route.Serve) r.route(new RouteRequest("GET", "/only/a.txt", null, HttpFields.EMPTY, false))).status());
    }

    @Test
    void errorPagesAndErrorDocument() {
        ErrorPage p = routes.errorPage(404, "<b>gone</b>");
        String html = new String(p.body(), StandardCharsets.UTF_8);
        assertTrue(html.contains("&lt;b&gt;gone&lt;/b&gt;"));
        assertTrue(html.contains("/error.css"));
        assertEquals(Optional.of("/404.html"), routes.errorDocument404());
        assertEquals(Optional.empty(), VhostRoutes.of(VhostSettings.builder("v").build(), context()).errorDocument404());
    }

    @Test
    void mountsThisModuleDoesNotServeAreRefusedWhenBuilt() throws IOException {
        VhostSettings cgi = VhostSettings.builder("v").mount(Mount.builder("/cgi", "cgi:///usr/lib/cgi-bin/x").build()).build();
        assertTrue(assertThrows(RouteConfigException.class, () -> VhostRoutes.of(cgi, context())).getMessage().contains("cgi://"));
        VhostSettings fileOrigin = VhostSettings.builder("v").mount(Mount.builder("/f", "file://" + site.resolve("a.txt")).build()).build();
        assertThrows(RouteConfigException.class, () -> VhostRoutes.of(fileOrigin, context()));
        VhostSettings badDefault = VhostSettings.builder("v")
                .mount(Mount.builder("/", "file://" + site).defaultDocument("../secret/index.html").build()).build();
        assertThrows(RouteConfigException.class, () -> VhostRoutes.of(badDefault, context()));
    }

    @Test
    void aMissingOriginIsNotFoundUntilItAppears() throws IOException {
        Path later = tmp.resolve("later");
        VhostRoutes r = VhostRoutes.of(VhostSettings.builder("v")
                .mount(Mount.builder("/", "file://" + later).build()).build(), context());
        refuse(r.route(new RouteRequest("GET", "/a.txt", null, HttpFields.EMPTY, false)), 404);
        Files.createDirectories(later);
        Files.write(later.resolve("a.txt"), A_TXT);
        assertEquals(200, ((Route.Serve) r.route(new RouteRequest("GET", "/a.txt", null, HttpFields.EMPTY, false))).status());
    }

    @Test
    void aRootSwappedThroughASymlinkIsFollowed() throws IOException {
        Path v1 = Files.createDirectories(tmp.resolve("v1"));
        Path v2 = Files.createDirectories(tmp.resolve("v2"));
        Files.writeString(v1.resolve("a.txt"), "one");
        Files.writeString(v2.resolve("a.txt"), "two");
        Path current = Files.createSymbolicLink(tmp.resolve("current"), v1);
        VhostRoutes r = VhostRoutes.of(VhostSettings.builder("v")
                .mount(Mount.builder("/", "file://" + current).build()).build(), context());
        RouteRequest req = new RouteRequest("GET", "/a.txt", null, HttpFields.EMPTY, false);
        assertEquals("one", new String(body(r.route(req), 200)));
        Files.delete(current);
        Files.createSymbolicLink(current, v2);
        assertEquals("two", new String(body(r.route(req), 200)));
    }
}
