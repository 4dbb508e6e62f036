package org.lightwire.jose.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tool's command line: {@code --name value} options (repeatable), {@code --flag}s and
 * positional words, checked against what the subcommand accepts so a typo is a usage error
 * (exit 2), not silently ignored.
 */
public final class ToolArguments {

    /** Bad usage: the tool prints it with a pointer to {@code --help} and exits 2. */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }

    private final Map<String, List<String>> options = new LinkedHashMap<>();
    private final List<String> positionals = new ArrayList<>();
    private final Set<String> flags;

    private ToolArguments(Set<String> flags) {
        this.flags = flags;
    }

    /**
     * Parses {@code args}: names in {@code valued} take a value ({@code --x v} or
     * {@code --x=v}), names in {@code flags} take none; any other {@code --name} is an error.
     */
    public static ToolArguments parse(List<String> args, Set<String> valued, Set<String> flags) throws UsageException {
        ToolArguments a = new ToolArguments(flags);
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--") && arg.length() > 2) {
                String name = arg.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (flags.contains(name)) {
                    if (value != null) {
                        throw new UsageException("--" + name + " takes no value");
                    }
                    a.options.computeIfAbsent(name, k -> new ArrayList<>()).add("");
                } else if (valued.contains(name)) {
                    if (value == null) {
                        if (i + 1 >= args.size()) {
                            throw new UsageException("--" + name + " needs a value");
                        }
                        value = args.get(++i);
                    }
                    a.options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                } else {
                    throw new UsageException("unknown option --" + name);
                }
            } else {
                a.positionals.add(arg);
            }
        }
        return a;
    }

    public boolean flag(String name) {
        return flags.contains(name) && options.containsKey(name);
    }

    /** The last value of {@code --name}, or null. */
    public String value(String name) {
        List<String> v = options.get(name);
        return v == null ? null : v.get(v.size() - 1);
    }

    /** Every value of a repeatable option, comma lists split. */
    public List<String> values(String name) {
        List<String> out = new ArrayList<>();
        for (String v : options.getOrDefault(name, List.of())) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    public String required(String name) throws UsageException {
        String v = value(name);
        if (v == null) {
            throw new UsageException("--" + name + " is required");
        }
        return v;
    }

    /** An integer option, or {@code dflt}. */
    public int intValue(String name, int dflt) throws UsageException {
        String v = value(name);
        if (v == null) {
            return dflt;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " needs a number, not '" + v + "'");
        }
    }

    public List<String> positionals() {
        return positionals;
    }
}
