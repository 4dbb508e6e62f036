package org.lightwire.launcher.log;

import java.lang.System.Logger.Level;

/**
 * lws' log-level bitfield ({@code -d}): 1 error, 2 warning, 4 notice, 8 info, 16 debug;
 * default 7. Mapped onto {@link System.Logger} levels: ERROR, WARNING, INFO (notice),
 * DEBUG (info), TRACE (debug).
 */
public final class LogLevels {

    public static final int ERR = 1;
    public static final int WARN = 2;
    public static final int NOTICE = 4;
    public static final int INFO = 8;
    public static final int DEBUG = 16;
    public static final int DEFAULT = ERR | WARN | NOTICE;

    private static volatile int bits = DEFAULT;

    private LogLevels() {
    }

    /** Sets the active bitfield (from {@code -d}). */
    public static void set(int bitfield) {
        bits = bitfield;
    }

    public static int get() {
        return bits;
    }

    /** The lws bit of a logger level; 0 for levels that are never printed. */
    static int bitOf(Level level) {
        return switch (level) {
            case ERROR -> ERR;
            case WARNING -> WARN;
            case INFO -> NOTICE;
            case DEBUG -> INFO;
            case TRACE, ALL -> DEBUG;
            case OFF -> 0;
        };
    }

    /** The one-letter tag lws prints. */
    static char tagOf(Level level) {
        return switch (level) {
            case ERROR -> 'E';
            case WARNING -> 'W';
            case INFO -> 'N';
            case DEBUG -> 'I';
            default -> 'D';
        };
    }

    static boolean enabled(Level level) {
        return (bits & bitOf(level)) != 0;
    }

    /**
     * Parses a {@code -d} argument: decimal, or hex with 0x.
     *
     * @throws NumberFormatException if it is neither
     */
    public static int parse(String text) {
        String t = text.trim();
        return t.startsWith("0x") || t.startsWith("0X") ? Integer.parseInt(t.substring(2), 16) : Integer.parseInt(t);
    }
}
