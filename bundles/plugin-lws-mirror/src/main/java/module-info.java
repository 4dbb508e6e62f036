/** The lws-mirror-protocol plugin: lws' shared drawing board test protocol over WebSocket. */
module org.lightwire.plugin.mirror {
    requires org.lightwire.spi;

    provides org.lightwire.api.ProtocolProvider with org.lightwire.plugin.mirror.MirrorProvider;
}
