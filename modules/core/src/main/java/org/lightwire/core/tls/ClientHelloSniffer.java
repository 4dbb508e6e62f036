package org.lightwire.core.tls;

import java.nio.ByteBuffer;

/**
 * Looks at the first bytes a client sent to a TLS listen socket, before any TLS engine
 * exists (lws' peek in {@code lws_server_socket_service_ssl}): is it TLS at all (a
 * handshake record, 0x16 0x03), and if so which server name the ClientHello asks for
 * (SNI, RFC 6066 section 3), so the vhost and its certificate can be chosen before the
 * engine is made. The ClientHello may span several records; everything is bounds-checked
 * and nothing is consumed: the bytes go to the engine afterwards unchanged. Not
 * thread-safe; reusable: each {@link #examine} starts afresh (read its results before the
 * next call).
 */
public final class ClientHelloSniffer {

    /** What the bytes so far say. */
    public enum Verdict {
        /** Not enough bytes yet to decide. */
        NEED_MORE,
        /** The peer does not speak TLS (plain HTTP, SSH, ...). */
        NOT_TLS,
        /** A complete, well-formed ClientHello; {@link #serverName()} is known. */
        TLS,
        /** TLS framing that is broken or hostile; {@link #reason()} says how. */
        MALFORMED
    }

    private static final int RECORD_HEADER = 5;
    private static final int HANDSHAKE = 0x16;
    private static final int CLIENT_HELLO = 1;
    private static final int MAX_RECORD = 16384 + 2048;
    private static final int EXT_SERVER_NAME = 0;
    private static final int MAX_HOST_NAME = 255;

    private final int limit;
    private String serverName;
    private String reason;
    // the reassembled handshake message, kept across calls so records are copied once
    private final byte[] message;
    private int messageLength;
    private int recordsParsed;

    /** @param limit the most bytes of records the ClientHello may take (the caller's buffer size) */
    public ClientHelloSniffer(int limit) {
        this.limit = limit;
        this.message = new byte[limit];
    }

    /** The SNI host name of a {@link Verdict#TLS} ClientHello, lower case; null if none was sent. */
    public String serverName() {
        return serverName;
    }

    /** Why the bytes are {@link Verdict#MALFORMED}. */
    public String reason() {
        return reason;
    }

    /**
     * Judges the bytes between {@code in}'s position and limit (all that arrived so far;
     * the position is left alone).
     */
    public Verdict examine(ByteBuffer in) {
        // every call judges from scratch, so one sniffer can serve every connection of a thread
        serverName = null;
        reason = null;
        int start = in.position();
        int end = in.limit();
        if (end - start < 1) {
            return Verdict.NEED_MORE;
        }
        if ((in.get(start) & 0xff) != HANDSHAKE) {
            return Verdict.NOT_TLS;
        }
        if (end - start < 2) {
            return Verdict.NEED_MORE;
        }
        if ((in.get(start + 1) & 0xff) != 3) {
            return Verdict.NOT_TLS;
        }
        // skip records already reassembled, then take whole new ones
        int at = start;
        messageLength = 0;
        recordsParsed = 0;
        while (true) {
            if (end - at < RECORD_HEADER) {
                return malformedIfFull(end - start);
            }
            int type = in.get(at) & 0xff;
            int major = in.get(at + 1) & 0xff;
            int length = ((in.get(at + 3) & 0xff) << 8) | (in.get(at + 4) & 0xff);
            if (type != HANDSHAKE || major != 3) {
                return malformed("record " + recordsParsed + " of the ClientHello is not a TLS handshake record");
            }
            if (length == 0 || length > MAX_RECORD) {
                return malformed("ClientHello record of " + length + " bytes");
            }
            if (end - at - RECORD_HEADER < length) {
                return malformedIfFull(end - start);
            }
            if (messageLength + length > message.length) {
                return malformed("ClientHello larger than " + limit + " bytes");
            }
            for (int i = 0; i < length; i++) {
                message[messageLength + i] = in.get(at + RECORD_HEADER + i);
            }
            messageLength += length;
            recordsParsed++;
            at += RECORD_HEADER + length;
            if (messageLength >= 4) {
                if ((message[0] & 0xff) != CLIENT_HELLO) {
                    return malformed("first handshake message is type " + (message[0] & 0xff) + ", not ClientHello");
                }
                int bodyLength = u24(message, 1);
                if (bodyLength + 4 > message.length) {
                    return malformed("ClientHello declares " + bodyLength + " bytes, more than " + limit);
                }
                if (messageLength >= bodyLength + 4) {
                    return parseHello(4, 4 + bodyLength);
                }
            }
        }
    }

    private Verdict malformedIfFull(int have) {
        return have >= limit ? malformed("ClientHello larger than " + limit + " bytes") : Verdict.NEED_MORE;
    }

    private Verdict parseHello(int p, int end) {
        // legacy_version(2) random(32)
        p += 2 + 32;
        if (p + 1 > end) {
            return malformed("ClientHello truncated before the session id");
        }
        p += 1 + (message[p] & 0xff);
        if (p + 2 > end) {
            return malformed("ClientHello truncated before the cipher suites");
        }
        int suites = u16(message, p);
        if (suites < 2 || (suites & 1) != 0) {
            return malformed("ClientHello cipher suite list of " + suites + " bytes");
        }
        p += 2 + suites;
        if (p + 1 > end) {
            return malformed("ClientHello truncated before the compression methods");
        }
        int compressions = message[p] & 0xff;
        if (compressions < 1) {
            return malformed("ClientHello without compression methods");
        }
        p += 1 + compressions;
        if (p == end) {
            return accept(null); // no extensions at all: a TLS 1.0-style hello, no SNI
        }
        if (p + 2 > end) {
            return malformed("ClientHello truncated in the extensions length");
        }
        int extEnd = p + 2 + u16(message, p);
        if (extEnd != end) {
            return malformed("ClientHello extensions do not fill the message");
        }
        p += 2;
        String name = null;
        boolean seen = false;
        while (p < extEnd) {
            if (p + 4 > extEnd) {
                return malformed("ClientHello extension header truncated");
            }
            int type = u16(message, p);
            int len = u16(message, p + 2);
            p += 4;
            if (p + len > extEnd) {
                return malformed("ClientHello extension " + type + " overruns the message");
            }
            if (type == EXT_SERVER_NAME) {
                if (seen) {
                    return malformed("ClientHello carries server_name twice");
                }
                seen = true;
                name = serverNameOf(p, p + len);
                if (reason != null) {
                    return Verdict.MALFORMED;
                }
            }
            p += len;
        }
        return accept(name);
    }

    private String serverNameOf(int p, int end) {
        if (p + 2 > end || p + 2 + u16(message, p) != end) {
            reason = "server_name list length does not match its extension";
            return null;
        }
        p += 2;
        String host = null;
        while (p < end) {
            if (p + 3 > end) {
                reason = "server_name entry truncated";
                return null;
            }
            int type = message[p] & 0xff;
            int len = u16(message, p + 1);
            p += 3;
            if (p + len > end) {
                reason = "server_name entry overruns its list";
                return null;
            }
            if (type == 0) {
                if (host != null) {
                    reason = "two host names in server_name";
                    return null;
                }
                if (len == 0 || len > MAX_HOST_NAME) {
                    reason = "server_name host name of " + len + " bytes";
                    return null;
                }
                StringBuilder sb = new StringBuilder(len);
                for (int i = 0; i < len; i++) {
                    char c = (char) (message[p + i] & 0xff);
                    boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                            || c == '-' || c == '.' || c == '_';
                    if (!ok) {
                        reason = "server_name host name holds byte 0x" + Integer.toHexString(c);
                        return null;
                    }
                    sb.append(Character.toLowerCase(c));
                }
                host = sb.toString();
            }
            p += len;
        }
        return host;
    }

    private Verdict accept(String name) {
        serverName = name;
        return Verdict.TLS;
    }

    private Verdict malformed(String why) {
        reason = why;
        return Verdict.MALFORMED;
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }

    private static int u24(byte[] b, int at) {
        return ((b[at] & 0xff) << 16) | ((b[at + 1] & 0xff) << 8) | (b[at + 2] & 0xff);
    }
}
