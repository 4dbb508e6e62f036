/** The lws-server-status plugin: the server's state as JSON over WebSocket, as lws' plugin. */
module org.lightwire.plugin.serverstatus {
    requires org.lightwire.spi;

    provides org.lightwire.api.ProtocolProvider with org.lightwire.plugin.serverstatus.ServerStatusProvider;
}
