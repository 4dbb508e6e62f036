/** The dumb-increment-protocol plugin: lws' counting test protocol over WebSocket. */
module org.lightwire.plugin.dumbincrement {
    requires org.lightwire.spi;

    provides org.lightwire.api.ProtocolProvider with org.lightwire.plugin.dumbincrement.DumbIncrementProvider;
}
