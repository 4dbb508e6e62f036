package org.lightwire.api;

/**
 * A snapshot of one vhost's traffic counters since it was created (lws
 * {@code lws_vhost.conn_stats}, {@code struct lws_conn_stats}, as lws-server-status reports
 * them). Each figure counts from zero and only grows; a snapshot taken while connections are
 * busy may be a few events behind, never torn or decreasing.
 *
 * @param rxBytes bytes the vhost's connections received (lws {@code rx}; after TLS decryption)
 * @param txBytes bytes the vhost's connections handed to their transport (lws {@code tx})
 * @param connectionsAccepted connections accepted for the vhost (lws {@code h1_conn})
 * @param httpTransactions HTTP/1 requests that reached the vhost, upgrade
 *        requests included (lws {@code h1_trans})
 * @param wsUpgrades connections upgraded to WebSocket (lws {@code ws_upg})
 * @param connectionsRejected connections refused before a role saw them: ip limit, no
 *        protocol or role to serve them (lws {@code rejected})
 */
public record VhostStats(long rxBytes, long txBytes, long connectionsAccepted, long httpTransactions,
        long wsUpgrades, long connectionsRejected) {

    /** All counters zero. */
    public static final VhostStats EMPTY = new VhostStats(0, 0, 0, 0, 0, 0);

    /** What only a role knows happened on a connection, counted through {@code RoleBinding.count}. */
    public enum Event {
        /** An HTTP/1 request reached its vhost and is being answered (lws {@code h1_trans}). */
        HTTP_TRANSACTION,
        /** The 101 of a WebSocket upgrade went out (lws {@code ws_upg}). */
        WS_UPGRADE
    }
}
