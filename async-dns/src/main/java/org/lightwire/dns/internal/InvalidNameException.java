package org.lightwire.dns.internal;

/** A name cannot be put in a query; the message says why. */
final class InvalidNameException extends Exception {

    private static final long serialVersionUID = 1L;

    InvalidNameException(String message) {
        super(message);
    }
}
