package org.lightwire.role.rawproxy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects what the relay logs (System.Logger, backed by java.util.logging when nothing
 * else is installed) while open, debug included.
 */
final class RelayLog extends Handler implements AutoCloseable {

    private final Logger logger = Logger.getLogger("org.lightwire.role.rawproxy");
    private final Level levelBefore = logger.getLevel();
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private RelayLog() {
        setLevel(Level.ALL);
    }

    static RelayLog start() {
        RelayLog log = new RelayLog();
        log.logger.setLevel(Level.ALL);
        log.logger.addHandler(log);
        return log;
    }

    /** The messages logged as warnings, in order. */
    List<String> warnings() {
        return records.stream().filter(r -> r.getLevel() == Level.WARNING).map(LogRecord::getMessage).toList();
    }

    /** How many debug (FINE) lines were logged. */
    long debugLines() {
        return records.stream().filter(r -> r.getLevel() == Level.FINE).count();
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
        logger.setLevel(levelBefore);
    }
}
