package org.lightwire.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The {@code rlimit-nofile} start check. lws raises its own open-file limit
 * ({@code setrlimit(RLIMIT_NOFILE)}); a JVM cannot, so the limit must already be high enough
 * when the process starts (systemd {@code LimitNOFILE=}, {@code ulimit -n}). The soft limit
 * is read from {@code /proc/self/limits}, the only place Java can see it.
 */
final class OpenFileLimit {

    /** Where Linux shows the process' resource limits. */
    static final Path PROC_SELF_LIMITS = Path.of("/proc/self/limits");

    private static final String ROW = "Max open files";

    private OpenFileLimit() {
    }

    /**
     * Why the process cannot start with {@code wanted} (the config's {@code rlimit-nofile}),
     * or empty if it can: the soft limit in {@code limitsFile} is at least {@code wanted}.
     */
    static Optional<String> refusal(OptionalInt wanted, Path limitsFile) {
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        String text;
        try {
            text = Files.readString(limitsFile);
        } catch (IOException e) {
            return Optional.of("global 'rlimit-nofile' is " + wanted.getAsInt() + " but " + limitsFile
                    + " cannot be read (" + e.getClass().getSimpleName() + ") to check the open-file limit; "
                    + "remove the key or run where /proc is mounted");
        }
        OptionalLong soft = softLimit(text);
        if (soft.isEmpty()) {
            return Optional.of("global 'rlimit-nofile' is " + wanted.getAsInt() + " but " + limitsFile
                    + " has no readable '" + ROW + "' row to check it against");
        }
        if (soft.getAsLong() < wanted.getAsInt()) {
            return Optional.of("global 'rlimit-nofile' asks for " + wanted.getAsInt()
                    + " open files but the process' soft limit is " + soft.getAsLong()
                    + "; Java cannot raise it: start lightwire with a higher limit, e.g. systemd LimitNOFILE="
                    + wanted.getAsInt() + " (see packaging/systemd/lightwire.service) or 'ulimit -n "
                    + wanted.getAsInt() + "'");
        }
        return Optional.empty();
    }

    /**
     * The soft open-file limit in the text of a {@code /proc/<pid>/limits} file;
     * {@link Long#MAX_VALUE} for "unlimited"; empty if the row is missing or malformed.
     */
    static OptionalLong softLimit(String limitsText) {
        for (String line : limitsText.split("\n", -1)) {
            if (!line.startsWith(ROW)) {
                continue;
            }
            // columns: name (with spaces), soft, hard, units
            String[] fields = line.substring(ROW.length()).trim().split("\\s+");
            if (fields.length < 2) {
                return OptionalLong.empty();
            }
            if (fields[0].equals("unlimited")) {
                return OptionalLong.of(Long.MAX_VALUE);
            }
            try {
                long value = Long.parseLong(fields[0]);
                return value < 0 ? OptionalLong.empty() : OptionalLong.of(value);
            } catch (NumberFormatException e) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }
}
