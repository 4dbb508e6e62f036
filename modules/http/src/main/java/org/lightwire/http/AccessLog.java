package org.lightwire.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.lightwire.http.internal.AccessLogLine;

/**
 * Apache combined log lines for one vhost's access-log file (lwsws vhost key
 * {@code "access-log"}, lws {@code lws_access_log}). {@link #log} never blocks the service
 * loop: it queues the fields, and one writer thread per file formats and appends them. When
 * the queue is full (the disk cannot keep up), lines are dropped and counted rather than
 * slowing the server; {@link #droppedLines()} says how many. Fields a client controls are
 * escaped so a request can never forge or split a line (see {@code AccessLogLine}).
 * {@link #shutdown()} stops taking lines without waiting (callable on a service loop);
 * {@link #close()} also waits for the pending lines to reach the file. Thread-safe.
 */
public final class AccessLog implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(AccessLog.class.getName());

    private record Line(String peer, String user, long epochMillis, String requestLine, int status, long bytes,
                        String referer, String userAgent) {
    }

    private static final Line STOP = new Line(null, null, 0, null, 0, 0, null, null);

    private final Path file;
    private final OutputStream out;
    private final ArrayBlockingQueue<Line> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    private final ZoneId zone = ZoneId.systemDefault();
    // makes "not closed, so queue" atomic against shutdown: no line can land behind the
    // writer's last take and be lost without being counted
    private final Object gate = new Object();
    private volatile boolean closed;

    private AccessLog(Path file, OutputStream out, int capacity) {
        this.file = file;
        this.out = out;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = new Thread(this::writeLoop, "lightwire-access-log " + file.getFileName());
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Opens {@code file} for appending (creating it); at most {@code queueLines} lines
     * ({@code http-access-log-queue-lines}) wait for the disk, more are dropped and counted.
     */
    public static AccessLog open(Path file, int queueLines) throws IOException {
        if (queueLines < 1) {
            throw new IllegalArgumentException("access log queue must hold at least one line, not " + queueLines);
        }
        OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
        return new AccessLog(file, out, queueLines);
    }

    /**
     * Queues one line: peer address, authenticated user (null: "-"), time, request line
     * ("GET /x HTTP/1.1"), status, body bytes sent, Referer and User-Agent (null: "-").
     * Never blocks; after {@link #close()} lines are dropped.
     */
    public void log(String peer, String user, long epochMillis, String requestLine, int status, long bytes,
                    String referer, String userAgent) {
        Line line = new Line(peer, user, epochMillis, requestLine, status, bytes, referer, userAgent);
        synchronized (gate) {
            if (!closed && queue.offer(line)) {
                return;
            }
        }
        dropped.incrementAndGet();
    }

    /** Lines dropped because the queue was full or the log closed. */
    public long droppedLines() {
        return dropped.get();
    }

    /** The file written to. */
    public Path file() {
        return file;
    }

    private void writeLoop() {
        StringBuilder text = new StringBuilder(256);
        boolean failed = false;
        try {
            while (true) {
                Line l = queue.take();
                if (l == STOP) {
                    break;
                }
                boolean last = closed && queue.isEmpty(); // the stop marker found no room behind it
                text.setLength(0);
                AccessLogLine.format(text, zone, l.peer, l.user, l.epochMillis, l.requestLine, l.status, l.bytes,
                        l.referer, l.userAgent);
                try {
                    out.write(text.toString().getBytes(StandardCharsets.UTF_8));
                    if (queue.isEmpty()) {
                        out.flush();
                    }
                } catch (IOException e) {
                    dropped.incrementAndGet();
                    if (!failed) {
                        failed = true; // say it once, not once per request
                        LOG.log(System.Logger.Level.ERROR, "access log " + file + ": " + e.getMessage());
                    }
                }
                if (last) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                out.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.ERROR, "access log " + file + ": " + e.getMessage());
            }
        }
    }

    /**
     * Stops taking lines without waiting: the writer thread writes the lines already queued,
     * then closes the file and ends. Later {@link #log} calls drop (and count) their lines.
     * Idempotent; safe on a service loop.
     */
    public void shutdown() {
        synchronized (gate) {
            if (closed) {
                return;
            }
            closed = true;
            // a full queue has no room for the marker; the writer then stops at the queue's end
            queue.offer(STOP);
        }
    }

    /** {@link #shutdown()}, then waits (up to five seconds) until the queued lines are written and the file closed. */
    @Override
    public void close() {
        shutdown();
        try {
            writer.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
