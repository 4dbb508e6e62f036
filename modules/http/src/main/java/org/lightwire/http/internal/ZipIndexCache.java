package org.lightwire.http.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The parsed index of every zip a vhost has served from, by real path, reread when the
 * zip's modification time, size or identity changes (lws keeps the zip's directory open per
 * served file; caching it makes each request a stat instead of a central directory read).
 * A zip that fails to parse is remembered as failing until it changes, so a broken archive
 * costs one parse, not one per request. Thread-safe.
 */
public final class ZipIndexCache {

    private static final System.Logger LOG = System.getLogger(ZipIndexCache.class.getName());

    private record Entry(long modified, long size, Object fileKey, ZipIndex index, ZipFormatException failure) {
    }

    private final ConcurrentHashMap<Path, Entry> entries = new ConcurrentHashMap<>();
    private final int maxDirectoryBytes;

    /** Indexes of zips whose central directory is at most {@code maxDirectoryBytes} long. */
    public ZipIndexCache(int maxDirectoryBytes) {
        this.maxDirectoryBytes = maxDirectoryBytes;
    }

    /**
     * The index of the zip at {@code realPath}, whose current attributes are {@code attrs}.
     * @throws ZipFormatException if the zip cannot be served (remembered until it changes)
     * @throws IOException if it cannot be read
     */
    public ZipIndex get(Path realPath, BasicFileAttributes attrs) throws IOException {
        long modified = attrs.lastModifiedTime().toMillis();
        Entry e = entries.get(realPath);
        if (e == null || e.modified != modified || e.size != attrs.size() || !java.util.Objects.equals(e.fileKey, attrs.fileKey())) {
            e = load(realPath, attrs, modified);
            entries.put(realPath, e);
        }
        if (e.failure != null) {
            throw e.failure;
        }
        return e.index;
    }

    private Entry load(Path realPath, BasicFileAttributes attrs, long modified) throws IOException {
        try (FileChannel ch = FileChannel.open(realPath, StandardOpenOption.READ)) {
            try {
                ZipIndex index = ZipIndex.read(ch, ch.size(), realPath.toString(), maxDirectoryBytes);
                return new Entry(modified, attrs.size(), attrs.fileKey(), index, null);
            } catch (ZipFormatException bad) {
                // said once per version of the file; requests for it are refused quietly
                LOG.log(System.Logger.Level.WARNING, "zip not served: " + bad.getMessage());
                return new Entry(modified, attrs.size(), attrs.fileKey(), null, bad);
            }
        }
    }

    /** How many zips are cached. */
    public int size() {
        return entries.size();
    }
}
