package org.lightwire.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.lightwire.api.Context;
import org.lightwire.api.ContextFactory;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.LightwireException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

/**
 * The default mode: an embedded Apache Felix runs the platform bundles, and Felix
 * FileInstall watches the plugin directories, so a plugin jar dropped in goes live, a
 * replaced one is updated and a removed one is uninstalled, without a restart.
 *
 * <p>The SPI packages are exported by the system bundle from the launcher's own class
 * loader, so the launcher and every bundle share one copy of them. The launcher keeps one
 * context running for as long as core publishes a {@link ContextFactory}: if core itself
 * is updated, the old context closes and a new one starts with the new code.
 */
final class FelixPlatform implements Platform {

    private static final System.Logger LOG = System.getLogger("org.lightwire.launcher");
    private static final long START_TIMEOUT_SECONDS = 30;

    private final Framework framework;
    private final Path cache;
    private final ServiceTracker<ContextFactory, LiveContext> contexts;
    private final ContextKeeper keeper;

    private FelixPlatform(Framework framework, Path cache, ServiceTracker<ContextFactory, LiveContext> contexts,
            ContextKeeper keeper) {
        this.framework = framework;
        this.cache = cache;
        this.contexts = contexts;
        this.keeper = keeper;
    }

    static FelixPlatform start(Distribution dist, ContextSettings settings, List<Path> pluginDirs) throws IOException {
        Path cache = Files.createTempDirectory("lightwire-felix-");
        // declared here, not in module-info: a `uses` there would make the Felix jar
        // mandatory even for --static, which never comes here
        FelixPlatform.class.getModule().addUses(FrameworkFactory.class);
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new LightwireException("Apache Felix is not on the module path"));
        Framework framework = factory.newFramework(frameworkProperties(cache, pluginDirs));
        try {
            framework.init();
            BundleContext bc = framework.getBundleContext();
            bc.addBundleListener(FelixPlatform::logBundleEvent);
            List<Bundle> platform = install(bc, Distribution.jars(dist.bundles()));
            List<Bundle> felix = install(bc, Distribution.jars(dist.felix()));
            framework.start();
            for (Bundle b : platform) {
                b.start();
            }
            StartupResult startup = new StartupResult();
            ContextKeeper keeper = new ContextKeeper(bc, settings, startup);
            ServiceTracker<ContextFactory, LiveContext> tracker = new ServiceTracker<>(bc, ContextFactory.class, keeper);
            tracker.open();
            startup.await();
            for (Bundle b : felix) {
                b.start();
            }
            logBundles(bc);
            LOG.log(Level.INFO, "watching plugin dir(s): " + (pluginDirs.isEmpty() ? "(none)" : pluginDirs.stream()
                    .map(Path::toString).collect(Collectors.joining(", "))));
            return new FelixPlatform(framework, cache, tracker, keeper);
        } catch (BundleException | RuntimeException e) {
            stopQuietly(framework);
            deleteTree(cache);
            if (e instanceof LightwireException le) {
                throw le;
            }
            throw new LightwireException("cannot start the OSGi framework: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> frameworkProperties(Path cache, List<Path> pluginDirs) {
        Map<String, String> p = new HashMap<>();
        p.put("org.osgi.framework.storage", cache.toString());
        p.put("org.osgi.framework.storage.clean", "onFirstInit");
        p.put("org.osgi.framework.system.packages.extra", systemPackagesExtra());
        p.put("felix.log.level", "1");
        if (!pluginDirs.isEmpty()) {
            p.put("felix.fileinstall.dir", pluginDirs.stream().map(d -> d.toAbsolutePath().toString())
                    .collect(Collectors.joining(",")));
        } else {
            // FileInstall insists on a directory: give it one that stays empty
            p.put("felix.fileinstall.dir", cache.resolve("no-plugins").toString());
        }
        p.put("felix.fileinstall.poll", "500");
        p.put("felix.fileinstall.noInitialDelay", "true");
        p.put("felix.fileinstall.bundles.new.start", "true");
        p.put("felix.fileinstall.log.level", "2");
        p.put("felix.fileinstall.filter", ".*\\.jar");
        return p;
    }

    /** The SPI's exported packages (with their versions, from its manifest) plus the JDK extras bundles use. */
    static String systemPackagesExtra() {
        try (InputStream in = ContextFactory.class.getModule().getResourceAsStream("META-INF/MANIFEST.MF")) {
            if (in == null) {
                throw new LightwireException("the SPI jar has no manifest");
            }
            String exports = new Manifest(in).getMainAttributes().getValue("Export-Package");
            if (exports == null) {
                throw new LightwireException("the SPI jar's manifest exports nothing");
            }
            return exports + ",jdk.net";
        } catch (IOException e) {
            throw new LightwireException("cannot read the SPI's manifest: " + e.getMessage(), e);
        }
    }

    private static List<Bundle> install(BundleContext bc, List<Path> jars) throws BundleException {
        List<Bundle> out = new ArrayList<>();
        for (Path jar : jars) {
            out.add(bc.installBundle(jar.toUri().toString()));
        }
        return out;
    }

    private static void logBundles(BundleContext bc) {
        for (Bundle b : bc.getBundles()) {
            LOG.log(Level.INFO, "bundle " + b.getSymbolicName() + " " + b.getVersion() + ": " + stateName(b.getState()));
        }
    }

    private static void logBundleEvent(BundleEvent e) {
        Bundle b = e.getBundle();
        String what = switch (e.getType()) {
            case BundleEvent.INSTALLED -> "installed from " + b.getLocation();
            case BundleEvent.STARTED -> "started";
            case BundleEvent.STOPPED -> "stopped";
            case BundleEvent.UPDATED -> "updated from " + b.getLocation();
            case BundleEvent.UNINSTALLED -> "uninstalled";
            default -> null;
        };
        if (what != null) {
            LOG.log(Level.INFO, () -> "bundle " + b.getSymbolicName() + " " + b.getVersion() + " " + what);
        }
    }

    static String stateName(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "active";
            case Bundle.RESOLVED -> "resolved";
            case Bundle.INSTALLED -> "installed (unresolved)";
            case Bundle.STARTING -> "starting";
            case Bundle.STOPPING -> "stopping";
            default -> "uninstalled";
        };
    }

    @Override
    public synchronized void reload(ContextSettings settings) {
        keeper.settings = settings;
        for (LiveContext live : contexts.getTracked().values()) {
            live.context = live.factory.succeed(live.context, settings);
        }
    }

    @Override
    public void awaitStop() throws InterruptedException {
        framework.waitForStop(0);
    }

    @Override
    public void close() {
        contexts.close();
        stopQuietly(framework);
        deleteTree(cache);
    }

    private static void stopQuietly(Framework framework) {
        try {
            framework.stop();
            framework.waitForStop(10_000);
        } catch (BundleException | InterruptedException e) {
            LOG.log(Level.WARNING, "stopping the OSGi framework: " + e.getMessage());
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind is harmless
        }
    }

    /** The outcome of creating the first context, which decides whether startup succeeded. */
    private static final class StartupResult {
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile RuntimeException failure;

        void succeeded() {
            done.countDown();
        }

        void failed(RuntimeException e) {
            failure = e;
            done.countDown();
        }

        void await() {
            try {
                if (!done.await(START_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    throw new LightwireException("core did not publish a context factory within "
                            + START_TIMEOUT_SECONDS + " s: is the org.lightwire.core bundle resolved?");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LightwireException("interrupted while starting");
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    /** One factory's current context; a reload replaces it. */
    private static final class LiveContext {
        final ContextFactory factory;
        volatile Context context;

        LiveContext(ContextFactory factory, Context context) {
            this.factory = factory;
            this.context = context;
        }
    }

    /** Keeps one context alive per published factory: created when core appears, closed when it goes. */
    private static final class ContextKeeper implements ServiceTrackerCustomizer<ContextFactory, LiveContext> {
        private final BundleContext bc;
        // the latest config: a core updated after a reload starts with it
        volatile ContextSettings settings;
        private final StartupResult startup;

        ContextKeeper(BundleContext bc, ContextSettings settings, StartupResult startup) {
            this.bc = bc;
            this.settings = settings;
            this.startup = startup;
        }

        @Override
        public LiveContext addingService(ServiceReference<ContextFactory> reference) {
            ContextFactory factory = bc.getService(reference);
            try {
                Context context = factory.create(settings);
                startup.succeeded();
                return new LiveContext(factory, context);
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "cannot start the server: " + e.getMessage());
                bc.ungetService(reference);
                startup.failed(e);
                return null;
            }
        }

        @Override
        public void modifiedService(ServiceReference<ContextFactory> reference, LiveContext context) {
            // nothing to do on property changes
        }

        @Override
        public void removedService(ServiceReference<ContextFactory> reference, LiveContext live) {
            LOG.log(Level.INFO, "core is going away: closing its context");
            live.context.close();
            bc.ungetService(reference);
        }
    }
}
