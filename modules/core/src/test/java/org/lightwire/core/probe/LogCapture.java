package org.lightwire.core.probe;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects what core logs (System.Logger, backed by java.util.logging when nothing else is
 * installed) while open.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger = Logger.getLogger("org.lightwire.core");
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private LogCapture() {
        setLevel(Level.ALL);
    }

    public static LogCapture start() {
        LogCapture c = new LogCapture();
        c.logger.addHandler(c);
        return c;
    }

    /** Whether an error (SEVERE) was logged whose message contains {@code text}. */
    public boolean hasError(String text) {
        return records.stream().anyMatch(r -> r.getLevel() == Level.SEVERE && r.getMessage().contains(text));
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
