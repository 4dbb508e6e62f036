package org.lightwire.crypto.bc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import org.lightwire.api.crypto.BadInputException;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.BadParameterException;

/** ChaCha20 in both counter layouts on BC's engine, including the counter edges BC's own 7539 engine gets wrong. */
class ChaCha20Test {

    private static final byte[] KEY = Hex.decode("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    @Test
    void rfc8439Section242Encryption() {
        byte[] nonce = Hex.decode("000000000000004a00000000");
        byte[] plain = ("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, "
                + "sunscreen would be it.").getBytes(StandardCharsets.US_ASCII);
        byte[] cipher = new BcChaCha20(KEY, nonce, 1).update(plain);
        assertArrayEquals(Hex.decode("6e2e359a2568f98041ba0728dd0d6981e97e7aec1d4360c20a27afccfd9fae0b"
                + "f91b65c5524733ab8f593dabcd62b3571639d624e65152ab8f530c359f0861d8"
                + "07ca0dbf500d6a6156a38e088a22b65e52bc514d16ccf806818ce91ab7793736"
                + "5af90bbf74a35be6b40b8eedf2785e42874d"), cipher);
    }

    @Test
    void rfc8439AppendixA1ZeroKeyBlock() {
        byte[] block = new BcChaCha20(new byte[32], new byte[12], 0).update(new byte[64]);
        assertArrayEquals(Hex.decode("76b8e0ada0f13d90405d6ae55386bd28bdd219b8a08ded1aa836efcc8b770dc7"
                + "da41597c5157488d7724e03fb8d84a376a43b8f41518a11cc387b669b2ee6586"), block);
        // the original layout gives the same block for an all-zero nonce and counter
        assertArrayEquals(block, new BcChaCha20(new byte[32], new byte[8], 0).update(new byte[64]));
    }

    @Test
    void piecesOfAnySizeContinueTheKeystream() {
        byte[] nonce = Hex.decode("000000090000004a00000000");
        byte[] whole = new BcChaCha20(KEY, nonce, 7).update(new byte[300]);
        BcChaCha20 c = new BcChaCha20(KEY, nonce, 7);
        byte[] pieces = new byte[300];
        int[] sizes = {1, 63, 64, 65, 2, 105};
        int at = 0;
        for (int s : sizes) {
            c.update(new byte[s], 0, s, pieces, at);
            at += s;
        }
        assertArrayEquals(whole, pieces);
    }

    @Test
    void sixtyFourBitCounterCarriesIntoItsHighWord() {
        // DJB layout at counter 2^32-1: the next block has words 12,13 = 0,1 — the RFC 8439
        // layout with counter 0 and a nonce starting 01 00 00 00 has the same state
        byte[] nonce8 = Hex.decode("0102030405060708");
        byte[] djb = new BcChaCha20(KEY, nonce8, 0xFFFF_FFFFL).update(new byte[128]);
        byte[] nonce12 = Hex.decode("01000000" + "0102030405060708");
        byte[] rfc = new BcChaCha20(KEY, nonce12, 0).update(new byte[64]);
        assertArrayEquals(rfc, Arrays.copyOfRange(djb, 64, 128));
    }

    @Test
    void lastRfc8439CounterValueIsUsableThenTheKeystreamEnds() {
        byte[] nonce = new byte[12];
        BcChaCha20 c = new BcChaCha20(KEY, nonce, 0xFFFF_FFFFL);
        byte[] out = new byte[65];
        c.update(new byte[64], 0, 64, out, 0);
        byte[] before = out.clone();
        assertThrows(BadInputException.class, () -> c.update(new byte[1], 0, 1, out, 64));
        assertArrayEquals(before, out, "nothing written past the end of the keystream");
    }

    @Test
    void sixtyFourBitKeystreamEndsWhereTheCounterWouldWrap() {
        BcChaCha20 c = new BcChaCha20(KEY, new byte[8], -1L);
        c.update(new byte[64]);
        assertThrows(BadInputException.class, () -> c.update(new byte[1]));
    }

    @Test
    void badKeyNonceAndCounterAreTyped() {
        assertThrows(BadKeyException.class, () -> new BcChaCha20(new byte[31], new byte[12], 0));
        assertThrows(BadParameterException.class, () -> new BcChaCha20(KEY, new byte[16], 0));
        assertThrows(BadParameterException.class, () -> new BcChaCha20(KEY, new byte[12], 1L << 32));
        assertThrows(BadParameterException.class, () -> new BcChaCha20(KEY, new byte[12], -1));
    }
}
