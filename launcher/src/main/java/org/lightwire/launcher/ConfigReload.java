package org.lightwire.launcher;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.LightwireException;
import org.lightwire.config.ConfigException;
import sun.misc.Signal;

/**
 * SIGHUP reloads the config (lwsws' reload): the files are read again and, if they are
 * valid, a new context takes over the listen sockets while the old one drains its open
 * connections. A config that does not load, or a context that does not start, leaves
 * the running server as it was, with the reason logged.
 */
final class ConfigReload {

    private static final System.Logger LOG = System.getLogger("org.lightwire.launcher");

    /** Reads the config as at start; throws what the loader throws. */
    interface Source {
        ContextSettings load() throws ConfigException;
    }

    private final Source source;
    private final Platform platform;
    // a second HUP during a reload is folded into it rather than queued
    private final AtomicBoolean running = new AtomicBoolean();

    private ConfigReload(Source source, Platform platform) {
        this.source = source;
        this.platform = platform;
    }

    /** Reloads on every SIGHUP from now on. */
    static void onHangup(Source source, Platform platform) {
        ConfigReload reload = new ConfigReload(source, platform);
        Signal.handle(new Signal("HUP"), signal -> reload.start());
    }

    private void start() {
        if (!running.compareAndSet(false, true)) {
            LOG.log(Level.WARNING, "SIGHUP: a reload is already running");
            return;
        }
        Thread t = new Thread(() -> {
            try {
                run();
            } finally {
                running.set(false);
            }
        }, "lightwire-reload");
        t.setDaemon(true);
        t.start();
    }

    /** One reload; public to tests through the package. */
    void run() {
        LOG.log(Level.INFO, "SIGHUP: reloading the config");
        ContextSettings settings;
        try {
            settings = source.load();
        } catch (ConfigException e) {
            LOG.log(Level.ERROR, "reload refused, still serving the previous config: " + e.getMessage());
            return;
        }
        java.util.Optional<String> refusal = ProcessChecks.refusal(settings);
        if (refusal.isPresent()) {
            LOG.log(Level.ERROR, "reload refused, still serving the previous config: " + refusal.get());
            return;
        }
        try {
            platform.reload(settings);
        } catch (LightwireException e) {
            LOG.log(Level.ERROR, "reload failed, still serving the previous config: " + e.getMessage());
            return;
        }
        LOG.log(Level.INFO, "reload done: new connections get the new config; the previous context drains");
    }
}
