/**
 * The {@code lightwire} command (the lwsws analogue): reads the config, then either runs
 * the platform bundles inside an embedded Apache Felix with hot deploy of plugin bundles
 * (default), or loads the same jars as modules of a child layer ({@code --static}).
 *
 * <p>The boot layer holds only this module, the SPI, the config reader and Felix; every
 * implementation (core, roles, plugins) is a bundle or a child-layer module, found at run
 * time.
 */
module org.lightwire.launcher {
    requires org.lightwire.spi;
    requires org.lightwire.config;
    // only OSGi mode loads Felix classes: --static runs without the Felix jar
    requires static org.apache.felix.framework;
    // bundles and child-layer modules can only read JDK modules that are in the boot layer
    requires jdk.net;
    // sun.misc.Signal: SIGHUP reloads the config
    requires jdk.unsupported;

    uses org.lightwire.api.ContextFactory;
    // `lightwire resolve` runs the async-dns bundle's tool from a child layer
    uses java.util.spi.ToolProvider;

    provides java.lang.System.LoggerFinder with org.lightwire.launcher.log.LwsLoggerFinder;
}
