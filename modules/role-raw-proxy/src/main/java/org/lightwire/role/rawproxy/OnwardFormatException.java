package org.lightwire.role.rawproxy;

import org.lightwire.api.LightwireException;

/**
 * The "onward" option of protocol "raw-proxy" is not a target the proxy can dial; the
 * message names the vhost, the option and the offending value.
 */
public final class OnwardFormatException extends LightwireException {

    private static final long serialVersionUID = 1L;

    OnwardFormatException(String message) {
        super(message);
    }
}
