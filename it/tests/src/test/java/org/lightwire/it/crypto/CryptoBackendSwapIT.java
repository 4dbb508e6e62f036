package org.lightwire.it.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightwire.it.LauncherProcess;
import org.lightwire.it.Net;

/**
 * Issue 5 acceptance 2: the crypto backend is swapped in a running launcher. With crypto-jca
 * active, crypto-bc is dropped into the plugin directory and crypto-jca removed; the
 * context reports the new backend and new work — on a connection that stayed open through
 * the swap — runs on BouncyCastle, without a restart. Then the same jar set runs on the
 * module path ({@code --static}). crypto-jca's JNI library for OpenSSL loads in each new
 * class loader of the bundle: the RSA and EC work after jca's return runs on OpenSSL again.
 */
class CryptoBackendSwapIT {

    private static final Duration DEPLOY = Duration.ofSeconds(30);
    private static final String JCA_HASH = "org.lightwire.crypto.jca.JcaHash";
    private static final String BC_HASH = "org.lightwire.crypto.bc.BcHash";
    private static final String JCA_ON_OPENSSL =
            "crypto backend: jca \\(JDK providers .*; RSA, EC, X25519 and Ed25519 on OpenSSL 3\\.";

    @Test
    void jcaIsReplacedByBcWithoutRestart(@TempDir Path tmp) throws Exception {
        Path home = tmp.resolve("lightwire");
        Path jca = CryptoLayout.distributionWithoutBackend(home);
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        CryptoLayout.deploy(jca, plugins);
        CryptoLayout.deploy(CryptoLayout.probePlugin(), plugins);
        int port = Net.freePort();
        Path conf = CryptoLayout.config(tmp.resolve("conf-dir"), port, plugins);

        try (LauncherProcess launcher = LauncherProcess.startFrom(home, "--config-dir", conf.toString(), "-d", "15")) {
            launcher.awaitLine(JCA_ON_OPENSSL, DEPLOY);
            launcher.awaitLine("vhost 'probe': protocol '" + CryptoLayout.PROBE + "' available", DEPLOY);
            long pid = launcher.pid();
            try (CryptoProbe open = new CryptoProbe(port)) {
                assertEquals(CryptoProbe.expectedHash("jca", JCA_HASH, "before"), open.ask("before"), launcher::log);
                assertEquals("backend=jca ecdsa=ok rsa=ok ecdh=ok", open.ask("sign"), launcher::log);

                // installed beside jca: it ranks lower, so jca stays in charge
                CryptoLayout.deploy(CryptoLayout.cryptoBc(), plugins);
                launcher.awaitLine("bundle org.lightwire.crypto.bc 1.0.0 started", DEPLOY);
                assertEquals(CryptoProbe.expectedHash("jca", JCA_HASH, "both"), open.ask("both"), launcher::log);

                // jca removed: the context switches, and the next piece of work uses bc
                Files.delete(plugins.resolve(jca.getFileName()));
                launcher.awaitLine("crypto backend: bc \\(BouncyCastle 1\\.84 lightweight API, BCJSSE for TLS\\)", DEPLOY);
                launcher.awaitLine("bundle org.lightwire.crypto.jca .*uninstalled", DEPLOY);
                assertEquals(CryptoProbe.expectedHash("bc", BC_HASH, "after"), open.ask("after"),
                        () -> "a connection open through the swap gets its new work done by bc; log:\n" + launcher.log());
                String tls = open.ask("tls");
                assertTrue(tls.startsWith("backend=bc tls=TLSv1.3 ") && tls.contains("engine=org.bouncycastle.jsse."), () -> tls + "\n" + launcher.log());
            }
            try (CryptoProbe fresh = new CryptoProbe(port)) {
                assertEquals(CryptoProbe.expectedHash("bc", BC_HASH, "fresh"), fresh.ask("fresh"), launcher::log);
                assertEquals("backend=bc ecdsa=ok rsa=ok ecdh=ok", fresh.ask("sign"), launcher::log);

                // and back: jca returns and, ranking higher, takes over again
                CryptoLayout.deploy(jca, plugins);
                awaitOccurrences(launcher, JCA_ON_OPENSSL, 2, DEPLOY);
                assertEquals(CryptoProbe.expectedHash("jca", JCA_HASH, "again"), fresh.ask("again"), launcher::log);
                assertEquals("backend=jca ecdsa=ok rsa=ok ecdh=ok", fresh.ask("sign"), launcher::log);
            }
            assertTrue(launcher.isAlive(), "the launcher keeps running");
            assertEquals(pid, launcher.pid());
        }
    }

    /** Waits until {@code regex} has matched {@code count} log lines (awaitLine finds only the first). */
    private static void awaitOccurrences(LauncherProcess launcher, String regex, int count, Duration timeout)
            throws InterruptedException {
        Pattern p = Pattern.compile(regex);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (p.matcher(launcher.log()).results().count() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(count + " log lines matching /" + regex + "/ expected within " + timeout + "; log:\n"
                        + launcher.log());
            }
            Thread.sleep(100); // polling another process's log: there is no event to wait on
        }
    }

    @Test
    void bcRunsOnTheModulePathToo(@TempDir Path tmp) throws Exception {
        Path home = tmp.resolve("lightwire");
        CryptoLayout.distributionWithoutBackend(home);
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        CryptoLayout.deploy(CryptoLayout.cryptoBc(), plugins);
        CryptoLayout.deploy(CryptoLayout.probePlugin(), plugins);
        int port = Net.freePort();
        Path conf = CryptoLayout.config(tmp.resolve("conf-dir"), port, plugins);

        try (LauncherProcess launcher = LauncherProcess.startFrom(home, "--static", "--config-dir", conf.toString(), "-d", "15")) {
            launcher.awaitLine("module org.lightwire.crypto.bc 1.0.0", DEPLOY);
            launcher.awaitLine("crypto backend: bc \\(BouncyCastle 1\\.84", DEPLOY);
            launcher.awaitLine("vhost 'probe' listening on", DEPLOY);
            try (CryptoProbe probe = new CryptoProbe(port)) {
                assertEquals(CryptoProbe.expectedHash("bc", BC_HASH, "static"), probe.ask("static"), launcher::log);
                String tls = probe.ask("tls");
                assertTrue(tls.startsWith("backend=bc tls=TLSv1.3 ") && tls.contains("engine=org.bouncycastle.jsse."), () -> tls + "\n" + launcher.log());
            }
        }
    }
}
