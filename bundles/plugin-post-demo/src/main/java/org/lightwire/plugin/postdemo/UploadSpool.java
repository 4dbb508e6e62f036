package org.lightwire.plugin.postdemo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where one uploaded file's content goes while it arrives: a temp file of the demo's own
 * naming in the upload directory (the client's name never reaches the file system), a
 * running SHA-256, and the size limit. The file is created on the first byte, so an empty
 * file input creates nothing on disk.
 */
final class UploadSpool {

    private static final HexFormat HEX = HexFormat.of();

    private final Path dir;
    private final long maxSize;
    private final ByteBuffer buffer;
    private final MessageDigest digest;
    private Path file;
    private FileChannel channel;
    private long size;

    /**
     * @param buffer a heap buffer the spool may use to batch writes (the collector's, reused per file)
     */
    UploadSpool(Path dir, long maxSize, ByteBuffer buffer) {
        this.dir = dir;
        this.maxSize = maxSize;
        this.buffer = buffer.clear();
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Appends content; refuses (413) the byte that would pass the limit, before writing it. */
    void write(byte[] data, int offset, int length, String what) throws FormRejectedException {
        if (size + length > maxSize) {
            throw FormRejectedException.tooLarge(what + " is larger than " + maxSize + " bytes");
        }
        size += length;
        digest.update(data, offset, length);
        while (length > 0) {
            int n = Math.min(length, buffer.remaining());
            buffer.put(data, offset, n);
            offset += n;
            length -= n;
            if (!buffer.hasRemaining()) {
                flush();
            }
        }
    }

    long size() {
        return size;
    }

    /** Writes what is buffered, closes the file and gives the content's SHA-256. */
    String finish() throws FormRejectedException {
        flush();
        close();
        return HEX.formatHex(digest.digest());
    }

    /** Closes and deletes the temp file, if one was made. Idempotent. */
    void delete() {
        close();
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                System.getLogger(UploadSpool.class.getName()).log(System.Logger.Level.WARNING,
                        "protocol-post-demo: cannot delete upload temp file " + file + ": " + e.getMessage());
            }
            file = null;
        }
    }

    private void flush() throws FormRejectedException {
        buffer.flip();
        try {
            if (buffer.hasRemaining() && channel == null) {
                file = Files.createTempFile(dir, "post-demo-", ".upload");
                channel = FileChannel.open(file, StandardOpenOption.WRITE);
            }
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException e) {
            // the client cannot fix a full disk; the operator reads the log
            System.getLogger(UploadSpool.class.getName()).log(System.Logger.Level.ERROR,
                    "protocol-post-demo: cannot write upload to " + (file != null ? file : dir) + ": " + e.getMessage());
            throw new FormRejectedException(500, "the upload could not be stored");
        } finally {
            buffer.clear();
        }
    }

    private void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing was lost: everything was written before
            }
            channel = null;
        }
    }
}
