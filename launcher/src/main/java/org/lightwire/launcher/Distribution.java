package org.lightwire.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The layout of an installed Lightwire, found from where the launcher jar lies:
 * <pre>
 * lib/       the boot layer: launcher, SPI, config reader, Felix framework
 * bundles/   platform bundles: core, roles (installed into Felix, or a child layer)
 * felix/     Felix components the launcher installs (FileInstall)
 * plugins/   plugin bundles watched by the embedded default config
 * share/     the data directory that _lws_ddir_ stands for
 * </pre>
 */
record Distribution(Path home) {

    static Distribution locate() {
        try {
            Path jar = Path.of(Distribution.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return new Distribution(jar.getParent().getParent());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot tell where the launcher is installed", e);
        }
    }

    Path bundles() {
        return home.resolve("bundles");
    }

    Path felix() {
        return home.resolve("felix");
    }

    Path plugins() {
        return home.resolve("plugins");
    }

    Path share() {
        return home.resolve("share");
    }

    /** The jars in {@code dir}, sorted by name; none if it does not exist. */
    static List<Path> jars(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
