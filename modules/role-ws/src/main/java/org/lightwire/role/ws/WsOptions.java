package org.lightwire.role.ws;

import java.util.zip.Deflater;
import org.lightwire.api.Options;
import org.lightwire.api.ProtocolSelection;
import org.lightwire.api.Vhost;
import org.lightwire.api.ws.WsLimits;
import org.lightwire.role.ws.codec.PerMessageDeflate;

/**
 * What one WebSocket protocol's per-vhost options (lws pvo) change for its connections, on
 * top of {@link org.lightwire.api.ws.WsProtocol#limits()}. Lightwire's pvos, as lws sets the
 * same things in {@code lws_protocols} and extension tables:
 * <ul>
 *   <li>{@code "max-message-size"}: bytes, the largest message (after inflation); more is
 *       1009;</li>
 *   <li>{@code "whole-messages"}: flag, deliver each message in one receive event;</li>
 *   <li>{@code "rx-buffer-size"}: bytes, the most given to one receive event in fragment
 *       mode (lws {@code rx_buffer_size});</li>
 *   <li>{@code "permessage-deflate"}: flag, default on: whether RFC 7692 is negotiated;</li>
 *   <li>{@code "deflate-no-context-takeover"}: flag, ask both sides to compress each
 *       message afresh (less memory held per connection, worse ratio);</li>
 *   <li>{@code "compression-level"}: 0-9 or -1 (zlib default).</li>
 * </ul>
 *
 * @param limits the effective limits
 * @param deflate the permessage-deflate options, or null when it is off
 */
record WsOptions(WsLimits limits, PerMessageDeflate.Options deflate) {

    /**
     * The options of protocol {@code name} on {@code vhost} over {@code base}.
     *
     * @throws IllegalArgumentException naming the option when a value is invalid
     */
    static WsOptions of(Vhost vhost, String name, WsLimits base) {
        Options pvo = Options.EMPTY;
        for (ProtocolSelection p : vhost.settings().protocols()) {
            if (p.name().equals(name)) {
                pvo = p.options();
            }
        }
        WsLimits limits = base;
        String max = pvo.get("max-message-size").orElse(null);
        if (max != null) {
            long bytes;
            try {
                bytes = Long.parseLong(max.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("option 'max-message-size' must be an integer, not '" + max + "'");
            }
            limits = limits.withMaxMessageBytes(bytes);
        }
        if (pvo.get("whole-messages").isPresent()) {
            limits = limits.withWholeMessages(pvo.flag("whole-messages"));
        }
        if (pvo.get("rx-buffer-size").isPresent()) {
            limits = limits.withRxChunkBytes(pvo.intValue("rx-buffer-size", 0));
        }
        PerMessageDeflate.Options deflate = null;
        if (pvo.get("permessage-deflate").map(Options::isTrue).orElse(true)) {
            boolean fresh = pvo.flag("deflate-no-context-takeover");
            int level = pvo.intValue("compression-level", Deflater.DEFAULT_COMPRESSION);
            deflate = new PerMessageDeflate.Options(fresh, fresh, level);
        }
        return new WsOptions(limits, deflate);
    }
}
