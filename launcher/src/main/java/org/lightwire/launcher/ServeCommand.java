package org.lightwire.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.LightwireException;
import org.lightwire.config.ConfigException;
import org.lightwire.config.ConfigLoader;
import org.lightwire.launcher.log.LogLevels;

/** Serving: read the config, take the lock, start the platform, run until stopped. */
final class ServeCommand {

    private static final System.Logger LOG = System.getLogger("org.lightwire.launcher");
    static final String DEFAULT_CONFIG = "default-conf.json";

    private ServeCommand() {
    }

    static int run(List<String> args) throws UsageException {
        ServeOptions options = ServeOptions.parse(args);
        if (options.help()) {
            System.out.print(ServeOptions.USAGE);
            return 0;
        }
        LogLevels.set(options.logBits());
        Distribution dist = Distribution.locate();
        ContextSettings settings;
        try {
            settings = loadConfig(options.configDir(), dist);
        } catch (ConfigException | IllegalStateException e) {
            System.err.println("lightwire: " + e.getMessage());
            return 1;
        }
        Optional<String> refusal = ProcessChecks.refusal(settings);
        if (refusal.isPresent()) {
            System.err.println("lightwire: " + refusal.get());
            return 1;
        }
        List<Path> pluginDirs = pluginDirs(settings, options, dist);
        LockFile lock = null;
        try {
            if (options.lockFile().isPresent()) {
                lock = LockFile.acquire(options.lockFile().get());
            }
            LOG.log(Level.INFO, "lightwire " + version() + " (" + (options.staticMode() ? "static" : "OSGi") + " mode),"
                    + " config: " + options.configDir().map(Path::toString).orElse("embedded default")
                    + ", java " + Runtime.version());
            Platform platform = options.staticMode()
                    ? StaticPlatform.start(dist, settings, pluginDirs)
                    : FelixPlatform.start(dist, settings, pluginDirs);
            ConfigReload.onHangup(() -> loadConfig(options.configDir(), dist), platform);
            LockFile heldLock = lock;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                LOG.log(Level.INFO, "stopping");
                platform.close();
                if (heldLock != null) {
                    heldLock.close();
                }
            }, "lightwire-shutdown"));
            platform.awaitStop();
            return 0;
        } catch (IOException | LightwireException e) {
            System.err.println("lightwire: " + e.getMessage());
            if (lock != null) {
                lock.close();
            }
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static ContextSettings loadConfig(Optional<Path> configDir, Distribution dist) throws ConfigException {
        if (configDir.isPresent()) {
            return ConfigLoader.load(configDir.get(), dist.share());
        }
        return ConfigLoader.parse("(embedded default config)", withTestCertificate(embeddedDefault()), dist.share());
    }

    /** Where the default config names {@code _lightwire_tls_}: the generated test certificate's directory. */
    static final String TLS_DIR_TOKEN = "_lightwire_tls_";

    /**
     * The embedded default's https vhost (127.0.0.1:7682) serves a self-signed certificate
     * made on first start ({@link TestCertificate}); its directory replaces the token.
     */
    static String withTestCertificate(String config) {
        if (!config.contains(TLS_DIR_TOKEN)) {
            return config;
        }
        Path dir;
        try {
            dir = TestCertificate.ensure();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("(embedded default config): cannot provide the test certificate for https on 7682"
                    + " (set LIGHTWIRE_STATE_DIR to a writable directory): " + e.getMessage(), e);
        }
        String json = dir.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"");
        return config.replace(TLS_DIR_TOKEN, json);
    }

    /** The embedded default config: the test-server equivalent on 127.0.0.1:7681. */
    static String embeddedDefault() {
        try (InputStream in = ServeCommand.class.getResourceAsStream(DEFAULT_CONFIG)) {
            if (in == null) {
                throw new IllegalStateException("the launcher jar lacks " + DEFAULT_CONFIG);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DEFAULT_CONFIG, e);
        }
    }

    /**
     * The config's plugin-dir keys, then --plugin-dir; the distribution's own plugins
     * directory only when serving the embedded default config.
     */
    private static List<Path> pluginDirs(ContextSettings settings, ServeOptions options, Distribution dist) {
        LinkedHashSet<Path> dirs = new LinkedHashSet<>();
        for (Path p : settings.pluginDirs()) {
            dirs.add(p.toAbsolutePath().normalize());
        }
        for (Path p : options.pluginDirs()) {
            dirs.add(p.toAbsolutePath().normalize());
        }
        if (options.configDir().isEmpty()) {
            dirs.add(dist.plugins().toAbsolutePath().normalize());
        }
        return new ArrayList<>(dirs);
    }

    private static String version() {
        String v = ServeCommand.class.getPackage().getImplementationVersion();
        return v != null ? v : ServeCommand.class.getModule().getDescriptor().rawVersion().orElse("(dev)");
    }
}
