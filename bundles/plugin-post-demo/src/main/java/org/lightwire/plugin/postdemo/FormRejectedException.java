package org.lightwire.plugin.postdemo;

/**
 * Why a form submission is refused, with the HTTP status that says so: 400 for a body
 * that breaks its own syntax, 413 for one past a limit, 415 for a body type the demo does
 * not read. The message names the field or part concerned and goes to the client on the
 * error page, so it never echoes unescaped client text.
 */
final class FormRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    static final int MALFORMED = 400;
    static final int TOO_LARGE = 413;
    static final int UNSUPPORTED_TYPE = 415;

    private final int status;

    FormRejectedException(int status, String message) {
        super(message);
        this.status = status;
    }

    static FormRejectedException malformed(String message) {
        return new FormRejectedException(MALFORMED, message);
    }

    static FormRejectedException tooLarge(String message) {
        return new FormRejectedException(TOO_LARGE, message);
    }

    /** The HTTP status to answer with. */
    int status() {
        return status;
    }
}
