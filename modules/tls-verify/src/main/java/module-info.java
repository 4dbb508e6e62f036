/**
 * Server certificate checks that depend on no crypto provider, shared by every crypto
 * backend so that there is one copy of them: RFC 6125 host name matching (lws with OpenSSL:
 * {@code X509_check_host}) and the trust manager behind the peer relaxations (lws
 * {@code LCCSCF_ALLOW_SELFSIGNED}, {@code LCCSCF_ALLOW_EXPIRED}). A library bundle: it
 * provides no service; the backends call it, passing the JCA provider that builds paths.
 */
module org.lightwire.tls.verify {
    requires transitive org.lightwire.spi;
    requires static org.osgi.annotation.bundle;
    requires static org.osgi.annotation.versioning;

    exports org.lightwire.tls.verify;
}
