/** A plugin used only by the integration tests, to show one plugin leaving while another keeps serving. */
module org.lightwire.it.fixture {
    requires org.lightwire.spi;

    provides org.lightwire.api.ProtocolProvider with org.lightwire.it.fixture.UppercaseProvider,
            org.lightwire.it.fixture.CryptoProbeProvider,
            org.lightwire.it.fixture.WsEchoProvider,
            org.lightwire.it.fixture.WsClientProbeProvider;
}
