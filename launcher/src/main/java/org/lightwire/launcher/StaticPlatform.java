package org.lightwire.launcher;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolutionException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.lightwire.api.Context;
import org.lightwire.api.ContextFactory;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.LightwireException;

/**
 * {@code --static}: the platform bundles and the plugin jars found at start become
 * modules of one child layer over the boot layer, and core finds roles and protocols with
 * {@link ServiceLoader}. No OSGi classes are involved; plugins are fixed for the run.
 */
final class StaticPlatform implements Platform {

    private static final System.Logger LOG = System.getLogger("org.lightwire.launcher");

    private final ContextFactory factory;
    private volatile Context context;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private StaticPlatform(ContextFactory factory, Context context) {
        this.factory = factory;
        this.context = context;
    }

    static StaticPlatform start(Distribution dist, ContextSettings settings, List<Path> pluginDirs) {
        List<Path> jars = new ArrayList<>(Distribution.jars(dist.bundles()));
        for (Path dir : pluginDirs) {
            jars.addAll(Distribution.jars(dir));
        }
        ModuleLayer layer;
        try {
            ModuleFinder finder = ModuleFinder.of(jars.toArray(Path[]::new));
            Set<String> roots = finder.findAll().stream().map(r -> r.descriptor().name()).collect(Collectors.toSet());
            Configuration cf = ModuleLayer.boot().configuration().resolveAndBind(finder, ModuleFinder.of(), roots);
            layer = ModuleLayer.boot().defineModulesWithOneLoader(cf, ClassLoader.getSystemClassLoader());
            for (ModuleReference ref : finder.findAll()) {
                LOG.log(Level.INFO, "module " + ref.descriptor().name() + " " + bundleVersion(ref) + ": loaded from "
                        + ref.location().map(Object::toString).orElse("?"));
            }
        } catch (FindException | ResolutionException | LayerInstantiationException e) {
            throw new LightwireException("cannot load the platform modules: " + e.getMessage(), e);
        }
        ContextFactory factory = ServiceLoader.load(layer, ContextFactory.class).findFirst()
                .orElseThrow(() -> new LightwireException("no ContextFactory in " + dist.bundles()
                        + ": is the core jar there?"));
        return new StaticPlatform(factory, factory.create(settings));
    }

    private static String bundleVersion(ModuleReference ref) {
        try (JarFile jar = new JarFile(Path.of(ref.location().orElseThrow()).toFile())) {
            String v = jar.getManifest() == null ? null : jar.getManifest().getMainAttributes().getValue("Bundle-Version");
            return v == null ? "(unversioned)" : v;
        } catch (IOException | RuntimeException e) {
            return "(unversioned)";
        }
    }

    @Override
    public synchronized void reload(ContextSettings settings) {
        context = factory.succeed(context, settings);
    }

    @Override
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public synchronized void close() {
        context.close();
        stopped.countDown();
    }
}
