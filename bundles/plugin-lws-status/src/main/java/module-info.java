/** The lws-status plugin: lws' list-of-clients test protocol over WebSocket. */
module org.lightwire.plugin.status {
    requires org.lightwire.spi;

    provides org.lightwire.api.ProtocolProvider with org.lightwire.plugin.status.StatusProvider;
}
