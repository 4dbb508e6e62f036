package org.lightwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.lightwire.it.http.Curl;
import org.lightwire.it.http.SiteFiles;

/**
 * With no config the launcher serves its embedded default, the lws test server's analogue:
 * HTTP on 127.0.0.1:7681 (the distribution's test site, and protocol-post-demo on
 * /formtest) and the raw-test echo on 127.0.0.1:7690.
 */
class DefaultConfigIT {

    static final int HTTP_PORT = 7681;
    static final int RAW_ECHO_PORT = 7690;

    @Test
    void embeddedDefaultConfigServesTheTestSiteFormTestAndRawEcho() throws Exception {
        try (LauncherProcess launcher = LauncherProcess.start()) {
            launcher.awaitLine("vhost 'localhost' listening on /127.0.0.1:" + HTTP_PORT, Duration.ofSeconds(20));
            launcher.awaitLine("vhost 'raw-echo' listening on /127.0.0.1:" + RAW_ECHO_PORT, Duration.ofSeconds(20));
            String site = "http://127.0.0.1:" + HTTP_PORT;

            Curl.Result index = Curl.run(site + "/");
            assertEquals(200, index.status(), () -> index + "\n" + launcher.log());
            assertTrue(index.text().contains("Lightwire test server"), index.text());
            assertTrue(index.text().contains("href=\"/form.html\""), index.text());
            assertTrue(index.header("content-security-policy").orElseThrow().startsWith("default-src 'none'"),
                    index::toString);
            assertEquals(200, Curl.run(site + "/form.html").status());
            assertEquals(200, Curl.run(site + "/error.css").status());
            Curl.Result missing = Curl.run(site + "/no-such-page");
            assertEquals(404, missing.status());
            assertTrue(missing.text().contains("/error.css"), missing.text());

            // the plugins directory is watched for the default config: post-demo arrives with it
            Curl.Result posted = awaitFormTest(site, launcher);
            assertTrue(posted.text().contains("data-name=\"text\" data-value=\"hi there\""), posted.text());
            java.nio.file.Path upload = Files.createTempFile("default-config-it", ".txt");
            try {
                Files.writeString(upload, "uploaded through the default config\n");
                Curl.Result multipart = Curl.run("-F", "text=x", "-F", "file=@" + upload, site + "/formtest");
                assertEquals(200, multipart.status(), multipart::toString);
                assertTrue(multipart.text().contains("data-sha256=\"" + SiteFiles.sha256(upload) + "\""),
                        multipart.text());
            } finally {
                Files.delete(upload);
            }

            Net.awaitRoundTrip(RAW_ECHO_PORT, "default", "default", Duration.ofSeconds(20));
            try (Socket s = Net.connect(RAW_ECHO_PORT)) {
                assertEquals("one", Net.roundTrip(s, "one"));
                assertEquals("two", Net.roundTrip(s, "two"));
            }
            String log = launcher.log();
            assertTrue(log.contains("bundle org.lightwire.core 0.1.0: active"), log);
            assertTrue(log.contains("bundle org.lightwire.role.raw 0.1.0: active"), log);
            assertTrue(log.contains("watching plugin dir(s): "), log);
        }
    }

    @Test
    void embeddedDefaultConfigServesTheSameOnTheModulePath() throws Exception {
        try (LauncherProcess launcher = LauncherProcess.start("--static")) {
            launcher.awaitLine("vhost 'localhost' listening on /127.0.0.1:" + HTTP_PORT, Duration.ofSeconds(20));
            String site = "http://127.0.0.1:" + HTTP_PORT;

            Curl.Result index = Curl.run(site + "/");
            assertEquals(200, index.status(), () -> index + "\n" + launcher.log());
            Curl.Result posted = awaitFormTest(site, launcher);
            assertTrue(posted.text().contains("data-value=\"hi there\""), posted.text());
            Net.awaitRoundTrip(RAW_ECHO_PORT, "static", "static", Duration.ofSeconds(20));
        }
    }

    /** Posts the form until the post-demo plugin, hot-deployed from the plugins dir, answers it. */
    private static Curl.Result awaitFormTest(String site, LauncherProcess launcher) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Curl.Result last;
        do {
            last = Curl.run("--data", "text=hi+there&send=Send", site + "/formtest");
            if (last.exit() == 0 && !last.responses().isEmpty() && last.status() == 200) {
                return last;
            }
            Thread.sleep(200); // polling another process: there is no event to wait on
        } while (System.nanoTime() < deadline);
        throw new AssertionError("POST /formtest did not answer 200 within 20 s; last: " + last + "\n" + launcher.log());
    }
}
