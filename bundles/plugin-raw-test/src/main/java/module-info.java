/** The protocol-lws-raw-test plugin: echoes raw connections. */
module org.lightwire.plugin.rawtest {
    requires org.lightwire.spi;

    provides org.lightwire.api.ProtocolProvider with org.lightwire.plugin.rawtest.RawTestProvider;
}
