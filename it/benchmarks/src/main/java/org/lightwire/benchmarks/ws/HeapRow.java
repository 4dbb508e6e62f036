package org.lightwire.benchmarks.ws;

import java.util.List;

/**
 * What {@code connections} idle connections cost a server.
 *
 * @param liveBefore live heap after a full GC before opening them, bytes (-1: not a JVM)
 * @param liveAfter  live heap after a full GC with them open, bytes (-1: not a JVM)
 * @param rssBefore  resident set before, KiB
 * @param rssAfter   resident set with them open, KiB
 * @param stillOpen  connections the server had not closed when the figures were taken
 * @param top        the classes that grew most (empty when not a JVM)
 */
record HeapRow(String server, int connections, long liveBefore, long liveAfter, long rssBefore, long rssAfter,
        int stillOpen, List<ClassHistogram.Growth> top) {

    boolean isJvm() {
        return liveBefore >= 0;
    }

    double heapBytesPerConnection() {
        return (double) (liveAfter - liveBefore) / connections;
    }

    double rssBytesPerConnection() {
        return (rssAfter - rssBefore) * 1024.0 / connections;
    }
}
