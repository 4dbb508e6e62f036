package org.lightwire.it.crypto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.lightwire.it.LauncherProcess;

/**
 * The jars and layouts the crypto-backend integration tests use: a distribution whose
 * crypto backend is not a platform bundle but sits in the plugin directory (so it can be
 * swapped), the two backend bundles, the probe plugin and its config.
 */
final class CryptoLayout {

    static final Path IT_JARS = Path.of(System.getProperty("lightwire.it.jars", "target/it-jars"));
    static final Path ROOT = Path.of(System.getProperty("lightwire.root", "../.."));
    static final String PROBE = "lightwire-it-crypto-probe";

    private CryptoLayout() {
    }

    /**
     * A copy of the assembled distribution at {@code home} without any crypto backend among
     * its platform bundles; returns the crypto-jca jar the distribution shipped there.
     */
    static Path distributionWithoutBackend(Path home) throws IOException {
        Path dist = LauncherProcess.DIST;
        copyDir(dist.resolve("lib"), Files.createDirectories(home.resolve("lib")));
        for (String dir : List.of("felix", "share")) {
            if (Files.isDirectory(dist.resolve(dir))) {
                Files.createSymbolicLink(home.resolve(dir), dist.resolve(dir).toAbsolutePath());
            }
        }
        Path bundles = Files.createDirectories(home.resolve("bundles"));
        Path jca = null;
        try (Stream<Path> s = Files.list(dist.resolve("bundles"))) {
            for (Path jar : s.toList()) {
                if (jar.getFileName().toString().startsWith("lightwire-crypto-")) {
                    jca = jar.getFileName().toString().startsWith("lightwire-crypto-jca-") ? jar : jca;
                } else {
                    Files.copy(jar, bundles.resolve(jar.getFileName()));
                }
            }
        }
        if (jca == null) {
            throw new AssertionError("the distribution at " + dist.toAbsolutePath() + " ships no lightwire-crypto-jca jar in bundles/;"
                    + " build it with: mvn -o install -pl launcher -am -DskipTests");
        }
        return jca;
    }

    /** The crypto-bc bundle as its module builds it (BouncyCastle inside). */
    static Path cryptoBc() throws IOException {
        Path target = ROOT.resolve("bundles/crypto-bc/target");
        try (Stream<Path> s = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            return s.filter(p -> p.getFileName().toString().matches("lightwire-crypto-bc-[0-9.]+\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no lightwire-crypto-bc jar in " + target.toAbsolutePath()
                            + "; build it with: mvn -o install -pl bundles/crypto-bc -DskipTests"));
        }
    }

    static Path probePlugin() {
        Path jar = IT_JARS.resolve("lightwire-it-fixture-plugin.jar");
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError("fixture plugin missing at " + jar.toAbsolutePath() + " (copied by the it/tests build)");
        }
        return jar;
    }

    /** Copies {@code jar} into {@code dir} the way an operator would: write elsewhere, then move in. */
    static Path deploy(Path jar, Path dir) throws IOException {
        Path tmp = Files.createTempFile(dir.getParent(), "deploy", ".part");
        Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
        return Files.move(tmp, dir.resolve(jar.getFileName()), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** A config with the probe on a raw vhost at 127.0.0.1:{@code port}, watching {@code plugins}. */
    static Path config(Path dir, int port, Path plugins) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("conf"), """
                # written by the crypto backend integration test
                { "global": { "plugin-dir": "%s" },
                  "vhosts": [ { "name": "probe", "port": "%d", "interface": "127.0.0.1",
                    "listen-accept-role": "raw-skt", "listen-accept-protocol": "%s", "apply-listen-accept": "1",
                    "ws-protocols": [{ "%s": { "status": "ok", "raw": "1" } }] } ] }
                """.formatted(plugins, port, PROBE, PROBE));
        return dir;
    }

    private static void copyDir(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.list(from)) {
            for (Path p : s.toList()) {
                Files.copy(p, to.resolve(p.getFileName()));
            }
        }
    }
}
