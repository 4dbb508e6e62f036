package org.lightwire.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTTP additions to the settings model (SPI 1.1): {@link HttpLimits},
 * {@link RejectServiceKeyword}, {@link Privileges}, {@link TlsSettings} and the new members
 * of {@link ContextSettings} and {@link VhostSettings}.
 */
class HttpSettingsModelTest {

    private static String refusal(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void httpLimitDefaultsAreTheDocumentedOnes() {
        assertEquals(new HttpLimits(8192, 16384, 100, 67_108_864L, 10, 1024, 4096, 65_536, 2, 65_536, 16, 16 << 20,
                1 << 20, 8192), HttpLimits.DEFAULTS);
    }

    @Test
    void httpLimitsRefuseNonsenseNamingTheKey() {
        HttpLimits d = HttpLimits.DEFAULTS;
        assertEquals("http-max-request-line must be 16..1048576, not 0",
                refusal(() -> d.toBuilder().maxRequestLine(0).build()));
        assertEquals("http-max-header-bytes must be 64..16777216, not 16777217",
                refusal(() -> d.toBuilder().maxHeaderBytes((16 << 20) + 1).build()));
        assertEquals("http-max-header-count must be 1..10000, not -1",
                refusal(() -> d.toBuilder().maxHeaderCount(-1).build()));
        assertEquals("http-max-body-bytes must be 0..1099511627776, not -1",
                refusal(() -> d.toBuilder().maxBodyBytes(-1).build()));
        assertEquals("http-header-timeout-secs must be 1..3600, not 0",
                refusal(() -> d.toBuilder().headerTimeoutSecs(0).build()));
        assertEquals("http-max-chunk-line must be 32..65536, not 31",
                refusal(() -> d.toBuilder().maxChunkLine(31).build()));
        assertEquals("http-max-trailer-bytes must be 16..1048576, not 1048577",
                refusal(() -> d.toBuilder().maxTrailerBytes((1 << 20) + 1).build()));
        assertEquals("http-discard-body-bytes must be 0..1073741824, not -1",
                refusal(() -> d.toBuilder().discardBodyBytes(-1).build()));
        assertEquals("http-linger-secs must be 0..300, not 301",
                refusal(() -> d.toBuilder().lingerSecs(301).build()));
        assertEquals("http-linger-bytes must be 0..1073741824, not -1",
                refusal(() -> d.toBuilder().lingerBytes(-1).build()));
        assertEquals("http-max-range-parts must be 1..1024, not 0",
                refusal(() -> d.toBuilder().maxRangeParts(0).build()));
        assertEquals("http-max-zip-directory-bytes must be 65536..1073741824, not 65535",
                refusal(() -> d.toBuilder().maxZipDirectoryBytes(65535).build()));
        assertEquals("http-max-credentials-file-bytes must be 1024..67108864, not 67108865",
                refusal(() -> d.toBuilder().maxCredentialsFileBytes((64 << 20) + 1).build()));
        assertEquals("http-access-log-queue-lines must be 16..1048576, not 15",
                refusal(() -> d.toBuilder().accessLogQueueLines(15).build()));
    }

    @Test
    void aBuilderChangesOnlyWhatItIsTold() {
        assertEquals(HttpLimits.DEFAULTS, HttpLimits.DEFAULTS.toBuilder().build());
        assertEquals(new HttpLimits(8192, 16384, 100, 0, 3, 64, 128, 0, 0, 1, 2, 1 << 16, 2048, 64),
                HttpLimits.builder().maxBodyBytes(0).headerTimeoutSecs(3).maxChunkLine(64).maxTrailerBytes(128)
                        .discardBodyBytes(0).lingerSecs(0).lingerBytes(1).maxRangeParts(2).maxZipDirectoryBytes(1 << 16)
                        .maxCredentialsFileBytes(2048).accessLogQueueLines(64).build());
    }

    @Test
    void rejectServiceKeywordSplitsCodeAndReason() {
        RejectServiceKeyword k = new RejectServiceKeyword("scumbot", "404 Not Found");

        assertEquals(404, k.statusCode());
        assertEquals("Not Found", k.reason());
        assertEquals("", new RejectServiceKeyword("bot", "403").reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "4", "40", "abc", "40x", "4040", "404Not Found", "099", "600 x", "404 a\r\nb", "-40"})
    void rejectServiceKeywordRefusesABadStatus(String status) {
        assertThrows(IllegalArgumentException.class, () -> new RejectServiceKeyword("bot", status));
    }

    @Test
    void rejectServiceKeywordRefusesEmptyOrSplittingAgentText() {
        assertThrows(IllegalArgumentException.class, () -> new RejectServiceKeyword("", "404"));
        assertThrows(IllegalArgumentException.class, () -> new RejectServiceKeyword("a\nb", "404"));
    }

    @Test
    void privilegesNoneRequestsNothing() {
        assertFalse(Privileges.NONE.requested());
        assertTrue(new Privileges(Optional.empty(), Optional.empty(), OptionalInt.of(0), OptionalInt.empty())
                .requested());
    }

    @Test
    void privilegesRefuseImpossibleNamesAndIds() {
        assertThrows(IllegalArgumentException.class,
                () -> new Privileges(Optional.of(""), Optional.empty(), OptionalInt.empty(), OptionalInt.empty()));
        assertThrows(IllegalArgumentException.class,
                () -> new Privileges(Optional.empty(), Optional.of("a/b"), OptionalInt.empty(), OptionalInt.empty()));
        assertThrows(IllegalArgumentException.class,
                () -> new Privileges(Optional.empty(), Optional.empty(), OptionalInt.of(-1), OptionalInt.empty()));
        assertThrows(IllegalArgumentException.class,
                () -> new Privileges(Optional.empty(), Optional.empty(), OptionalInt.empty(), OptionalInt.of(-1)));
    }

    @Test
    void tlsSettingsKeepEveryValue() {
        TlsSettings t = TlsSettings.builder().hostSslCert(Path.of("/c.pem")).hostSslKey(Path.of("/k.pem"))
                .hostSslCa(Path.of("/ca.pem")).ciphers("HIGH").tls13Ciphers("TLS_AES_128_GCM_SHA256")
                .ecdhCurve("prime256v1").sslOptionSet(0x10000000L).sslOptionClear(1).clientCertRequired(true)
                .ignoreMissingCert(true).enableClientSsl(true).clientSslKey(Path.of("/ck")).clientSslCert(Path.of("/cc"))
                .clientSslCa(Path.of("/cca")).clientSslCiphers("HIGH").clientTls13Ciphers("TLS_AES_256_GCM_SHA384")
                .sslClientOptionSet(2).sslClientOptionClear(4).allowNonTls(true).redirectHttp(true)
                .allowHttpOnHttps(true).fallbackListenAccept(true).alpn("h2,http/1.1").build();

        assertTrue(t.servesTls());
        assertEquals(Optional.of(Path.of("/ca.pem")), t.hostSslCa());
        assertEquals(0x10000000L, t.sslOptionSet());
        assertEquals(4, t.sslClientOptionClear());
        assertEquals(Optional.of("h2,http/1.1"), t.alpn());
        assertTrue(t.clientCertRequired() && t.ignoreMissingCert() && t.enableClientSsl() && t.allowNonTls()
                && t.redirectHttp() && t.allowHttpOnHttps() && t.fallbackListenAccept());
        assertFalse(TlsSettings.builder().hostSslCert(Path.of("/c.pem")).build().servesTls());
        assertThrows(IllegalArgumentException.class, () -> TlsSettings.builder().ciphers(""));
        assertThrows(IllegalArgumentException.class, () -> TlsSettings.builder().sslOptionSet(-1));
    }

    @Test
    void contextSettingsAdditionsHaveSafeDefaults() {
        ContextSettings s = ContextSettings.builder().build();

        assertEquals("lightwire", s.serverString());
        assertEquals(List.of(), s.rejectServiceKeywords());
        assertEquals(0, s.ipLimitAh());
        assertEquals(OptionalInt.empty(), s.rlimitNofile());
        assertEquals(Privileges.NONE, s.privileges());
        assertEquals(Optional.empty(), s.cryptoBackend());
        assertEquals(HttpLimits.DEFAULTS, s.httpLimits());
        assertEquals(Optional.empty(), s.defaultAlpn());
        assertFalse(s.initSsl());
        assertEquals(0, s.wsPingpongSecs());
    }

    @Test
    void contextSettingsAdditionsAreSetAndChecked() {
        ContextSettings s = ContextSettings.builder().serverString("srv").ipLimitAh(3).rlimitNofile(4096)
                .cryptoBackend("bc").defaultAlpn("h2,http/1.1").initSsl(true).wsPingpongSecs(200)
                .rejectServiceKeyword(new RejectServiceKeyword("bot", "404")).build();

        assertEquals("srv", s.serverString());
        assertEquals(OptionalInt.of(4096), s.rlimitNofile());
        assertEquals(Optional.of("bc"), s.cryptoBackend());
        assertEquals(1, s.rejectServiceKeywords().size());
        assertEquals("server-string must not contain control characters (character 2)",
                refusal(() -> ContextSettings.builder().serverString("a\r\nb")));
        assertEquals("crypto-backend 'a b' must hold only letters, digits, '.', '_' or '-'",
                refusal(() -> ContextSettings.builder().cryptoBackend("a b")));
        assertEquals("rlimit-nofile must be 1..2147483647, not 0", refusal(() -> ContextSettings.builder().rlimitNofile(0)));
        assertEquals("ws-pingpong-secs must be 0..86400, not -1",
                refusal(() -> ContextSettings.builder().wsPingpongSecs(-1)));
    }

    @Test
    void vhostSettingsAdditionsHaveLwsDefaults() {
        VhostSettings v = VhostSettings.builder("v").port(80).build();

        assertEquals(List.of(), v.mounts());
        assertEquals(List.of(), v.headers());
        assertEquals(5, v.keepaliveTimeoutSecs());
        assertEquals(Optional.empty(), v.tls());
        assertEquals(0, v.foListenQueue());
        assertFalse(v.sts() || v.strictHostCheck() || v.noIpv6() || v.ipv6Only() || v.disableNoProtocolWsUpgrades()
                || v.h2HalfClosedLongPoll());
    }

    @Test
    void vhostSettingsAdditionsAreSetAndChecked() {
        Mount m = Mount.builder("/", "file:///w").build();
        VhostSettings v = VhostSettings.builder("v").port(80).mount(m).header(new Header("X", "1")).sts(true)
                .accessLog(Path.of("/var/log/a")).keepaliveTimeoutSecs(60).errorDocument404("/404.html")
                .strictHostCheck(true).tls(TlsSettings.builder().build()).foListenQueue(16).build();

        assertEquals(List.of(m), v.mounts());
        assertEquals(60, v.keepaliveTimeoutSecs());
        assertEquals(Optional.of("/404.html"), v.errorDocument404());
        assertTrue(v.tls().isPresent());
        assertEquals("keepalive_timeout must be 1..86400, not 0",
                refusal(() -> VhostSettings.builder("v").keepaliveTimeoutSecs(0)));
        assertThrows(IllegalArgumentException.class, () -> VhostSettings.builder("v").errorDocument404("404.html"));
        assertThrows(IllegalArgumentException.class, () -> VhostSettings.builder("v").foListenQueue(-1));
        assertTrue(refusal(() -> VhostSettings.builder("v").port(80).noIpv6(true).ipv6Only(true).build())
                .contains("noipv6 and ipv6only contradict each other"));
    }
}
