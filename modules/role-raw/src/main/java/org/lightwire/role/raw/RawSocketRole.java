package org.lightwire.role.raw;

/**
 * The "raw-skt" role (lws role raw-skt): TCP and unix-domain sockets accepted on a
 * listen-accept vhost or opened as clients; bytes pass through uninterpreted.
 */
public final class RawSocketRole extends RawRole {

    public static final String NAME = "raw-skt";

    public RawSocketRole() {
        super(NAME);
    }
}
