package org.lightwire.it.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.lightwire.it.LauncherProcess;
import org.lightwire.it.http.Curl;

/**
 * The embedded default config also serves the test site over https on 127.0.0.1:7682,
 * with the self-signed certificate the launcher makes on first start (in its state
 * directory, {@code ~/.local/state/lightwire/tls} unless {@code LIGHTWIRE_STATE_DIR} or
 * {@code XDG_STATE_HOME} say otherwise).
 */
class DefaultConfigHttpsIT {

    static final int HTTPS_PORT = 7682;

    @Test
    void curlInsecureGetsTheTestSiteOverTls() throws Exception {
        try (LauncherProcess launcher = LauncherProcess.start("-d", "15")) {
            launcher.awaitLine("vhost 'localhost-tls' listening on /127.0.0.1:" + HTTPS_PORT, Duration.ofSeconds(30));

            Curl.Result index = Curl.run("-k", "https://127.0.0.1:" + HTTPS_PORT + "/");
            assertEquals(0, index.exit(), () -> index + "\n" + launcher.log());
            assertEquals(200, index.status(), index::toString);
            assertTrue(index.text().contains("<html"), index::text);
            assertTrue(index.header("content-security-policy").orElseThrow().startsWith("default-src 'none'"));

            // without -k curl refuses it: the certificate is self-signed, not from a trusted CA
            Curl.Result strict = Curl.run("https://127.0.0.1:" + HTTPS_PORT + "/");
            assertTrue(strict.exit() != 0, strict::toString);

            String s = TestPki.runAnyExit(null, 20, TestPki.OPENSSL, "s_client", "-connect", "127.0.0.1:" + HTTPS_PORT,
                    "-servername", "localhost");
            assertTrue(s.contains("subject=CN = localhost") || s.contains("subject=CN=localhost"), s);
            assertTrue(s.contains("issuer=CN = localhost") || s.contains("issuer=CN=localhost"), s);
        }
    }
}
