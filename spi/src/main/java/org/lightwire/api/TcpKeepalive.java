package org.lightwire.api;

/**
 * TCP keepalive for every socket of a context (lws {@code ka_time}, {@code ka_interval},
 * {@code ka_probes}): lets a silently dead peer be noticed even when nothing is sent.
 *
 * @param idleSecs idle time before the first probe; 0 turns keepalive off
 * @param intervalSecs time between probes
 * @param probes unanswered probes before the connection is declared dead
 */
public record TcpKeepalive(int idleSecs, int intervalSecs, int probes) {

    public static final TcpKeepalive OFF = new TcpKeepalive(0, 0, 0);

    public TcpKeepalive {
        if (idleSecs < 0 || intervalSecs < 0 || probes < 0) {
            throw new IllegalArgumentException("keepalive values must not be negative");
        }
        if (idleSecs > 0 && (intervalSecs == 0 || probes == 0)) {
            throw new IllegalArgumentException("keepalive needs an interval and a probe count when enabled");
        }
    }

    public boolean enabled() {
        return idleSecs > 0;
    }
}
