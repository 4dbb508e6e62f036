package org.lightwire.plugin.postdemo;

import java.util.Optional;

/**
 * One file a submission carried, as the answer reports it.
 *
 * @param field the form field it was sent as
 * @param fileName the client's file name, sanitised ({@link FileNames#sanitize})
 * @param contentType the part's Content-Type, if it had one
 * @param size its length in bytes
 * @param sha256 the SHA-256 of its content, lower-case hex, so a client can check what arrived
 */
record UploadedFile(String field, String fileName, Optional<String> contentType, long size, String sha256) {
}
