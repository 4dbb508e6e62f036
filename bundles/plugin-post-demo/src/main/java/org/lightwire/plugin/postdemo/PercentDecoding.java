package org.lightwire.plugin.postdemo;

/** The hex digits of percent-encoding (RFC 3986 section 2.1). */
final class PercentDecoding {

    private PercentDecoding() {
    }

    /** The value of hex digit {@code c}, or -1 if it is not one. */
    static int hex(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
