package org.lightwire.plugin.postdemo;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Gathers what the parsers find in one submission and enforces the per-submission limits:
 * how many fields and files, how long a multipart field's value, how large a file. Text
 * values are gathered in one fixed buffer; files go to an {@link UploadSpool} each.
 *
 * <p>Owns the temp files until {@link #discard()}, which the session calls once the
 * answer is built, on refusal, and when the connection drops mid-upload.
 */
final class FormCollector {

    private static final int FILE_BUFFER = 16 * 1024;

    private final PostDemoLimits limits;
    private final List<FormField> fields = new ArrayList<>();
    private final List<UploadedFile> files = new ArrayList<>();
    private final List<UploadSpool> spools = new ArrayList<>();
    private byte[] value;
    private ByteBuffer fileBuffer;
    private int count;

    // the part being read
    private String partName;
    private String partFileName;
    private String partContentType;
    private int valueLength;
    private UploadSpool spool;

    FormCollector(PostDemoLimits limits) {
        this.limits = limits;
    }

    /** A whole field (urlencoded bodies decode fields themselves). */
    void field(String name, String fieldValue) throws FormRejectedException {
        countOne();
        fields.add(new FormField(name, fieldValue));
    }

    /**
     * A multipart part begins.
     *
     * @param fileName the client's file name; null for a plain field
     * @param contentType the part's Content-Type; null if none
     */
    void partStart(String name, String fileName, String contentType) throws FormRejectedException {
        countOne();
        if (name.length() > limits.maxFieldSize()) {
            throw FormRejectedException.tooLarge("a form field name is longer than " + limits.maxFieldSize() + " bytes");
        }
        partName = name;
        partFileName = fileName;
        partContentType = contentType;
        valueLength = 0;
        if (fileName != null) {
            if (fileBuffer == null) {
                fileBuffer = ByteBuffer.allocate(FILE_BUFFER);
            }
            spool = new UploadSpool(limits.uploadDir(), limits.maxFileSize(), fileBuffer);
            spools.add(spool);
        } else if (value == null) {
            value = new byte[limits.maxFieldSize()];
        }
    }

    /** Content of the current part. */
    void partData(byte[] data, int offset, int length) throws FormRejectedException {
        if (spool != null) {
            spool.write(data, offset, length, "file '" + FileNames.sanitize(partFileName) + "'");
            return;
        }
        if (valueLength + length > value.length) {
            throw FormRejectedException.tooLarge("form field '" + label(partName) + "' is longer than "
                    + value.length + " bytes");
        }
        System.arraycopy(data, offset, value, valueLength, length);
        valueLength += length;
    }

    /** The current part ended. */
    void partEnd() throws FormRejectedException {
        if (spool == null) {
            fields.add(new FormField(partName, new String(value, 0, valueLength, StandardCharsets.UTF_8)));
            return;
        }
        long size = spool.size();
        String sha256 = spool.finish();
        // a file input left empty arrives as filename="" with no content: nothing was uploaded
        if (!(partFileName.isEmpty() && size == 0)) {
            files.add(new UploadedFile(partName, FileNames.sanitize(partFileName), Optional.ofNullable(partContentType),
                    size, sha256));
        }
        spool = null;
    }

    /** What was collected. */
    FormResult result() {
        return new FormResult(fields, files);
    }

    /** Deletes every temp file of this submission. Idempotent. */
    void discard() {
        for (UploadSpool s : spools) {
            s.delete();
        }
        spools.clear();
        spool = null;
    }

    /**
     * A field name fit for an error message: error pages are built elsewhere, so client
     * text goes in only as letters, digits and a few marks that need no escaping.
     */
    static String label(String name) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < name.length() && sb.length() < 64; i++) {
            char c = name.charAt(i);
            boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                    || c == '.';
            sb.append(plain ? c : '_');
        }
        return sb.toString();
    }

    private void countOne() throws FormRejectedException {
        if (++count > limits.maxFields()) {
            throw FormRejectedException.tooLarge("more than " + limits.maxFields() + " form fields");
        }
    }
}
