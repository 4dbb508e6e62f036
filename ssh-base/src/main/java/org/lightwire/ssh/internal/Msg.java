package org.lightwire.ssh.internal;

/** SSH message numbers (RFC 4250 4.1, RFC 8308, RFC 5656 for the ECDH pair). */
final class Msg {
    static final int DISCONNECT = 1;
    static final int IGNORE = 2;
    static final int UNIMPLEMENTED = 3;
    static final int DEBUG = 4;
    static final int SERVICE_REQUEST = 5;
    static final int SERVICE_ACCEPT = 6;
    static final int EXT_INFO = 7;
    static final int KEXINIT = 20;
    static final int NEWKEYS = 21;
    static final int KEX_ECDH_INIT = 30;
    static final int KEX_ECDH_REPLY = 31;
    static final int USERAUTH_REQUEST = 50;
    static final int USERAUTH_FAILURE = 51;
    static final int USERAUTH_SUCCESS = 52;
    static final int USERAUTH_BANNER = 53;
    static final int USERAUTH_PK_OK = 60;
    static final int USERAUTH_INFO_REQUEST = 60;
    static final int USERAUTH_INFO_RESPONSE = 61;
    static final int GLOBAL_REQUEST = 80;
    static final int REQUEST_SUCCESS = 81;
    static final int REQUEST_FAILURE = 82;
    static final int CHANNEL_OPEN = 90;
    static final int CHANNEL_OPEN_CONFIRMATION = 91;
    static final int CHANNEL_OPEN_FAILURE = 92;
    static final int CHANNEL_WINDOW_ADJUST = 93;
    static final int CHANNEL_DATA = 94;
    static final int CHANNEL_EXTENDED_DATA = 95;
    static final int CHANNEL_EOF = 96;
    static final int CHANNEL_CLOSE = 97;
    static final int CHANNEL_REQUEST = 98;
    static final int CHANNEL_SUCCESS = 99;
    static final int CHANNEL_FAILURE = 100;

    /** CHANNEL_OPEN_FAILURE reason codes (RFC 4254 5.1). */
    static final int OPEN_ADMINISTRATIVELY_PROHIBITED = 1;
    static final int OPEN_UNKNOWN_CHANNEL_TYPE = 3;
    static final int OPEN_RESOURCE_SHORTAGE = 4;

    private Msg() {
    }

    /** Transport-layer generic messages allowed at any time outside strict initial kex. */
    static boolean isTransportGeneric(int type) {
        return type >= DISCONNECT && type <= DEBUG;
    }

    /** Key exchange messages (RFC 4250: 20-29 generic kex, 30-49 method specific). */
    static boolean isKex(int type) {
        return type >= 20 && type <= 49;
    }
}
