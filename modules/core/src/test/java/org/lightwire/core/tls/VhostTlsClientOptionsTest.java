package org.lightwire.core.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lightwire.api.ClientRequest.TlsClientOption;
import org.lightwire.api.crypto.TlsSettings;
import org.lightwire.api.crypto.TlsSettings.PeerRelaxation;

/** lws' client connection flags reach the crypto SPI as precise relaxations, not as "verify nothing". */
class VhostTlsClientOptionsTest {

    private static TlsSettings built(Set<TlsClientOption> options) {
        return VhostTls.buildClient("v", null, new JdkTlsBackend(), options).settings();
    }

    @Test
    void noOptionVerifiesEverything() {
        TlsSettings s = built(Set.of());
        assertTrue(s.verifyPeer());
        assertEquals(Set.of(), s.peerRelaxations());
    }

    @Test
    void selfSignedExpiredAndHostnameAreEachTheirOwnRelaxationWithVerificationOn() {
        assertEquals(Set.of(PeerRelaxation.SELF_SIGNED), built(Set.of(TlsClientOption.ALLOW_SELF_SIGNED)).peerRelaxations());
        assertEquals(Set.of(PeerRelaxation.EXPIRED), built(Set.of(TlsClientOption.ALLOW_EXPIRED)).peerRelaxations());
        assertEquals(Set.of(PeerRelaxation.SKIP_HOSTNAME_CHECK),
                built(Set.of(TlsClientOption.SKIP_HOSTNAME_CHECK)).peerRelaxations());
        TlsSettings all = built(EnumSet.of(TlsClientOption.ALLOW_SELF_SIGNED, TlsClientOption.ALLOW_EXPIRED,
                TlsClientOption.SKIP_HOSTNAME_CHECK));
        assertTrue(all.verifyPeer(), "no relaxation but ALLOW_INSECURE stops verification");
        assertEquals(EnumSet.allOf(PeerRelaxation.class), all.peerRelaxations());
    }

    @Test
    void onlyAllowInsecureSwitchesVerificationOff() {
        assertFalse(built(Set.of(TlsClientOption.ALLOW_INSECURE)).verifyPeer());
        assertFalse(built(EnumSet.of(TlsClientOption.ALLOW_INSECURE, TlsClientOption.ALLOW_EXPIRED)).verifyPeer());
    }
}
