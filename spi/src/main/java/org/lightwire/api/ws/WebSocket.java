package org.lightwire.api.ws;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.lightwire.api.Connection;
import org.lightwire.api.http.HttpFields;
import org.lightwire.api.http.HttpRequest;

/**
 * One WebSocket connection as its protocol sees it (lws {@code wsi} in the ws role). Loop
 * thread only, like {@link Connection}, whose writeable discipline applies: ask with
 * {@code connection().requestWriteable()}, then send one fragment, ping or close per
 * writeable event.
 */
public interface WebSocket {

    /** The underlying connection (flow control, timeouts, user data, close without handshake). */
    Connection connection();

    /** The subprotocol agreed in the handshake; empty if none was (the vhost's default protocol). */
    Optional<String> subprotocol();

    /**
     * Server: the upgrade request, readable until {@link WsSession#established} returns
     * (lws frees the header table then). Empty afterwards and on clients.
     */
    Optional<HttpRequest> upgradeRequest();

    /** Client: the 101 response's header fields, readable until established returns. */
    Optional<HttpFields> upgradeResponse();

    /**
     * Sends one fragment of a data message (lws {@code lws_write} with
     * {@code LWS_WRITE_TEXT/BINARY/CONTINUATION} and {@code LWS_WRITE_NO_FIN}). The first
     * fragment carries {@code type}; later ones must give the same type. A whole message is
     * one call with {@code first} and {@code last} both true. Compressed when
     * permessage-deflate is on. Only in the writeable event, once per event.
     *
     * @throws IllegalStateException on a fragment out of sequence, or after the close started
     */
    void send(ByteBuffer payload, WsMessageType type, boolean first, boolean last);

    /** Sends a ping (payload at most 125 bytes); a pong event follows. Counts as the event's write. */
    void ping(ByteBuffer payload);

    /**
     * Starts the closing handshake with {@code code} (1000, 1001, 1003, 1007-1011, 3000-4999)
     * and a reason of at most 123 UTF-8 bytes (lws {@code lws_close_reason}); the close
     * frame goes out in the next writeable event without the protocol's involvement, and
     * {@link WsSession#closed} follows when the peer answers or a timeout passes. Callable
     * in any event. Idempotent.
     */
    void close(int code, String reason);

    /**
     * In a receive event: the bytes of the current frame still to arrive after this chunk
     * (lws {@code lws_remaining_packet_payload}); 0 at the end of a frame.
     */
    long remainingPayload();

    /**
     * Sets a per-connection extension option at run time (lws
     * {@code lws_set_extension_option}), e.g. ("permessage-deflate", "rx_buf_size", "10")
     * or ("permessage-deflate", "compression_level", "1"). Effective from the next message.
     *
     * @throws IllegalArgumentException if the extension is not active on this connection
     *         or does not know the option or value
     */
    void setExtensionOption(String extension, String option, String value);

    /** The extensions agreed in the handshake, as sent in {@code Sec-WebSocket-Extensions}; empty if none. */
    Optional<String> extensions();
}
