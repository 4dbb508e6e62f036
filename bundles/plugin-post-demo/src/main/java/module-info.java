/** The protocol-post-demo plugin: answers HTML form posts on a callback:// mount. */
module org.lightwire.plugin.postdemo {
    requires org.lightwire.spi;

    provides org.lightwire.api.ProtocolProvider with org.lightwire.plugin.postdemo.PostDemoProvider;
}
