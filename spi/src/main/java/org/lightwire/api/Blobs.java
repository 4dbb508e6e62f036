package org.lightwire.api;

/** The context's system blobs, by type and index (lws {@code lws_system_get_blob}). */
public interface Blobs {

    /**
     * The blob of {@code type} at {@code index}.
     *
     * @throws IndexOutOfBoundsException if {@code index} is not below {@link BlobType#slots()}
     */
    Blob get(BlobType type, int index);
}
