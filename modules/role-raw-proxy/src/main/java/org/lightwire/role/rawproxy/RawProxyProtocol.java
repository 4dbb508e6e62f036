package org.lightwire.role.rawproxy;

import org.lightwire.api.Connection;
import org.lightwire.api.LightwireException;
import org.lightwire.api.Options;
import org.lightwire.api.Vhost;
import org.lightwire.api.raw.RawProtocol;
import org.lightwire.api.raw.RawSession;

/**
 * Protocol "raw-proxy" on one vhost (lws plugin protocol_lws_raw_proxy after
 * {@code PROTOCOL_INIT}): its onward target and limits. The relaying itself is done by the
 * raw-proxy role's handlers, which need the role's half-close controls; the protocol is a
 * {@link RawProtocol} only so that a vhost can enable it, and refuses connections bound
 * to it on any other role.
 */
final class RawProxyProtocol implements RawProtocol {

    /** pvo: the target, {@code ipv4:HOST[:PORT]}, {@code ipv6:ADDRESS} or {@code ipv6:[ADDRESS]:PORT}. */
    static final String ONWARD = "onward";
    /** pvo: seconds a side may take to receive the last bytes of a partner that closed. */
    static final String DRAIN_TIMEOUT = "drain-timeout-secs";
    static final int DEFAULT_DRAIN_SECS = 10;
    private static final int MAX_DRAIN_SECS = 3600;
    /** At most one warning per this many seconds for onward connections that fail. */
    static final int FAILURE_LOG_INTERVAL_SECS = 10;

    private final String vhostName;
    private final Onward onward;
    private final int drainSecs;
    private final LogThrottle failureLog = new LogThrottle(FAILURE_LOG_INTERVAL_SECS * 1_000_000_000L, System::nanoTime);

    /**
     * @throws OnwardFormatException when "onward" is malformed
     * @throws IllegalArgumentException naming the option when drain-timeout-secs is not 1..3600
     */
    RawProxyProtocol(Vhost vhost, Options options) {
        this.vhostName = vhost.name();
        this.onward = options.get(ONWARD).map(v -> Onward.parse(vhostName, v)).orElse(null);
        int drain = options.intValue(DRAIN_TIMEOUT, DEFAULT_DRAIN_SECS);
        if (drain < 1 || drain > MAX_DRAIN_SECS) {
            throw new IllegalArgumentException("vhost '" + vhostName + "': protocol 'raw-proxy' option '"
                    + DRAIN_TIMEOUT + "' must be 1.." + MAX_DRAIN_SECS + ", not " + drain);
        }
        this.drainSecs = drain;
        if (onward == null) {
            // a vhost that lists no protocols gets every installed one: not an error until used
            Relay.LOG.log(System.Logger.Level.DEBUG, () -> "raw-proxy: vhost '" + vhostName
                    + "': no 'onward' option, connections bound to raw-proxy here will be refused");
        } else {
            Relay.LOG.log(System.Logger.Level.INFO, () -> "raw-proxy: vhost '" + vhostName + "': onward " + onward);
        }
    }

    /**
     * The target connections are relayed to.
     *
     * @throws LightwireException naming the vhost when the vhost gave no "onward" option
     */
    Onward onward() {
        if (onward == null) {
            throw new LightwireException("vhost '" + vhostName + "': protocol 'raw-proxy' has no '" + ONWARD
                    + "' option (e.g. \"onward\": \"ipv4:127.0.0.1:22\"), refusing the connection");
        }
        return onward;
    }

    int drainSecs() {
        return drainSecs;
    }

    /** Throttles the warnings of this vhost's onward connections that fail (one flood, one line per interval). */
    LogThrottle failureLog() {
        return failureLog;
    }

    @Override
    public RawSession newSession(Connection connection) {
        throw new LightwireException("vhost '" + vhostName + "': protocol 'raw-proxy' relays only on role '"
                + RawProxyRole.NAME + "', not '" + connection.roleName() + "' (set \"listen-accept-role\": \""
                + RawProxyRole.NAME + "\")");
    }
}
