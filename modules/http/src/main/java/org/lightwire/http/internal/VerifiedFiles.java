package org.lightwire.http.internal;

import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Files of one mount already proven to lie inside it, so a repeated request needs one stat
 * instead of resolving every link again (realpath costs a system call per path component),
 * and, for small files, their content, so serving one needs no open, read and close either
 * (Jetty's cached content, nginx's open_file_cache).
 *
 * <p>An entry is used only while the file the request path leads to now is the very file
 * that was checked: same file key (device and inode), size and modification time. If a
 * directory or link on the way is swapped to lead elsewhere, the stat finds another file
 * and the full check runs again; reaching the same checked file by another way serves what
 * was inside the mount anyway. Bounded: the map is cleared when full (a cache of hot files,
 * not an index).
 */
public final class VerifiedFiles {

    static final int MAX_ENTRIES = 4096;
    /** Files up to this size keep their content in memory. */
    static final int MAX_CONTENT = 16 * 1024;
    /** Content kept per mount, in all. */
    static final long MAX_CONTENT_TOTAL = 16L * 1024 * 1024;

    /**
     * A file found inside the mount, with what identified it when it was checked, its
     * validators, its bytes as read right after that check if it is small (else null), and
     * the header fields of a plain 200 answer once one was built.
     */
    public static final class Entry {
        private final Path realPath;
        private final Object fileKey;
        private final long size;
        private final java.nio.file.attribute.FileTime modified;
        private final byte[] content;
        private final String etag;
        private final String lastModified;
        private volatile org.lightwire.api.http.HttpFields okHeaders;

        Entry(Path realPath, Object fileKey, long size, java.nio.file.attribute.FileTime modified, byte[] content,
                String etag, String lastModified) {
            this.realPath = realPath;
            this.fileKey = fileKey;
            this.size = size;
            this.modified = modified;
            this.content = content;
            this.etag = etag;
            this.lastModified = lastModified;
        }

        boolean sameFile(BasicFileAttributes now) {
            return fileKey != null && fileKey.equals(now.fileKey()) && size == now.size()
                    && modified.equals(now.lastModifiedTime());
        }

        public Path realPath() {
            return realPath;
        }

        public byte[] content() {
            return content;
        }

        public String etag() {
            return etag;
        }

        public String lastModified() {
            return lastModified;
        }

        /** The fields of a whole-file 200 answer, built once per file version (null until then). */
        org.lightwire.api.http.HttpFields okHeaders() {
            return okHeaders;
        }

        void okHeaders(org.lightwire.api.http.HttpFields fields) {
            okHeaders = fields;
        }
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong contentBytes = new java.util.concurrent.atomic.AtomicLong();

    /** The checked file for request path {@code relative}, if the file there now is that same file. */
    Entry lookup(String relative, BasicFileAttributes now) {
        Entry e = entries.get(relative);
        return e != null && e.sameFile(now) ? e : null;
    }

    /**
     * Remembers a checked file; a small one's content is read now. If the file changes
     * while being read, its modification time or size no longer match the entry and the
     * next request reads it again.
     */
    Entry remember(String relative, Path realPath, BasicFileAttributes attrs) {
        if (attrs.fileKey() == null) {
            return null; // no identity to check against later
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
            contentBytes.set(0);
        }
        byte[] content = null;
        if (attrs.size() <= MAX_CONTENT && contentBytes.get() + attrs.size() <= MAX_CONTENT_TOTAL) {
            content = read(realPath, (int) attrs.size());
            if (content != null) {
                contentBytes.addAndGet(content.length);
            }
        }
        long millis = attrs.lastModifiedTime().toMillis();
        Entry e = new Entry(realPath, attrs.fileKey(), attrs.size(), attrs.lastModifiedTime(), content,
                Conditionals.etag(attrs.size(), millis, attrs.fileKey()), HttpDates.format(millis));
        Entry old = entries.put(relative, e);
        if (old != null && old.content() != null) {
            contentBytes.addAndGet(-old.content().length);
        }
        return e;
    }

    /** The file's bytes, or null if it cannot be read whole as the size it had (then it is served from disk). */
    private static byte[] read(Path realPath, int size) {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(realPath,
                java.nio.file.StandardOpenOption.READ, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(size + 1);
            while (ch.read(buf) > 0) {
                if (!buf.hasRemaining()) {
                    return null; // grew past its size: leave it to the disk path
                }
            }
            return buf.position() == size ? java.util.Arrays.copyOf(buf.array(), size) : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
