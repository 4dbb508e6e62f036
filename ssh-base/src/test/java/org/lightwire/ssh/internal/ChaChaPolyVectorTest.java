package org.lightwire.ssh.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.ssh.SshDisconnect;

/**
 * chacha20-poly1305@openssh.com against the worked example of
 * draft-ietf-sshm-chacha20-poly1305-02 Appendix A (the IETF write-up of OpenSSH's
 * PROTOCOL.chacha20poly1305): 64 bytes of key material, sequence number 7, a 72-byte packet
 * body; expected encrypted length (Figure 8), ciphertext (Figure 11) and tag (Figure 17).
 * On every backend.
 */
class ChaChaPolyVectorTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] KEY = HEX.parseHex("8bbff6855fc102338c373e73aac0c914f076a905b2444a32eecaffeae22becc5"
            + "e9b7a7a5825a8249346ec1c28301cf394543fc7569887d76e168f37562ac0740");
    private static final byte[] BODY = HEX.parseHex("065e00000000000000384c6f72656d20697073756d20646f6c6f722073697420"
            + "616d65742c20636f6e7365637465747572206164697069736963696e6720656c69744e43e804dc6c");
    private static final byte[] ENC_LENGTH = HEX.parseHex("2c3ecce4");
    private static final byte[] CIPHERTEXT = HEX.parseHex("a5bc05895bf07a7ba956b6c68829ac7c83b780b7000ecde745afc705bbc378ce"
            + "03a280236b87b53bed5839662302b164b6286a48cd1e097138e3cb909b8b2b829dd18d2a35ff82d9");
    private static final byte[] TAG = HEX.parseHex("95349e855bf02c298ef775f2d1a7e8b8");
    private static final int SEQ = 7;

    static Stream<String> backends() {
        return Backends.all().stream().map(CryptoBackend::name);
    }

    private static byte[] packet() {
        byte[] p = new byte[4 + BODY.length + 16];
        Bytes.putU32(p, 0, BODY.length);
        System.arraycopy(BODY, 0, p, 4, BODY.length);
        return p;
    }

    @ParameterizedTest
    @MethodSource("backends")
    void sealMatchesTheDraftsWorkedExample(String backend) {
        byte[] p = packet();
        new ChaChaPolyCipher(Backends.named(backend), KEY).seal(p, 0, BODY.length, SEQ);
        assertArrayEquals(ENC_LENGTH, Arrays.copyOfRange(p, 0, 4));
        assertArrayEquals(CIPHERTEXT, Arrays.copyOfRange(p, 4, 4 + BODY.length));
        assertArrayEquals(TAG, Arrays.copyOfRange(p, 4 + BODY.length, p.length));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void openRecoversLengthAndBody(String backend) throws Exception {
        byte[] p = new byte[4 + BODY.length + 16];
        System.arraycopy(ENC_LENGTH, 0, p, 0, 4);
        System.arraycopy(CIPHERTEXT, 0, p, 4, BODY.length);
        System.arraycopy(TAG, 0, p, 4 + BODY.length, 16);
        ChaChaPolyCipher c = new ChaChaPolyCipher(Backends.named(backend), KEY);
        assertEquals(BODY.length, c.packetLength(p, 0, SEQ));
        c.open(p, 0, BODY.length, SEQ);
        assertArrayEquals(BODY, Arrays.copyOfRange(p, 4, 4 + BODY.length));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void wrongSequenceNumberOrFlippedBitIsAMacError(String backend) {
        CryptoBackend b = Backends.named(backend);
        byte[] p = new byte[4 + BODY.length + 16];
        System.arraycopy(ENC_LENGTH, 0, p, 0, 4);
        System.arraycopy(CIPHERTEXT, 0, p, 4, BODY.length);
        System.arraycopy(TAG, 0, p, 4 + BODY.length, 16);
        SshProtocolException e = assertThrows(SshProtocolException.class, () -> new ChaChaPolyCipher(b, KEY).open(p.clone(), 0, BODY.length, SEQ + 1));
        assertEquals(SshDisconnect.MAC_ERROR, e.reason());
        byte[] flipped = p.clone();
        flipped[1] ^= 1; // the encrypted length is authenticated too
        e = assertThrows(SshProtocolException.class, () -> new ChaChaPolyCipher(b, KEY).open(flipped, 0, BODY.length, SEQ));
        assertEquals(SshDisconnect.MAC_ERROR, e.reason());
    }
}
