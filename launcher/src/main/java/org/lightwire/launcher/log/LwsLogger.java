package org.lightwire.launcher.log;

import java.io.PrintStream;
import java.text.MessageFormat;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ResourceBundle;

/**
 * Writes log lines to stderr the way lws does ({@code [2026/11/24 20:06:30:1234] N: text}),
 * filtered by the {@code -d} bitfield. Errors carry their stack trace; other levels only
 * the exception's message unless debug logging is on.
 */
final class LwsLogger implements System.Logger {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss:SSSS");

    private final String name;
    private final PrintStream out;

    LwsLogger(String name, PrintStream out) {
        this.name = name;
        this.out = out;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean isLoggable(Level level) {
        return LogLevels.enabled(level);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
        if (!isLoggable(level)) {
            return;
        }
        StringBuilder line = new StringBuilder(96);
        line.append('[').append(TIME.format(LocalDateTime.now())).append("] ")
                .append(LogLevels.tagOf(level)).append(": ").append(msg);
        boolean fullTrace = thrown != null && (level == Level.ERROR || (LogLevels.get() & LogLevels.DEBUG) != 0);
        if (thrown != null && !fullTrace) {
            line.append(": ").append(thrown);
        }
        synchronized (out) {
            out.println(line);
            if (fullTrace) {
                thrown.printStackTrace(out);
            }
        }
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        if (isLoggable(level)) {
            log(level, bundle, params == null || params.length == 0 ? format : MessageFormat.format(format, params),
                    (Throwable) null);
        }
    }
}
