package org.lightwire.plugin.postdemo;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import org.lightwire.api.LightwireException;
import org.lightwire.api.Options;

/**
 * What one vhost's protocol-post-demo accepts, read from its pvos (the protocol's options
 * in the vhost's {@code ws-protocols} entry). Every limit has a safe default so a vhost
 * that names the protocol without options is still bounded.
 *
 * @param uploadDir where uploaded files are streamed to ({@code upload-dir}; default the
 *        JVM's temp directory); each upload gets its own temp file there, deleted once the
 *        answer is built
 * @param maxFileSize the largest single uploaded file, in bytes ({@code max-file-size})
 * @param maxFields the most fields and files one submission may carry ({@code max-fields})
 * @param maxFieldSize the longest field name or value, in bytes ({@code max-field-size})
 * @param maxPartHeaderSize the largest header block of one multipart part, in bytes
 *        ({@code max-part-header-size})
 */
record PostDemoLimits(Path uploadDir, long maxFileSize, int maxFields, int maxFieldSize, int maxPartHeaderSize) {

    static final String UPLOAD_DIR = "upload-dir";
    static final String MAX_FILE_SIZE = "max-file-size";
    static final String MAX_FIELDS = "max-fields";
    static final String MAX_FIELD_SIZE = "max-field-size";
    static final String MAX_PART_HEADER_SIZE = "max-part-header-size";

    static final long DEFAULT_MAX_FILE_SIZE = 1024 * 1024;
    static final int DEFAULT_MAX_FIELDS = 32;
    static final int DEFAULT_MAX_FIELD_SIZE = 4096;
    static final int DEFAULT_MAX_PART_HEADER_SIZE = 2048;

    /**
     * Reads the pvos of the protocol on {@code vhostName}.
     *
     * @throws LightwireException naming the vhost and the option when a value is not a
     *         positive integer or the upload directory is not a writable directory
     */
    static PostDemoLimits from(Options pvo, String vhostName) {
        Path dir = uploadDir(pvo.get(UPLOAD_DIR), vhostName);
        return new PostDemoLimits(dir,
                positive(pvo, MAX_FILE_SIZE, DEFAULT_MAX_FILE_SIZE, Long.MAX_VALUE, vhostName),
                (int) positive(pvo, MAX_FIELDS, DEFAULT_MAX_FIELDS, 100_000, vhostName),
                (int) positive(pvo, MAX_FIELD_SIZE, DEFAULT_MAX_FIELD_SIZE, 1 << 24, vhostName),
                // a part's headers must at least hold a Content-Disposition line
                (int) positive(pvo, MAX_PART_HEADER_SIZE, DEFAULT_MAX_PART_HEADER_SIZE, 1 << 20, vhostName));
    }

    private static Path uploadDir(Optional<String> configured, String vhostName) {
        String text = configured.orElse(System.getProperty("java.io.tmpdir"));
        Path dir;
        try {
            dir = Path.of(text).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw problem(vhostName, UPLOAD_DIR, "'" + text + "' is not a path");
        }
        if (!Files.isDirectory(dir)) {
            throw problem(vhostName, UPLOAD_DIR, "'" + dir + "' is not a directory");
        }
        if (!Files.isWritable(dir)) {
            throw problem(vhostName, UPLOAD_DIR, "'" + dir + "' is not writable");
        }
        return dir;
    }

    private static long positive(Options pvo, String name, long fallback, long max, String vhostName) {
        Optional<String> text = pvo.get(name);
        if (text.isEmpty()) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(text.get().trim());
        } catch (NumberFormatException e) {
            throw problem(vhostName, name, "must be an integer, not '" + text.get() + "'");
        }
        if (value < 1 || value > max) {
            throw problem(vhostName, name, "must be between 1 and " + max + ", not " + value);
        }
        return value;
    }

    private static LightwireException problem(String vhostName, String option, String what) {
        return new LightwireException("vhost '" + vhostName + "': protocol '" + PostDemoProvider.NAME + "' option '"
                + option + "' " + what);
    }
}
