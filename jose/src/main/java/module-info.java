/**
 * Lightwire JOSE (lws' JOSE layer: {@code lws_jwk}, {@code lws_jws}, {@code lws_jwe}): JSON
 * Web Keys, Signatures and Encryption written only against the generic crypto SPI
 * ({@code org.lightwire.api.crypto}), so the same code runs unchanged on every installed
 * {@link org.lightwire.api.crypto.CryptoBackend}.
 *
 * <ul>
 *   <li>{@code org.lightwire.jose}: the API — {@link org.lightwire.jose.Jose} is the entry
 *       point (a backend passed in, or found with {@link java.util.ServiceLoader} when the
 *       module is used alone).</li>
 *   <li>{@code org.lightwire.jose.internal}: JSON, base64url and the tools; not exported.</li>
 *   <li>The {@code jwk}, {@code jws}, {@code jwe} and {@code x509}
 *       {@link java.util.spi.ToolProvider}s are the launcher's subcommands of those
 *       names.</li>
 * </ul>
 */
module org.lightwire.jose {
    requires transitive org.lightwire.spi;
    requires static org.osgi.annotation.bundle;
    requires static org.osgi.annotation.versioning;

    exports org.lightwire.jose;

    // standalone use (and the tools): the backend is found, not named
    uses org.lightwire.api.crypto.CryptoBackend;

    // the launcher's jwk, jws and x509 subcommands (one class per tool; jwe adds its own line)
    provides java.util.spi.ToolProvider with
            org.lightwire.jose.internal.JwkTool,
            org.lightwire.jose.internal.JwsTool,
            org.lightwire.jose.internal.X509Tool,
            org.lightwire.jose.internal.JweTool;
}
