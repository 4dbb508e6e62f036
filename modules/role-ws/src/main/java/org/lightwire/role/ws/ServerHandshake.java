package org.lightwire.role.ws;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lightwire.api.Options;
import org.lightwire.api.Protocol;
import org.lightwire.api.ProtocolSelection;
import org.lightwire.api.Vhost;
import org.lightwire.api.http.HttpRequest;
import org.lightwire.api.ws.WsProtocol;
import org.lightwire.role.ws.codec.DeflateParameters;
import org.lightwire.role.ws.codec.PerMessageDeflate;
import org.lightwire.spi.RoleBinding;

/**
 * The server's decisions on an upgrade request h1 found well-formed (lws
 * {@code lws_process_ws_upgrade}): the key, the subprotocol, the protocol instance it binds,
 * and permessage-deflate.
 *
 * <p>Subprotocol choice: the first name in the client's {@code Sec-WebSocket-Protocol}
 * list (client order, as lws walks it) that the vhost enables as a {@link WsProtocol}. A
 * client naming none gets the vhost's protocol with pvo {@code "default": "1"}, unless the
 * vhost sets {@code disable-no-protocol-ws-upgrades}. A client naming only protocols the
 * vhost does not serve is refused: answering 101 without one would make a conforming client
 * fail anyway.
 */
final class ServerHandshake {

    private ServerHandshake() {
    }

    /** What the handshake decided. */
    sealed interface Outcome permits Accepted, Refused {
    }

    /**
     * The upgrade goes ahead: {@code protocol} is bound to the connection.
     *
     * @param subprotocol the name to confirm, null when the client named none
     * @param deflate the agreed permessage-deflate parameters, null for none
     */
    record Accepted(WsProtocol protocol, String subprotocol, WsOptions options, DeflateParameters deflate)
            implements Outcome {
    }

    /** The upgrade is answered with an HTTP status. */
    record Refused(int status, String reason) implements Outcome {
    }

    static Outcome negotiate(RoleBinding binding, HttpRequest request) {
        String key = request.headers().get("sec-websocket-key").orElse("").trim();
        if (!AcceptKey.isValidKey(key)) {
            return new Refused(400, "Sec-WebSocket-Key is not the base64 of 16 bytes");
        }
        Vhost vhost = binding.connection().vhost();
        List<String> offered = new ArrayList<>();
        for (String value : request.headers().getAll("sec-websocket-protocol")) {
            for (String name : value.split(",")) {
                if (!name.isBlank()) {
                    offered.add(name.trim());
                }
            }
        }
        String chosen = null;
        String subprotocol = null;
        if (offered.isEmpty()) {
            if (vhost.settings().disableNoProtocolWsUpgrades()) {
                return new Refused(403, "upgrades naming no subprotocol are disabled on this vhost");
            }
            chosen = defaultProtocol(vhost).orElse(null);
            if (chosen == null) {
                return new Refused(400, "no subprotocol requested and the vhost has no default WebSocket protocol");
            }
        } else {
            for (String name : offered) {
                if (enabled(vhost, name) && vhost.protocol(name).orElse(null) instanceof WsProtocol) {
                    chosen = name;
                    subprotocol = name;
                    break;
                }
            }
            if (chosen == null) {
                return new Refused(400, "none of the requested subprotocols " + offered + " is served here");
            }
        }
        Optional<Protocol> bound = binding.bindProtocol(chosen);
        if (bound.isEmpty() || !(bound.get() instanceof WsProtocol protocol)) {
            binding.bindProtocol(null);
            return new Refused(503, "protocol '" + chosen + "' is not available");
        }
        WsOptions options;
        try {
            options = WsOptions.of(vhost, chosen, protocol.limits());
        } catch (IllegalArgumentException e) {
            System.getLogger("org.lightwire.role.ws").log(System.Logger.Level.ERROR,
                    "vhost '" + vhost.name() + "' protocol '" + chosen + "': " + e.getMessage());
            return new Refused(500, "the protocol's options are invalid");
        }
        DeflateParameters deflate = null;
        if (options.deflate() != null) {
            String offer = String.join(", ", request.headers().getAll("sec-websocket-extensions"));
            if (!offer.isBlank()) {
                deflate = PerMessageDeflate.acceptOffer(offer, options.deflate()).orElse(null);
            }
        }
        return new Accepted(protocol, subprotocol, options, deflate);
    }

    /** A vhost listing no protocols has every installed one, as for HTTP. */
    private static boolean enabled(Vhost vhost, String name) {
        List<ProtocolSelection> listed = vhost.settings().protocols();
        return listed.isEmpty() || listed.stream().anyMatch(p -> p.name().equals(name));
    }

    private static Optional<String> defaultProtocol(Vhost vhost) {
        for (ProtocolSelection p : vhost.settings().protocols()) {
            Options pvo = p.options();
            if (pvo.flag("default") && vhost.protocol(p.name()).orElse(null) instanceof WsProtocol) {
                return Optional.of(p.name());
            }
        }
        return Optional.empty();
    }
}
