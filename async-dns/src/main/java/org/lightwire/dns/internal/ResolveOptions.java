package org.lightwire.dns.internal;

import java.net.InetSocketAddress;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lightwire.dns.AddressPreference;
import org.lightwire.dns.DnsConfigException;

/** The command line of {@code lightwire resolve}. */
record ResolveOptions(List<String> names, Optional<InetSocketAddress> nameserver, Optional<AddressPreference> preference,
        int repeat, Optional<Integer> timeoutMillis, Optional<Integer> retries, Optional<Path> resolvConf, boolean help) {

    static final String USAGE = """
            usage: lightwire resolve NAME... [--nameserver IP[:PORT]] [--ipv4 | --ipv6 | --ipv6-first]
                                             [--repeat N] [--timeout-ms N] [--retries N]
                                             [--resolv-conf FILE]
            Resolves each NAME with Lightwire's asynchronous DNS resolver on an event loop and
            prints one line per address: NAME ADDRESS ttl=SECONDS source=nameserver|cache|local.
              --nameserver IP[:PORT]  ask this server (default: the first nameserver of the
                                      --resolv-conf file)
              --ipv4                  A records only
              --ipv6                  AAAA records only
              --ipv6-first            both, IPv6 addresses listed first (default: IPv4 first)
              --repeat N              resolve the names N times in turn (later rounds hit the cache)
              --timeout-ms N          how long one try waits for its answer (default 2000)
              --retries N             resends of an unanswered query, 0..10 (default 2)
              --resolv-conf FILE      where the nameserver is found (default /etc/resolv.conf)
            The server's resolver takes the same settings from the async-dns-* global
            config keys; this command reads no config.
            Exit status: 0 when every name resolved, 1 when one did not (NXDOMAIN, no data,
            timeout, ...; one line on stderr each), 2 on bad usage.
            """;

    /** A command line that cannot be run; the message says why, in one line. */
    static final class UsageError extends Exception {
        private static final long serialVersionUID = 1L;

        UsageError(String message) {
            super(message);
        }
    }

    static ResolveOptions parse(String... args) throws UsageError {
        List<String> names = new ArrayList<>();
        InetSocketAddress nameserver = null;
        AddressPreference preference = null;
        int repeat = 1;
        Integer timeout = null;
        Integer retries = null;
        Path resolvConf = null;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--help", "-h" -> help = true;
                case "--nameserver" -> {
                    String v = value(args, ++i, a);
                    try {
                        nameserver = NameserverAddress.parse(v, "--nameserver");
                    } catch (DnsConfigException e) {
                        throw new UsageError(e.getMessage());
                    }
                }
                case "--ipv4", "--ipv6", "--ipv6-first" -> {
                    if (preference != null) {
                        throw new UsageError("give at most one of --ipv4, --ipv6, --ipv6-first");
                    }
                    preference = a.equals("--ipv4") ? AddressPreference.IPV4_ONLY
                            : a.equals("--ipv6") ? AddressPreference.IPV6_ONLY : AddressPreference.IPV6_FIRST;
                }
                case "--repeat" -> repeat = positive(value(args, ++i, a), a, 1_000_000);
                case "--timeout-ms" -> timeout = positive(value(args, ++i, a), a, 60_000);
                case "--retries" -> retries = inRange(value(args, ++i, a), a, 0, 10);
                case "--resolv-conf" -> {
                    String v = value(args, ++i, a);
                    try {
                        resolvConf = Path.of(v);
                    } catch (InvalidPathException e) {
                        throw new UsageError(a + " '" + v + "' is not a usable path: " + e.getReason());
                    }
                }
                default -> {
                    if (a.startsWith("-")) {
                        throw new UsageError("unknown option '" + a + "'");
                    }
                    names.add(a);
                }
            }
        }
        if (names.isEmpty() && !help) {
            throw new UsageError("no NAME to resolve");
        }
        return new ResolveOptions(List.copyOf(names), Optional.ofNullable(nameserver), Optional.ofNullable(preference),
                repeat, Optional.ofNullable(timeout), Optional.ofNullable(retries), Optional.ofNullable(resolvConf), help);
    }

    private static String value(String[] args, int i, String option) throws UsageError {
        if (i >= args.length) {
            throw new UsageError(option + " needs a value");
        }
        return args[i];
    }

    private static int positive(String v, String option, int max) throws UsageError {
        return inRange(v, option, 1, max);
    }

    private static int inRange(String v, String option, int min, int max) throws UsageError {
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new UsageError(option + " must be " + min + ".." + max + ", not " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageError(option + " needs a whole number, not '" + v + "'");
        }
    }
}
