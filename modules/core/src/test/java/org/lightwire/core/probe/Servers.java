package org.lightwire.core.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.lightwire.api.Options;
import org.lightwire.api.Vhost;
import org.lightwire.api.VhostSettings;

/** Settings and addresses for loopback test servers. */
public final class Servers {

    private Servers() {
    }

    /**
     * A vhost on 127.0.0.1 with an ephemeral port whose accepted connections go straight to
     * {@code role} and {@code protocol}.
     */
    public static VhostSettings listenAccept(String vhostName, String role, String protocol) {
        return VhostSettings.builder(vhostName).port(0).iface("127.0.0.1").applyListenAccept(true)
                .listenAcceptRole(role).listenAcceptProtocol(protocol).protocol(protocol, Options.EMPTY).build();
    }

    /** The address a listening vhost was bound to. */
    public static InetSocketAddress address(Vhost vhost) {
        return (InetSocketAddress) vhost.listenAddresses().get(0);
    }

    /** A loopback port nobody listens on (bound once, then released): connecting is refused. */
    public static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
