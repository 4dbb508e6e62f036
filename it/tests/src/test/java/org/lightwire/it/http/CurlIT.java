package org.lightwire.it.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightwire.it.LauncherProcess;
import org.lightwire.it.Net;

/**
 * Issue acceptance (HTTP/1.1): the real launcher serving a config of file, auth, zip,
 * redirect and post-demo mounts on two name-based vhosts, with curl as the peer. One
 * launcher serves every test of the class.
 */
class CurlIT {

    private static final Duration START = Duration.ofSeconds(30);
    private static final long BIG = 1024 * 1024;

    @TempDir
    static Path tmp;

    private static LauncherProcess launcher;
    private static int port;
    private static String base;
    private static byte[] small;
    private static byte[] zipText;

    @BeforeAll
    static void start() throws Exception {
        port = Net.freePort();
        base = "http://127.0.0.1:" + port;
        Path www = Files.createDirectories(tmp.resolve("www"));
        small = "hello from lightwire\n".getBytes(StandardCharsets.US_ASCII);
        Files.write(www.resolve("small.txt"), small);
        Files.writeString(www.resolve("index.html"), "<!DOCTYPE html><title>main</title><h1>CurlIT main site</h1>\n");
        Files.writeString(www.resolve("error.css"), "h1 { color: red; }\n");
        SiteFiles.random(www.resolve("big.bin"), BIG, 1);
        Path priv = Files.createDirectories(tmp.resolve("private"));
        Files.writeString(priv.resolve("secret.txt"), "the secret\n");
        // no suffix, outside every mount: lws' advice for credential files
        Files.writeString(tmp.resolve("credentials"), "tester:s3cret\nother:x\n");
        zipText = "zipped text that compresses well. ".repeat(600).getBytes(StandardCharsets.US_ASCII);
        Map<String, byte[]> members = new LinkedHashMap<>();
        members.put("hello.txt", zipText);
        SiteFiles.zip(tmp.resolve("site.zip"), members);
        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(other.resolve("index.html"), "<!DOCTYPE html><title>other</title><h1>the other vhost</h1>\n");
        Files.createDirectories(tmp.resolve("uploads"));

        String t = tmp.toString();
        String conf = """
                # CurlIT: two name-based vhosts sharing one port
                {
                  "global": { "count-threads": "2", "server-string": "lightwire-curl-it" },
                  "vhosts": [{
                    "name": "localhost", "port": "%1$d", "interface": "127.0.0.1",
                    "access-log": "%2$s/access.log",
                    "headers": [{
                      "content-security-policy": "default-src 'none'; style-src 'self'",
                      "x-content-type-options": "nosniff"
                    }],
                    "mounts": [
                      { "mountpoint": "/", "origin": "file://%2$s/www", "default": "index.html",
                        "extra-mimetypes": { ".bin": "application/octet-stream" } },
                      { "mountpoint": "/private", "origin": "file://%2$s/private", "basic-auth": "%2$s/credentials" },
                      { "mountpoint": "/zipped", "origin": "file://%2$s/site.zip" },
                      { "mountpoint": "/formtest", "origin": "callback://protocol-post-demo" },
                      { "mountpoint": "/old", "origin": ">http://example.test/new-place" }
                    ],
                    "ws-protocols": [{
                      "protocol-post-demo": { "status": "ok", "upload-dir": "%2$s/uploads" }
                    }]
                  }, {
                    "name": "other.localhost", "port": "%1$d", "interface": "127.0.0.1",
                    "mounts": [{ "mountpoint": "/", "origin": "file://%2$s/other", "default": "index.html" }]
                  }]
                }
                """.formatted(port, t);
        Path confDir = Files.createDirectories(tmp.resolve("conf-dir"));
        Files.writeString(confDir.resolve("conf"), conf);
        launcher = LauncherProcess.start("--config-dir", confDir.toString(),
                "--plugin-dir", LauncherProcess.DIST.resolve("plugins").toString(), "-d", "15");
        launcher.awaitLine("vhost 'localhost' listening on /127.0.0.1:" + port, START);
        launcher.awaitLine("vhost 'localhost': protocol 'protocol-post-demo' available", START);
    }

    @AfterAll
    static void stop() throws Exception {
        if (launcher != null) {
            launcher.close();
        }
    }

    private static String url(String path) {
        return base + path;
    }

    private static Curl.Result curl(String... args) throws Exception {
        return Curl.run(args);
    }

    private static void assertStatus(int expected, Curl.Result r) {
        assertEquals(expected, r.status(), () -> r + "\nserver log:\n" + launcher.log());
    }

    // ---- files, connections ----

    @Test
    void getServesAFileWithVhostHeadersAndServerString() throws Exception {
        Curl.Result r = curl(url("/small.txt"));

        assertStatus(200, r);
        assertArrayEquals(small, r.body());
        assertEquals("text/plain", r.header("content-type").orElseThrow().split(";")[0].trim());
        assertEquals("default-src 'none'; style-src 'self'", r.header("content-security-policy").orElseThrow());
        assertEquals("nosniff", r.header("x-content-type-options").orElseThrow());
        assertEquals("lightwire-curl-it", r.header("server").orElseThrow());
    }

    @Test
    void twoUrlsInOneCurlRunShareOneKeptAliveConnection() throws Exception {
        Curl.Result r = curl("-v", url("/small.txt"), url("/index.html"));

        assertEquals(0, r.exit(), r::toString);
        assertEquals(List.of(200, 200), r.responses().stream().map(Curl.Response::status).toList(), r::toString);
        assertTrue(r.stderr().contains("Re-using existing connection"), r.stderr());
        assertEquals(1, count(r.stderr(), "Connected to 127.0.0.1"), r.stderr());
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        String requests = "GET /small.txt HTTP/1.1\r\nHost: localhost\r\n\r\n"
                + "GET /index.html HTTP/1.1\r\nHost: localhost\r\n\r\n"
                + "GET /small.txt HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
        try (Socket s = Net.connect(port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(requests.getBytes(StandardCharsets.US_ASCII)); // one write: one segment
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();

            HttpWire.Response first = HttpWire.read(in);
            HttpWire.Response second = HttpWire.read(in);
            HttpWire.Response third = HttpWire.read(in);

            assertEquals(200, first.status());
            assertArrayEquals(small, first.body());
            assertEquals(200, second.status());
            assertTrue(second.text().contains("CurlIT main site"), second.text());
            assertEquals(200, third.status());
            assertArrayEquals(small, third.body());
            assertEquals(-1, in.read(), "the server closes after the request that asked it to");
        }
    }

    @Test
    void headAnswersHeadersWithoutBody() throws Exception {
        Curl.Result r = curl("-I", url("/big.bin"));

        assertStatus(200, r);
        assertEquals(String.valueOf(BIG), r.header("content-length").orElseThrow());
        assertEquals("bytes", r.header("accept-ranges").orElseThrow());
        assertTrue(r.header("etag").isPresent(), r::toString);
    }

    // ---- ranges, conditionals ----

    @Test
    void singleRangeGives206WithContentRange() throws Exception {
        byte[] whole = Files.readAllBytes(tmp.resolve("www/big.bin"));

        Curl.Result r = curl("-r", "0-99", url("/big.bin"));

        assertStatus(206, r);
        assertEquals("bytes 0-99/" + BIG, r.header("content-range").orElseThrow());
        assertArrayEquals(Arrays.copyOfRange(whole, 0, 100), r.body());
    }

    @Test
    void multipleRangesGiveMultipartByteranges() throws Exception {
        byte[] whole = Files.readAllBytes(tmp.resolve("www/big.bin"));

        Curl.Result r = curl("-r", "0-9,1000-1019", url("/big.bin"));

        assertStatus(206, r);
        String type = r.header("content-type").orElseThrow();
        assertTrue(type.startsWith("multipart/byteranges"), type);
        Matcher m = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(type);
        assertTrue(m.find(), type);
        byte[] body = r.body();
        String latin = new String(body, StandardCharsets.ISO_8859_1);
        String lower = latin.toLowerCase(java.util.Locale.ROOT);
        assertTrue(lower.contains("content-range: bytes 0-9/" + BIG), latin);
        assertTrue(lower.contains("content-range: bytes 1000-1019/" + BIG), latin);
        assertTrue(contains(body, Arrays.copyOfRange(whole, 0, 10)));
        assertTrue(contains(body, Arrays.copyOfRange(whole, 1000, 1020)));
        assertTrue(latin.contains("--" + m.group(1) + "--"), "closing boundary: " + latin);
    }

    @Test
    void ifNoneMatchWithTheEtagGives304() throws Exception {
        String etag = curl("-I", url("/small.txt")).header("etag").orElseThrow();

        Curl.Result r = curl("-H", "If-None-Match: " + etag, url("/small.txt"));

        assertStatus(304, r);
        assertEquals(0, r.body().length);
        assertEquals(etag, r.header("etag").orElseThrow());
    }

    @Test
    void ifModifiedSinceTheFilesTimeGives304AndAnOlderTimeGives200() throws Exception {
        Path reference = tmp.resolve("www/small.txt");

        Curl.Result notModified = curl("-z", reference.toString(), url("/small.txt")); // curl sends the file's mtime
        Curl.Result modified = curl("-z", "Sat, 01 Jan 2000 00:00:00 GMT", url("/small.txt"));

        assertStatus(304, notModified);
        assertStatus(200, modified);
        assertArrayEquals(small, modified.body());
    }

    // ---- post-demo ----

    @Test
    void multipartUploadToPostDemoReportsTheFilesSha256() throws Exception {
        Path file = tmp.resolve("www/big.bin");

        Curl.Result r = curl("-F", "text=hello <b>", "-F", "send=Send", "-F", "file=@" + file, url("/formtest"));

        assertStatus(200, r);
        String page = r.text();
        assertTrue(page.contains("data-name=\"text\" data-value=\"hello &lt;b&gt;\""), page);
        assertTrue(page.contains("data-name=\"big.bin\" data-size=\"" + BIG + "\" data-sha256=\""
                + SiteFiles.sha256(file) + "\""), page);
        assertUploadsCleanedUp();
    }

    @Test
    void chunkedUploadToPostDemoIsDechunked() throws Exception {
        byte[] content = Files.readAllBytes(tmp.resolve("www/big.bin"));
        String boundary = "curlItChunkedBoundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nchunked\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"part.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(Arrays.copyOf(content, 500_000));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        Path upload = Files.write(tmp.resolve("chunked-body"), body.toByteArray());

        Curl.Result r = curl("-v", "-X", "POST", "-H", "Transfer-Encoding: chunked",
                "-H", "Content-Type: multipart/form-data; boundary=" + boundary, "-T", upload.toString(), url("/formtest"));

        assertTrue(r.stderr().contains("Transfer-Encoding: chunked"), r.stderr());
        assertStatus(200, r);
        assertTrue(r.text().contains("data-value=\"chunked\""), r.text());
        assertTrue(r.text().contains("data-size=\"500000\" data-sha256=\"" + SiteFiles.sha256(Arrays.copyOf(content,
                500_000)) + "\""), r.text());
    }

    @Test
    void urlencodedPostToPostDemoListsTheFields() throws Exception {
        Curl.Result r = curl("--data", "text=a%26b+c&send=Send", url("/formtest"));

        assertStatus(200, r);
        assertTrue(r.text().contains("data-name=\"text\" data-value=\"a&amp;b c\""), r.text());
    }

    @Test
    void uploadPastTheFileLimitIs413() throws Exception {
        Path tooBig = SiteFiles.random(tmp.resolve("too-big.bin"), BIG + 1, 2);

        Curl.Result r = curl("-F", "file=@" + tooBig, url("/formtest"));

        assertStatus(413, r);
        assertUploadsCleanedUp();
    }

    @Test
    void uploadPastTheLimitIsAnsweredBeforeTheBodyEnds() throws Exception {
        String boundary = "earlyAnswerBoundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.bin\"\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        long declared = 8L * BIG;
        try (Socket s = Net.connect(port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("POST /formtest HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; "
                    + "boundary=" + boundary + "\r\nContent-Length: " + declared + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().write(head);
            s.getOutputStream().write(new byte[(int) (BIG + BIG / 4)]); // past the 1 MiB limit, far from the end
            s.getOutputStream().flush();

            HttpWire.Response answer = HttpWire.readHead(s.getInputStream());

            assertEquals(413, answer.status(), "answered with most of the declared body never sent");
        }
        assertUploadsCleanedUp();
    }

    @Test
    void aClientThatHalfClosesAfterItsRequestStillGetsTheWholeFile() throws Exception {
        // larger than the socket buffers can hold, so the answer is still going out at the FIN
        Path huge = SiteFiles.random(tmp.resolve("www/half-close.bin"), 32 * BIG, 7);
        byte[] whole = Files.readAllBytes(huge);
        try (Socket s = Net.connect(port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write("GET /half-close.bin HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            s.shutdownOutput(); // as a shell pipe or nc -q0 does
            Thread.sleep(300); // not reading yet: the server's sends back up
            HttpWire.Response head = HttpWire.readHead(s.getInputStream());
            assertEquals(200, head.status());
            byte[] body = s.getInputStream().readAllBytes();
            assertEquals(whole.length, body.length, "the whole body, then the server closes");
            assertArrayEquals(whole, body);
        }
    }

    @Test
    void uploadCutOffMidBodyLeavesNoTempFile() throws Exception {
        String boundary = "cutOffBoundary";
        try (Socket s = Net.connect(port)) {
            s.getOutputStream().write(("POST /formtest HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; "
                    + "boundary=" + boundary + "\r\nContent-Length: 600000\r\n\r\n--" + boundary
                    + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cut.bin\"\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().write(new byte[300_000]);
            s.getOutputStream().flush();
            awaitTempFile();
        } // closed with half the body unsent: the session is dropped
        assertUploadsCleanedUp();
    }

    @Test
    void getOnThePostDemoMountServesItsForm() throws Exception {
        Curl.Result r = curl(url("/formtest"));

        assertStatus(200, r);
        assertTrue(r.text().contains("action=\"/formtest\""), r.text());
    }

    // ---- auth, zip, redirects, errors, vhosts, logs ----

    @Test
    void basicAuthAdmitsTheRightPasswordOnly() throws Exception {
        Curl.Result ok = curl("-u", "tester:s3cret", url("/private/secret.txt"));
        Curl.Result wrong = curl("-u", "tester:wrong", url("/private/secret.txt"));
        Curl.Result none = curl(url("/private/secret.txt"));

        assertStatus(200, ok);
        assertEquals("the secret\n", ok.text());
        assertStatus(401, wrong);
        assertStatus(401, none);
        String challenge = wrong.header("www-authenticate").orElseThrow();
        assertTrue(challenge.startsWith("Basic realm=\""), challenge);
        assertFalse(wrong.text().contains("the secret"));
    }

    @Test
    void zipMemberGoesAsGzipToClientsThatAcceptItAndInflatedToOthers() throws Exception {
        Curl.Result compressed = curl("--compressed", url("/zipped/hello.txt"));
        Curl.Result raw = curl("-H", "Accept-Encoding: gzip", url("/zipped/hello.txt"));
        Curl.Result plain = curl(url("/zipped/hello.txt"));

        assertStatus(200, compressed);
        assertEquals("gzip", compressed.header("content-encoding").orElseThrow());
        assertArrayEquals(zipText, compressed.body(), "curl --compressed decodes the gzip");
        assertTrue(raw.body().length < zipText.length / 5, "the stored deflate data goes out as it is");
        assertEquals(0x1f, raw.body()[0] & 0xff);
        assertEquals(0x8b, raw.body()[1] & 0xff);
        assertStatus(200, plain);
        assertFalse(plain.header("content-encoding").isPresent(), plain::toString);
        assertEquals(String.valueOf(zipText.length), plain.header("content-length").orElseThrow());
        assertArrayEquals(zipText, plain.body());
    }

    @Test
    void redirectMountAnswers301WithLocation() throws Exception {
        Curl.Result r = curl("-I", url("/old"));

        assertStatus(301, r);
        assertEquals("http://example.test/new-place", r.header("location").orElseThrow());
    }

    @Test
    void missingFileGetsAnErrorPageLinkingErrorCss() throws Exception {
        Curl.Result r = curl(url("/no-such-file.txt"));

        assertStatus(404, r);
        assertTrue(r.header("content-type").orElseThrow().startsWith("text/html"), r::toString);
        assertTrue(r.text().contains("href=\"/error.css\""), r.text());
        assertEquals("default-src 'none'; style-src 'self'", r.header("content-security-policy").orElseThrow(),
                "error responses carry the vhost headers too");
        assertStatus(200, curl(url("/error.css")));
    }

    @Test
    void hostHeaderSelectsTheVhostSharingThePort() throws Exception {
        Curl.Result other = curl("-H", "Host: other.localhost", url("/"));
        Curl.Result main = curl("-H", "Host: localhost", url("/"));
        Curl.Result unknown = curl("-H", "Host: unknown.example", url("/"));

        assertStatus(200, other);
        assertTrue(other.text().contains("the other vhost"), other.text());
        assertFalse(other.header("content-security-policy").isPresent(), "headers belong to their own vhost");
        assertTrue(main.text().contains("CurlIT main site"), main.text());
        assertTrue(unknown.text().contains("CurlIT main site"), "an unknown host gets the port's first vhost");
    }

    @Test
    void directoryWithoutTrailingSlashRedirects() throws Exception {
        Files.createDirectories(tmp.resolve("www/sub"));
        Files.writeString(tmp.resolve("www/sub/index.html"), "<p>sub</p>\n");

        Curl.Result r = curl("-I", url("/sub"));

        assertEquals(301, r.status(), r::toString);
        assertTrue(r.header("location").orElseThrow().endsWith("/sub/"), r::toString);
    }

    @Test
    void accessLogGetsACombinedFormatLine() throws Exception {
        String agent = "curl-it-agent/" + System.nanoTime();
        curl("-A", agent, "-e", "http://referer.test/", url("/small.txt?x=1"));

        Path log = tmp.resolve("access.log");
        String line = awaitLogLine(log, agent, Duration.ofSeconds(10));

        assertTrue(line.startsWith("127.0.0.1 "), line);
        assertTrue(line.contains("\"GET /small.txt?x=1 HTTP/1.1\" 200 " + small.length), line);
        assertTrue(line.contains("\"http://referer.test/\""), line);
    }

    // ---- helpers ----

    private static String awaitLogLine(Path log, String needle, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log)) {
                for (String l : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                    if (l.contains(needle)) {
                        return l;
                    }
                }
            }
            Thread.sleep(100); // the access log is written by its own thread: nothing to wait on but the file
        }
        throw new AssertionError("no access-log line with '" + needle + "' in " + log + " within " + timeout + ":\n"
                + (Files.exists(log) ? Files.readString(log) : "(no file)"));
    }

    private static void assertUploadsCleanedUp() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<Path> left;
        do {
            try (Stream<Path> s = Files.list(tmp.resolve("uploads"))) {
                left = s.toList();
            }
            if (left.isEmpty()) {
                return;
            }
            Thread.sleep(50); // a refused upload is discarded when the server sees the rest of it, or the close
        } while (System.nanoTime() < deadline);
        throw new AssertionError("post-demo left temp files: " + left);
    }

    /** Waits until post-demo has spooled part of an upload to disk. */
    private static void awaitTempFile() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            try (Stream<Path> s = Files.list(tmp.resolve("uploads"))) {
                if (s.findAny().isPresent()) {
                    return;
                }
            }
            Thread.sleep(20); // the server spools as the bytes arrive; nothing to wait on but the directory
        }
        throw new AssertionError("post-demo never started spooling the upload\n" + launcher.log());
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
