/**
 * The JDK crypto backend ("jca"): every primitive of {@code org.lightwire.api.crypto} on the
 * JDK's own providers, looked up by name so that adding another provider to the JVM-wide
 * list changes nothing here. What JDK 17 lacks — AES-XTS, raw Poly1305, the 64-bit-nonce
 * ChaCha20 OpenSSH uses, X.509 certificate and CSR generation, PEM — is implemented in
 * this bundle on top of JDK primitives. Exports nothing.
 */
module org.lightwire.crypto.jca {
    requires org.lightwire.spi;
    // RFC 6125 host name matching and the peer relaxations' trust manager, one copy for all backends
    requires org.lightwire.tls.verify;

    provides org.lightwire.api.crypto.CryptoBackend with org.lightwire.crypto.jca.JcaBackend;
}
