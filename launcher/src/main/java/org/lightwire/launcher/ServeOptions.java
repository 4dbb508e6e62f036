package org.lightwire.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lightwire.launcher.log.LogLevels;

/**
 * The options of {@code lightwire} serving (DESIGN.md's command-line contract).
 *
 * @param configDir lwsws-style config directory ({@code conf} + {@code conf.d/}); empty:
 *        the embedded default config
 * @param pluginDirs extra directories watched for plugin bundles
 * @param staticMode run on the module path without Felix
 * @param logBits lws log-level bitfield
 * @param lockFile pid/lock file, like the lws test server's {@code -D} lock
 */
record ServeOptions(Optional<Path> configDir, List<Path> pluginDirs, boolean staticMode, int logBits,
        Optional<Path> lockFile, boolean help) {

    /** Where {@code -D} puts the lock, as lws' test server uses /tmp/.lwsts-lock. */
    static final Path DEFAULT_LOCK = Path.of("/tmp/.lightwire-lock");

    static final String USAGE = """
            usage: lightwire [--config-dir DIR] [--plugin-dir DIR]... [--static] [-d BITS] [-D | --lock FILE]

            Serves the lwsws-style config in DIR (DIR/conf, then DIR/conf.d/*), or with no
            --config-dir the embedded default: the test server on http://127.0.0.1:7681/.
            SIGHUP reloads the config without cutting open connections.

            Tools: lightwire resolve NAME... (async DNS); each has its own --help.

              --config-dir DIR   read DIR/conf and DIR/conf.d/*
              --plugin-dir DIR   also watch DIR for plugin bundle jars (repeatable); the
                                 config's "plugin-dir" keys add more
              --static           run the same jars on the module path, without OSGi
                                 (plugins are loaded once at start, no hot deploy)
              -d BITS            log levels as in lws: 1 err, 2 warn, 4 notice, 8 info,
                                 16 debug (decimal or 0x hex; default 7)
              -D                 keep a pid lock file at /tmp/.lightwire-lock
              --lock FILE        keep a pid lock file at FILE; refuse to start if a
                                 live process holds it
              -h, --help         this text

            Exit status: 0 stopped normally, 1 runtime failure (including a bad config),
            2 bad usage.
            """;

    static ServeOptions parse(List<String> args) throws UsageException {
        Path configDir = null;
        List<Path> pluginDirs = new ArrayList<>();
        boolean staticMode = false;
        int logBits = LogLevels.DEFAULT;
        Path lock = null;
        boolean help = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--config-dir" -> configDir = Path.of(value(args, ++i, a));
                case "--plugin-dir" -> pluginDirs.add(Path.of(value(args, ++i, a)));
                case "--static" -> staticMode = true;
                case "-d" -> logBits = logBits(value(args, ++i, a));
                case "-D" -> lock = DEFAULT_LOCK;
                case "--lock" -> lock = Path.of(value(args, ++i, a));
                case "-h", "--help" -> help = true;
                default -> throw new UsageException("unknown option '" + a + "' (try --help)");
            }
        }
        return new ServeOptions(Optional.ofNullable(configDir), List.copyOf(pluginDirs), staticMode, logBits,
                Optional.ofNullable(lock), help);
    }

    private static String value(List<String> args, int i, String option) throws UsageException {
        if (i >= args.size() || args.get(i).startsWith("--")) {
            throw new UsageException("option " + option + " needs a value (try --help)");
        }
        return args.get(i);
    }

    private static int logBits(String text) throws UsageException {
        try {
            return LogLevels.parse(text);
        } catch (NumberFormatException e) {
            throw new UsageException("-d needs a number (decimal or 0x hex), not '" + text + "'");
        }
    }
}
