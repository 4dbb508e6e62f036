package org.lightwire.benchmarks.ssh;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Command line of {@link SshBenchmark}.
 *
 * @param mebibytes size of the file sent with {@code cat} through exec
 * @param runs      measured bulk transfers per server (after one warm-up transfer)
 * @param logins    logins ({@code ssh ... true}) measured per server
 * @param parallel  logins run at the same time
 * @param cipher    the cipher both servers are forced to
 * @param servers   which servers to measure, in order
 */
record SshBenchOptions(int mebibytes, int runs, int logins, int parallel, String cipher, Set<String> servers) {

    static final Set<String> ALL = Set.of("lightwire", "mina");
    static final Set<String> CIPHERS = Set.of("chacha20-poly1305@openssh.com", "aes256-gcm@openssh.com", "aes128-ctr");

    static final String USAGE = "usage: SshBenchmark [--mib N] [--runs N] [--logins N] [--parallel N]"
            + " [--cipher chacha20-poly1305@openssh.com|aes256-gcm@openssh.com|aes128-ctr]"
            + " [--servers lightwire,mina] [--quick]";

    /** A command line that does not parse; the message says why. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static SshBenchOptions parse(String... args) throws UsageException {
        int mib = 256;
        int runs = 3;
        int logins = 60;
        int parallel = 4;
        String cipher = "chacha20-poly1305@openssh.com";
        Set<String> servers = new LinkedHashSet<>(List.of("lightwire", "mina"));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--mib" -> mib = positive(args, ++i, 4096);
                case "--runs" -> runs = positive(args, ++i, 100);
                case "--logins" -> logins = positive(args, ++i, 10_000);
                case "--parallel" -> parallel = positive(args, ++i, 64);
                case "--cipher" -> {
                    cipher = value(args, ++i);
                    if (!CIPHERS.contains(cipher)) {
                        throw new UsageException("unknown cipher '" + cipher + "' " + CIPHERS);
                    }
                }
                case "--servers" -> {
                    servers = new LinkedHashSet<>();
                    for (String s : value(args, ++i).split(",")) {
                        if (!ALL.contains(s)) {
                            throw new UsageException("unknown server '" + s + "' (lightwire, mina)");
                        }
                        servers.add(s);
                    }
                }
                case "--quick" -> {
                    mib = 32;
                    runs = 1;
                    logins = 12;
                }
                case "--help", "-h" -> throw new UsageException("");
                default -> throw new UsageException("unknown option '" + args[i] + "'");
            }
        }
        return new SshBenchOptions(mib, runs, logins, parallel, cipher, servers);
    }

    private static String value(String[] args, int i) throws UsageException {
        if (i >= args.length) {
            throw new UsageException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static int positive(String[] args, int i, int max) throws UsageException {
        String v = value(args, i);
        try {
            int n = Integer.parseInt(v);
            if (n > 0 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(args[i - 1] + " needs a number from 1 to " + max + ", not '" + v + "'");
    }
}
