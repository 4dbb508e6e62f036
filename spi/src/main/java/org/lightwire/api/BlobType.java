package org.lightwire.api;

/** The kinds of system blob (lws {@code lws_system_blob_item_t}). */
public enum BlobType {
    /** Auth tokens: index 0 typically a registration token, index 1 an access token. */
    AUTH(2),
    /** The client certificate, DER. */
    CLIENT_CERT_DER(1),
    /** The client certificate's key, DER. */
    CLIENT_KEY_DER(1),
    DEVICE_SERIAL(1),
    DEVICE_FW_VERSION(1),
    DEVICE_TYPE(1),
    /** The NTP server to ask. */
    NTP_SERVER(1);

    private final int slots;

    BlobType(int slots) {
        this.slots = slots;
    }

    /** How many indexed blobs of this type exist. */
    public int slots() {
        return slots;
    }
}
