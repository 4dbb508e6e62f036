package org.lightwire.benchmarks.ssh;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lightwire.benchmarks.BenchmarkArgs;
import org.lightwire.benchmarks.BenchmarkArgs.UsageException;

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

    static final List<String> ALL = List.of("lightwire", "mina");
    static final List<String> CIPHERS = List.of("chacha20-poly1305@openssh.com", "aes256-gcm@openssh.com", "aes128-ctr");

    static final String USAGE = "usage: SshBenchmark [--mib N] [--runs N] [--logins N] [--parallel N]"
            + " [--cipher chacha20-poly1305@openssh.com|aes256-gcm@openssh.com|aes128-ctr]"
            + " [--servers lightwire,mina] [--quick]";

    static SshBenchOptions parse(BenchmarkArgs args) throws UsageException {
        int mib = 256;
        int runs = 3;
        int logins = 60;
        int parallel = 4;
        String cipher = "chacha20-poly1305@openssh.com";
        Set<String> servers = new LinkedHashSet<>(ALL);
        while (args.next()) {
            switch (args.option()) {
                case "--mib" -> mib = args.number(1, 4096);
                case "--runs" -> runs = args.number(1, 100);
                case "--logins" -> logins = args.number(1, 10_000);
                case "--parallel" -> parallel = args.number(1, 64);
                case "--cipher" -> cipher = args.oneOf(CIPHERS);
                case "--servers" -> servers = args.servers(ALL);
                case "--quick" -> {
                    mib = 32;
                    runs = 1;
                    logins = 12;
                }
                default -> throw args.unknown();
            }
        }
        return new SshBenchOptions(mib, runs, logins, parallel, cipher, servers);
    }
}
