package org.lightwire.benchmarks;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The command-line reader every benchmark's options record uses: walks {@code --name value}
 * pairs, checks numbers against their bounds and names against the known ones, and turns a
 * bad command line into one {@link UsageException} whose message names the option. Each
 * benchmark keeps its own typed options record, defaults and usage text; only the reading is
 * shared, so all of them answer {@code --help} and bad input the same way.
 *
 * <p>Use: {@code while (args.next()) switch (args.option()) { case "--n" -> n = args.positive(); ... }}.
 */
public final class BenchmarkArgs {

    private final String[] args;
    private int at = -1;

    public BenchmarkArgs(String... args) {
        this.args = args.clone();
    }

    /** A command line that does not parse; the message says why (empty for {@code --help}). */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }

    /** What a benchmark's options record does with the command line. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(BenchmarkArgs args) throws UsageException;
    }

    /**
     * Parses {@code args} with {@code parser}; on a bad command line (or {@code --help}) prints
     * the reason and {@code usage} to stderr and exits with status 2.
     */
    public static <T> T parseOrExit(String program, String usage, String[] args, Parser<T> parser) {
        try {
            return parser.parse(new BenchmarkArgs(args));
        } catch (UsageException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println(program + ": " + e.getMessage());
            }
            System.err.println(usage);
            System.exit(2);
            throw new IllegalStateException("unreachable", e);
        }
    }

    /** Moves to the next option; false when the command line is used up. */
    public boolean next() {
        at++;
        return at < args.length;
    }

    /** The option {@link #next()} moved to. */
    public String option() {
        return args[at];
    }

    /** The value after the current option (consumed). */
    public String value() throws UsageException {
        String option = option();
        if (at + 1 >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[++at];
    }

    /** The value after the current option as a number of at least 1. */
    public int positive() throws UsageException {
        return number(1, Integer.MAX_VALUE);
    }

    /** The value after the current option as a number of at least 0. */
    public int nonNegative() throws UsageException {
        return number(0, Integer.MAX_VALUE);
    }

    /** The value after the current option as a number from {@code min} to {@code max}. */
    public int number(int min, int max) throws UsageException {
        String option = option();
        String v = value();
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, with the bounds
        }
        String bounds = max == Integer.MAX_VALUE
                ? (min == 1 ? "a positive number" : "a number >= " + min)
                : "a number from " + min + " to " + max;
        throw new UsageException(option + " needs " + bounds + ", not '" + v + "'");
    }

    /** The value after the current option, which must be one of {@code known}. */
    public String oneOf(Collection<String> known) throws UsageException {
        String option = option();
        String v = value();
        if (!known.contains(v)) {
            throw new UsageException("unknown " + option.substring(2) + " '" + v + "' " + known);
        }
        return v;
    }

    /** The value after the current option as a constant of {@code type}, named in any case. */
    public <E extends Enum<E>> E constant(Class<E> type) throws UsageException {
        String option = option();
        String v = value();
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v)) {
                return e;
            }
        }
        StringBuilder names = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            names.append(names.length() == 0 ? "" : ", ").append(e.name().toLowerCase(Locale.ROOT));
        }
        throw new UsageException(option + " is one of " + names + ", not '" + v + "'");
    }

    /**
     * The value after the current option as a comma-separated list of server names, each one
     * of {@code known}, in the order given.
     */
    public Set<String> servers(Collection<String> known) throws UsageException {
        Set<String> servers = new LinkedHashSet<>();
        for (String s : value().split(",")) {
            if (!known.contains(s)) {
                throw new UsageException("unknown server '" + s + "' (" + String.join(", ", known) + ")");
            }
            servers.add(s);
        }
        return servers;
    }

    /** The exception for the current option when no case of the benchmark took it. */
    public UsageException unknown() {
        String option = option();
        if (option.equals("--help") || option.equals("-h")) {
            return new UsageException("");
        }
        return new UsageException("unknown option '" + option + "'");
    }
}
