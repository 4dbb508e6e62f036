package org.lightwire.role.ws.codec;

import java.util.List;
import java.util.Optional;
import java.util.zip.Deflater;

/**
 * Negotiation of permessage-deflate (RFC 7692 §5, §7.1), lws' {@code permessage-deflate}
 * extension. Once agreed, messages go through {@link MessageDeflater} and
 * {@link MessageInflater}.
 *
 * <p><b>Window sizes.</b> {@code java.util.zip} cannot choose the LZ77 window: a
 * {@link Deflater} always uses 2^15 bytes, and an {@code Inflater} always accepts any window
 * up to 2^15. The consequences, worked through §7.1.2:
 * <ul>
 * <li>We can always <em>receive</em> whatever window the peer uses, so a server never needs to
 *     answer {@code client_max_window_bits} (it may omit it, §7.1.2.2), and a client can accept
 *     any {@code server_max_window_bits} a server answers with.</li>
 * <li>We cannot <em>send</em> with a window below 15. A server offered
 *     {@code server_max_window_bits=N} with N &lt; 15 would have to promise N and break that
 *     promise, so it declines that offer (and tries the client's next one) rather than lie.
 *     N = 15 is accepted and confirmed.</li>
 * <li>Likewise a client never offers {@code client_max_window_bits}: it would allow the server
 *     to demand a smaller window we cannot honour. A response that names it anyway fails the
 *     connection (§7.1.2.2).</li>
 * </ul>
 */
public final class PerMessageDeflate {

    /** The largest (and only) LZ77 window {@code java.util.zip} compresses with. */
    public static final int JDK_WINDOW_BITS = 15;

    /**
     * What this endpoint asks for.
     *
     * @param serverNoContextTakeover ask/require the server to reset its context per message
     * @param clientNoContextTakeover ask/require the client to reset its context per message
     * @param compressionLevel the {@link Deflater} level, 0-9 or -1 for the default
     */
    public record Options(boolean serverNoContextTakeover, boolean clientNoContextTakeover, int compressionLevel) {

        /** Context takeover both ways (the best ratio), default compression level. */
        public static final Options DEFAULT = new Options(false, false, Deflater.DEFAULT_COMPRESSION);

        public Options {
            if (compressionLevel < -1 || compressionLevel > 9) {
                throw new IllegalArgumentException("compression level must be -1 to 9, got " + compressionLevel);
            }
        }
    }

    private PerMessageDeflate() {
    }

    /**
     * Server side: picks the first acceptable permessage-deflate offer in a client's
     * {@code Sec-WebSocket-Extensions} value and returns the agreed parameters, whose
     * {@link DeflateParameters#toHeaderValue()} is the response element. Malformed offers and
     * offers we cannot honour are declined one by one (§5.1); empty means "no compression".
     */
    public static Optional<DeflateParameters> acceptOffer(String headerValue, Options options) {
        List<ExtensionHeader.Extension> extensions;
        try {
            extensions = ExtensionHeader.parse(headerValue);
        } catch (MalformedExtensionException e) {
            return Optional.empty();
        }
        for (ExtensionHeader.Extension extension : extensions) {
            if (!extension.name().equalsIgnoreCase(DeflateParameters.EXTENSION_NAME)) {
                continue;
            }
            DeflateParameters offer;
            try {
                offer = DeflateParameters.parse(extension.params(), true);
            } catch (MalformedExtensionException e) {
                continue;
            }
            if (offer.serverMaxWindowBits() != DeflateParameters.ABSENT
                    && offer.serverMaxWindowBits() < JDK_WINDOW_BITS) {
                continue;
            }
            return Optional.of(new DeflateParameters(
                    offer.serverNoContextTakeover() || options.serverNoContextTakeover(),
                    offer.clientNoContextTakeover() || options.clientNoContextTakeover(),
                    offer.serverMaxWindowBits(),
                    DeflateParameters.ABSENT));
        }
        return Optional.empty();
    }

    /** Client side: the offer element to send. It never limits window sizes (see above). */
    public static DeflateParameters offer(Options options) {
        return new DeflateParameters(options.serverNoContextTakeover(), options.clientNoContextTakeover(),
                DeflateParameters.ABSENT, DeflateParameters.ABSENT);
    }

    /**
     * Client side: checks the server's response to {@code offered}.
     *
     * @return the agreed parameters, or empty when the server accepted no permessage-deflate
     * @throws MalformedExtensionException when the client must fail the connection (§5.1,
     *         §7.1): bad syntax, more than one permessage-deflate element, bad parameters,
     *         {@code client_max_window_bits} we did not offer or below 15, a
     *         {@code server_max_window_bits} above the offered one, or a
     *         {@code server_no_context_takeover} we asked for left out
     */
    public static Optional<DeflateParameters> acceptResponse(String headerValue, DeflateParameters offered)
            throws MalformedExtensionException {
        DeflateParameters agreed = null;
        for (ExtensionHeader.Extension extension : ExtensionHeader.parse(headerValue)) {
            if (!extension.name().equalsIgnoreCase(DeflateParameters.EXTENSION_NAME)) {
                continue;
            }
            if (agreed != null) {
                throw new MalformedExtensionException("more than one permessage-deflate in the response");
            }
            agreed = DeflateParameters.parse(extension.params(), false);
        }
        if (agreed == null) {
            return Optional.empty();
        }
        if (agreed.clientMaxWindowBits() != DeflateParameters.ABSENT
                && offered.clientMaxWindowBits() == DeflateParameters.ABSENT) {
            throw new MalformedExtensionException("client_max_window_bits in the response was not offered");
        }
        if (agreed.clientMaxWindowBits() != DeflateParameters.ABSENT
                && agreed.clientMaxWindowBits() < JDK_WINDOW_BITS) {
            throw new MalformedExtensionException("client_max_window_bits=" + agreed.clientMaxWindowBits()
                    + " cannot be honoured: java.util.zip compresses with a 2^15 window only");
        }
        if (offered.serverMaxWindowBits() != DeflateParameters.ABSENT
                && (agreed.serverMaxWindowBits() == DeflateParameters.ABSENT
                    || agreed.serverMaxWindowBits() > offered.serverMaxWindowBits())) {
            throw new MalformedExtensionException("server_max_window_bits above the offered "
                    + offered.serverMaxWindowBits() + " (RFC 7692 §7.1.2.1)");
        }
        if (offered.serverNoContextTakeover() && !agreed.serverNoContextTakeover()) {
            throw new MalformedExtensionException("server_no_context_takeover was offered but not confirmed");
        }
        return Optional.of(agreed);
    }
}
