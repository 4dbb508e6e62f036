package org.lightwire.core.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lightwire.api.tls.SslOption;

/** Cipher list and SSL option translation. */
class TlsNamesTest {

    @Test
    void openSslNamesBecomeIanaNamesAndExclusionsAreSkipped() {
        assertEquals(List.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_AES_128_GCM_SHA256"),
                CipherNames.toIana("ciphers", "ECDHE-RSA-AES128-GCM-SHA256:!aNULL, TLS_AES_128_GCM_SHA256 -RC4"));
    }

    @Test
    void keywordsAndUnknownNamesAreRefusedNamingTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CipherNames.toIana("ciphers", "HIGH:!MD5"));
        assertTrue(e.getMessage().startsWith("ciphers: 'HIGH'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CipherNames.toIana("ciphers", "!aNULL"));
    }

    @Test
    void oneListKeepsTheOtherVersionsDefaults() {
        List<String> only12 = CipherNames.combine("ciphers", "ECDHE-ECDSA-AES128-GCM-SHA256", "tls13-ciphers", null);
        assertTrue(only12.containsAll(CipherNames.TLS13_DEFAULT));
        assertTrue(CipherNames.combine("ciphers", null, "tls13-ciphers", null).isEmpty());
    }

    @Test
    void optionBitsDecodeAndSwitchVersions() {
        assertEquals(EnumSet.of(SslOption.NO_TLS_1_1), SslOption.decode(268435456L));
        assertEquals("no-tls-1.2", SslOption.NO_TLS_1_2.configName());
        assertThrows(IllegalArgumentException.class, () -> SslOption.decode(1));
        assertEquals(List.of("TLSv1.3", "TLSv1.2"), VhostTls.protocols(Set.of(), Set.of()));
        assertEquals(List.of("TLSv1.3"), VhostTls.protocols(Set.of(SslOption.NO_TLS_1_2), Set.of()));
        assertEquals(List.of("TLSv1.3", "TLSv1.2", "TLSv1.1"), VhostTls.protocols(Set.of(), Set.of(SslOption.NO_TLS_1_1)));
        assertThrows(IllegalArgumentException.class,
                () -> VhostTls.protocols(Set.of(SslOption.NO_TLS_1_2, SslOption.NO_TLS_1_3), Set.of()));
    }
}
