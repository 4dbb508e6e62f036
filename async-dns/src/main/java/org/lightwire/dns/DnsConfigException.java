package org.lightwire.dns;

import org.lightwire.api.LightwireException;

/** A resolver setting is wrong; the message names the setting (key or file) and the value. */
public final class DnsConfigException extends LightwireException {

    private static final long serialVersionUID = 1L;

    public DnsConfigException(String message) {
        super(message);
    }
}
