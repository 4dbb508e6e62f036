package org.lightwire.launcher;

import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ResolutionException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.spi.ToolProvider;
import org.lightwire.launcher.log.LogLevels;

/**
 * {@code lightwire jwk|jws|jwe|x509 ...}: the crypto tools (lws' minimal-crypto-* examples).
 * Like {@link ResolveCommand}, the boot layer stays untouched: the JOSE module and a crypto
 * backend from the distribution's {@code bundles/} are loaded into a child module layer and
 * the {@link ToolProvider} of the command's name that JOSE publishes is run. With
 * {@code --backend bc} the BouncyCastle backend is added from {@code optional/}.
 * A new tool is one entry in {@link #TOOLS}.
 */
final class ToolCommand {

    /** Command name → the module publishing its ToolProvider (of the same name). */
    static final Map<String, String> TOOLS = Map.of(
            "jwk", "org.lightwire.jose",
            "jws", "org.lightwire.jose",
            "jwe", "org.lightwire.jose",
            "x509", "org.lightwire.jose");

    private static final String JCA_MODULE = "org.lightwire.crypto.jca";
    private static final String BC_MODULE = "org.lightwire.crypto.bc";

    private ToolCommand() {
    }

    static boolean handles(String command) {
        return TOOLS.containsKey(command);
    }

    /** Runs tool {@code name} with {@code args}; its exit status (0, 1 runtime failure, 2 bad usage). */
    static int run(String name, List<String> args) {
        // stdout and stderr are the tool's output, not the platform's log
        LogLevels.set(LogLevels.ERR);
        Distribution dist = Distribution.locate();
        String module = TOOLS.get(name);
        boolean wantsBc = wantsBackend(args, "bc");
        Optional<ToolProvider> tool;
        try {
            tool = findTool(dist, module, name, wantsBc);
        } catch (FindException | ResolutionException | LayerInstantiationException e) {
            System.err.println("lightwire: " + name + ": cannot load " + module + " from " + dist.bundles() + ": " + e.getMessage());
            return 1;
        }
        if (tool.isEmpty()) {
            System.err.println("lightwire: " + name + ": the bundle " + module + " with the " + name + " tool is not installed in " + dist.bundles());
            return 1;
        }
        return tool.get().run(System.out, System.err, args.toArray(String[]::new));
    }

    private static boolean wantsBackend(List<String> args, String backend) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--backend=" + backend) || (args.get(i).equals("--backend") && i + 1 < args.size()
                    && args.get(i + 1).equals(backend))) {
                return true;
            }
        }
        return false;
    }

    /** The tool's module and the crypto backend(s) as one child layer; the named tool, if there. */
    private static Optional<ToolProvider> findTool(Distribution dist, String module, String name, boolean withBc) {
        List<Path> jars = new ArrayList<>(Distribution.jars(dist.bundles()));
        if (withBc) {
            for (Path p : Distribution.jars(dist.home().resolve("optional"))) {
                if (p.getFileName().toString().startsWith("lightwire-crypto-bc")) {
                    jars.add(p);
                }
            }
        }
        ModuleFinder finder = ModuleFinder.of(jars.toArray(Path[]::new));
        if (finder.find(module).isEmpty()) {
            return Optional.empty();
        }
        Set<String> roots = new LinkedHashSet<>();
        roots.add(module);
        for (String backend : withBc ? List.of(JCA_MODULE, BC_MODULE) : List.of(JCA_MODULE)) {
            if (finder.find(backend).isPresent()) {
                roots.add(backend);
            }
        }
        // resolve, not resolveAndBind: the tool needs these modules, not every plugin they could use
        Configuration cf = ModuleLayer.boot().configuration().resolve(finder, ModuleFinder.of(), roots);
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(cf, ClassLoader.getSystemClassLoader());
        return ServiceLoader.load(layer, ToolProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(t -> t.name().equals(name) && t.getClass().getModule().getLayer() == layer).findFirst();
    }
}
