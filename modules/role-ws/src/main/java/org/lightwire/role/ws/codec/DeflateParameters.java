package org.lightwire.role.ws.codec;

import java.util.List;

/**
 * The parameters of one permessage-deflate offer or response (RFC 7692 §7.1), parsed
 * strictly: unknown or duplicate parameters and bad values are refused (§7.1, §5.1).
 *
 * @param serverNoContextTakeover {@code server_no_context_takeover} (§7.1.1.1)
 * @param clientNoContextTakeover {@code client_no_context_takeover} (§7.1.1.2)
 * @param serverMaxWindowBits {@code server_max_window_bits}: 8-15, or {@link #ABSENT}
 * @param clientMaxWindowBits {@code client_max_window_bits}: 8-15, {@link #NO_VALUE} (only in
 *                            an offer), or {@link #ABSENT}
 */
public record DeflateParameters(boolean serverNoContextTakeover, boolean clientNoContextTakeover,
                                int serverMaxWindowBits, int clientMaxWindowBits) {

    /** The extension's registered name. */
    public static final String EXTENSION_NAME = "permessage-deflate";
    /** A window-bits parameter that was not given. */
    public static final int ABSENT = -1;
    /** {@code client_max_window_bits} given without a value (offers only, §7.1.2.2). */
    public static final int NO_VALUE = 0;

    /**
     * Reads the parameters of an offer ({@code offer} true) or a response.
     *
     * @throws MalformedExtensionException for an unknown or repeated parameter, a value on a
     *         flag, a missing or out-of-range window size
     */
    public static DeflateParameters parse(List<ExtensionHeader.Param> params, boolean offer)
            throws MalformedExtensionException {
        boolean serverNoContext = false;
        boolean clientNoContext = false;
        int serverBits = ABSENT;
        int clientBits = ABSENT;
        boolean seenServerNoContext = false;
        boolean seenClientNoContext = false;
        for (ExtensionHeader.Param p : params) {
            switch (p.name().toLowerCase(java.util.Locale.ROOT)) {
                case "server_no_context_takeover" -> {
                    requireFirst(seenServerNoContext, p);
                    requireNoValue(p);
                    seenServerNoContext = serverNoContext = true;
                }
                case "client_no_context_takeover" -> {
                    requireFirst(seenClientNoContext, p);
                    requireNoValue(p);
                    seenClientNoContext = clientNoContext = true;
                }
                case "server_max_window_bits" -> {
                    requireFirst(serverBits != ABSENT, p);
                    if (p.value() == null) {
                        throw new MalformedExtensionException("server_max_window_bits needs a value (RFC 7692 §7.1.2.1)");
                    }
                    serverBits = windowBits(p);
                }
                case "client_max_window_bits" -> {
                    requireFirst(clientBits != ABSENT, p);
                    if (p.value() == null) {
                        if (!offer) {
                            throw new MalformedExtensionException(
                                    "client_max_window_bits in a response needs a value (RFC 7692 §7.1.2.2)");
                        }
                        clientBits = NO_VALUE;
                    } else {
                        clientBits = windowBits(p);
                    }
                }
                default -> throw new MalformedExtensionException("unknown permessage-deflate parameter " + p.name());
            }
        }
        return new DeflateParameters(serverNoContext, clientNoContext, serverBits, clientBits);
    }

    private static void requireFirst(boolean seen, ExtensionHeader.Param p) throws MalformedExtensionException {
        if (seen) {
            throw new MalformedExtensionException("duplicate permessage-deflate parameter " + p.name());
        }
    }

    private static void requireNoValue(ExtensionHeader.Param p) throws MalformedExtensionException {
        if (p.value() != null) {
            throw new MalformedExtensionException(p.name() + " takes no value");
        }
    }

    /** RFC 7692 §7.1.2: 1*DIGIT without leading zeros, 8 to 15. */
    private static int windowBits(ExtensionHeader.Param p) throws MalformedExtensionException {
        String v = p.value();
        if (!v.matches("[1-9][0-9]?")) {
            throw new MalformedExtensionException(p.name() + "=" + v + " is not a window size 8-15");
        }
        int bits = Integer.parseInt(v);
        if (bits < 8 || bits > 15) {
            throw new MalformedExtensionException(p.name() + "=" + v + " is not a window size 8-15");
        }
        return bits;
    }

    /** Whether the sending side on {@code serverSide} must reset its compression context per message. */
    public boolean senderResetsContext(boolean serverSide) {
        return serverSide ? serverNoContextTakeover : clientNoContextTakeover;
    }

    /** Whether the receiving side on {@code serverSide} may reset its decompression context per message. */
    public boolean receiverResetsContext(boolean serverSide) {
        return serverSide ? clientNoContextTakeover : serverNoContextTakeover;
    }

    /** The header element: {@code permessage-deflate} followed by the parameters present. */
    public String toHeaderValue() {
        StringBuilder b = new StringBuilder(EXTENSION_NAME);
        if (serverNoContextTakeover) {
            b.append("; server_no_context_takeover");
        }
        if (clientNoContextTakeover) {
            b.append("; client_no_context_takeover");
        }
        if (serverMaxWindowBits != ABSENT) {
            b.append("; server_max_window_bits=").append(serverMaxWindowBits);
        }
        if (clientMaxWindowBits == NO_VALUE) {
            b.append("; client_max_window_bits");
        } else if (clientMaxWindowBits != ABSENT) {
            b.append("; client_max_window_bits=").append(clientMaxWindowBits);
        }
        return b.toString();
    }
}
