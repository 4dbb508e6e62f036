package org.lightwire.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lightwire.api.TlsSettings;

/** The vhost TLS keys are read into {@link TlsSettings} now that TLS is built. */
class TlsKeysTest {

    private static TlsSettings tls(String members) throws ConfigException {
        return Configs.onlyVhost(members).tls().orElseThrow();
    }

    @Test
    void everyTlsKeyLandsInTheModel() throws ConfigException {
        TlsSettings t = tls("""
                "host-ssl-cert": "/c.pem", "host-ssl-key": "/k.pem", "host-ssl-ca": "/ca.pem",
                "ciphers": "ECDHE-RSA-AES128-GCM-SHA256", "tls13-ciphers": "TLS_AES_128_GCM_SHA256",
                "ecdh-curve": "prime256v1", "ssl-option-set": "134217728", "ssl-option-clear": "268435456",
                "client-cert-required": "1", "ignore-missing-cert": "1", "enable-client-ssl": "1",
                "client-ssl-cert": "/cc.pem", "client-ssl-key": "/ck.pem", "client-ssl-ca": "/cca.pem",
                "client-ssl-ciphers": "ECDHE-ECDSA-AES128-GCM-SHA256", "client-tls13-ciphers": "TLS_AES_256_GCM_SHA384",
                "ssl-client-option-set": "536870912", "allow-non-tls": "1", "redirect-http": "1",
                "allow-http-on-https": "1", "fallback-listen-accept": "1", "alpn": "http/1.1",
                "tls-handshake-timeout-secs": "3\"""");

        assertEquals(Optional.of(Path.of("/c.pem")), t.hostSslCert());
        assertEquals(Optional.of(Path.of("/ca.pem")), t.hostSslCa());
        assertEquals(0x08000000L, t.sslOptionSet());
        assertEquals(0x10000000L, t.sslOptionClear());
        assertEquals(0x20000000L, t.sslClientOptionSet());
        assertTrue(t.clientCertRequired() && t.ignoreMissingCert() && t.enableClientSsl());
        assertTrue(t.allowNonTls() && t.redirectHttp() && t.allowHttpOnHttps() && t.fallbackListenAccept());
        assertEquals(Optional.of("http/1.1"), t.alpn());
        assertEquals(3, t.handshakeTimeoutSecs());
        assertTrue(t.servesTls());
    }

    @Test
    void repeatedOptionKeysAreOred() throws ConfigException {
        TlsSettings t = tls("\"ssl-option-set\": \"134217728\", \"ssl-option-set\": \"268435456\"");

        assertEquals(0x18000000L, t.sslOptionSet());
    }

    @Test
    void handshakeTimeoutDefaultsToTenAndIsBounded() throws ConfigException {
        assertEquals(10, tls("\"host-ssl-cert\": \"/c.pem\"").handshakeTimeoutSecs());
        ConfigException e = Configs.refused(Configs.vhostWith("\"tls-handshake-timeout-secs\": \"0\""));
        assertEquals("vhosts[0].tls-handshake-timeout-secs", e.key());
        ConfigException big = Configs.refused(Configs.vhostWith("\"tls-handshake-timeout-secs\": \"301\""));
        assertEquals("vhosts[0].tls-handshake-timeout-secs", big.key());
    }

    @Test
    void aVhostWithoutCertificateAndKeyDoesNotServeTls() throws ConfigException {
        assertFalse(tls("\"enable-client-ssl\": \"1\"").servesTls());
    }

    @Test
    void initSslIsAccepted() throws ConfigException {
        assertEquals(1, Configs.global("\"init-ssl\": \"1\"").countThreads());
    }
}
