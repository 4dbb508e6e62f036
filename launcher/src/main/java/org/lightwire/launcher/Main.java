package org.lightwire.launcher;

import java.util.Arrays;

/**
 * {@code lightwire}: serves by default; tools arrive as subcommands ({@code jwk},
 * {@code resolve}, ...) with their own issues. Exit status 0 on success, 1 on a runtime
 * failure, 2 on bad usage, with errors on stderr in one line.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int status;
        try {
            status = args.length > 0 && args[0].equals(ResolveCommand.NAME)
                    ? ResolveCommand.run(Arrays.asList(args).subList(1, args.length))
                    : args.length > 0 && ToolCommand.handles(args[0])
                    ? ToolCommand.run(args[0], Arrays.asList(args).subList(1, args.length))
                    : ServeCommand.run(Arrays.asList(args));
        } catch (UsageException e) {
            System.err.println("lightwire: " + e.getMessage());
            status = 2;
        }
        System.exit(status);
    }
}
