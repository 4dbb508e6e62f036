package org.lightwire.launcher;

import java.io.PrintWriter;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ResolutionException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.spi.ToolProvider;
import org.lightwire.launcher.log.LogLevels;

/**
 * {@code lightwire resolve NAME...}: resolves names with the async-dns bundle (lws'
 * api-test-async-dns). The boot layer holds only the launcher, SPI, config reader and
 * Felix, so the command loads the async-dns and core jars of the distribution's
 * {@code bundles/} into a child module layer — the same jars Felix installs — and runs
 * the {@code lightwire-resolve} {@link ToolProvider} async-dns publishes. Hot deploy is
 * untouched: nothing of async-dns enters the boot layer.
 */
final class ResolveCommand {

    static final String NAME = "resolve";
    private static final String DNS_MODULE = "org.lightwire.dns";
    private static final String CORE_MODULE = "org.lightwire.core";
    private static final String TOOL = "lightwire-resolve";

    private ResolveCommand() {
    }

    /** Runs the command; its exit status (0, 1 runtime failure, 2 bad usage). */
    static int run(List<String> args) throws UsageException {
        List<String> toolArgs = new ArrayList<>();
        // only errors by default: stdout and stderr are the command's output, not the platform's log
        int logBits = LogLevels.ERR;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("-d")) {
                if (i + 1 >= args.size()) {
                    throw new UsageException("resolve: -d needs a log level bitfield");
                }
                try {
                    logBits = Integer.parseInt(args.get(++i));
                } catch (NumberFormatException e) {
                    throw new UsageException("resolve: -d needs a number, not '" + args.get(i) + "'");
                }
            } else {
                toolArgs.add(args.get(i));
            }
        }
        LogLevels.set(logBits);
        Path bundles = Distribution.locate().bundles();
        Optional<ToolProvider> tool;
        try {
            tool = findTool(bundles);
        } catch (FindException | ResolutionException | LayerInstantiationException e) {
            System.err.println("lightwire: resolve: cannot load the async-dns bundle from " + bundles + ": " + e.getMessage());
            return 1;
        }
        if (tool.isEmpty()) {
            System.err.println("lightwire: resolve: the async-dns bundle (" + DNS_MODULE + ") is not installed in " + bundles);
            return 1;
        }
        Charset cs = Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, cs), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, cs), true);
        return tool.get().run(out, err, toolArgs.toArray(String[]::new));
    }

    /** async-dns and core from {@code bundles} as one child layer; its resolve tool, if there. */
    private static Optional<ToolProvider> findTool(Path bundles) {
        ModuleFinder finder = ModuleFinder.of(Distribution.jars(bundles).toArray(Path[]::new));
        if (finder.find(DNS_MODULE).isEmpty()) {
            return Optional.empty();
        }
        Set<String> roots = finder.find(CORE_MODULE).isPresent() ? Set.of(DNS_MODULE, CORE_MODULE) : Set.of(DNS_MODULE);
        // resolve, not resolveAndBind: the tool needs these two modules, not every plugin they could use
        Configuration cf = ModuleLayer.boot().configuration().resolve(finder, ModuleFinder.of(), roots);
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(cf, ClassLoader.getSystemClassLoader());
        return ServiceLoader.load(layer, ToolProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(t -> t.name().equals(TOOL)).findFirst();
    }
}
