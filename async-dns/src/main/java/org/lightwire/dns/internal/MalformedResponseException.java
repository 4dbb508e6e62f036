package org.lightwire.dns.internal;

/** A response breaks the message format (RFC 1035 §4.1); the message says where and how. */
final class MalformedResponseException extends Exception {

    private static final long serialVersionUID = 1L;

    MalformedResponseException(String message) {
        super(message);
    }
}
