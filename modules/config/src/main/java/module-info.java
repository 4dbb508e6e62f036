/**
 * Reads lwsws-style JSON configuration (lws' {@code lwsws} config: a {@code conf} file plus
 * {@code conf.d/*}) into the immutable {@link org.lightwire.api.ContextSettings} a context
 * is created from. Only {@code org.lightwire.config} is API; the JSON reader stays inside.
 */
module org.lightwire.config {
    requires transitive org.lightwire.spi;
    requires static org.osgi.annotation.bundle;
    requires static org.osgi.annotation.versioning;

    exports org.lightwire.config;
}
