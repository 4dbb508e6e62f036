package org.lightwire.api;

/**
 * A write broke the writeable discipline: output is produced only inside a writeable
 * event, once per event (lws "Illegal back-to-back write"). Request another writeable
 * event with {@link Connection#requestWriteable()} and write from there.
 */
public final class WriteDisciplineException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public WriteDisciplineException(String message) {
        super(message);
    }
}
