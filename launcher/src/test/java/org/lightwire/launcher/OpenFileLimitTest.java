package org.lightwire.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code rlimit-nofile} start check against {@code /proc/self/limits}. */
class OpenFileLimitTest {

    /** A /proc/self/limits of Linux 6.x, abridged, with the open-file soft limit {@code soft}. */
    private static String limits(String soft) {
        return """
                Limit                     Soft Limit           Hard Limit           Units
                Max cpu time              unlimited            unlimited            seconds
                Max file size             unlimited            unlimited            bytes
                Max processes             63380                63380                processes
                Max open files            %s                 524288               files
                Max locked memory         8388608              8388608              bytes
                """.formatted(soft);
    }

    @TempDir
    Path dir;

    private Path limitsFile(String text) throws IOException {
        Path file = dir.resolve("limits");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void softLimitIsTheSecondColumnOfTheOpenFilesRow() {
        assertEquals(OptionalLong.of(1024), OpenFileLimit.softLimit(limits("1024")));
    }

    @Test
    void unlimitedIsTheLargestLimit() {
        assertEquals(OptionalLong.of(Long.MAX_VALUE), OpenFileLimit.softLimit(limits("unlimited")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Max open files", "Max open files            ", "Max open files  many  524288  files",
        "Max open files  -1  524288  files", "Max open files  99999999999999999999  1  files",
        "Max processes 10 10 processes"})
    void missingOrMalformedRowGivesNoLimit(String text) {
        assertEquals(OptionalLong.empty(), OpenFileLimit.softLimit(text));
    }

    @Test
    void noRlimitKeyNeedsNoCheckEvenWithoutProc() {
        assertEquals(Optional.empty(), OpenFileLimit.refusal(OptionalInt.empty(), dir.resolve("absent")));
    }

    @Test
    void limitAtOrAboveTheKeyStarts() throws IOException {
        Path file = limitsFile(limits("4096"));

        assertEquals(Optional.empty(), OpenFileLimit.refusal(OptionalInt.of(4096), file));
        assertEquals(Optional.empty(), OpenFileLimit.refusal(OptionalInt.of(10), file));
        assertEquals(Optional.empty(), OpenFileLimit.refusal(OptionalInt.of(1 << 30), limitsFile(limits("unlimited"))));
    }

    @Test
    void limitBelowTheKeyIsRefusedPointingAtLimitNofile() throws IOException {
        Optional<String> refusal = OpenFileLimit.refusal(OptionalInt.of(100_000), limitsFile(limits("1024")));

        assertEquals(Optional.of("global 'rlimit-nofile' asks for 100000 open files but the process' soft limit is "
                + "1024; Java cannot raise it: start lightwire with a higher limit, e.g. systemd LimitNOFILE=100000 "
                + "(see packaging/systemd/lightwire.service) or 'ulimit -n 100000'"), refusal);
    }

    @Test
    void unreadableOrUnparsableLimitsAreRefusedRatherThanAssumedFine() throws IOException {
        Optional<String> missing = OpenFileLimit.refusal(OptionalInt.of(10), dir.resolve("absent"));
        Optional<String> garbled = OpenFileLimit.refusal(OptionalInt.of(10), limitsFile("garbage\n"));

        assertTrue(missing.orElseThrow().contains("cannot be read (NoSuchFileException)"), missing.get());
        assertTrue(garbled.orElseThrow().endsWith("has no readable 'Max open files' row to check it against"),
                garbled.get());
    }

    @Test
    void theRunningProcessHasAtLeastOneOpenFileAllowed() {
        assertEquals(Optional.empty(), OpenFileLimit.refusal(OptionalInt.of(1), OpenFileLimit.PROC_SELF_LIMITS),
                "this test needs Linux' /proc/self/limits");
    }
}
