package org.lightwire.jose.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.api.crypto.Hash;
import org.lightwire.api.crypto.HashAlgorithm;

/**
 * The Concat KDF of NIST SP 800-56A section 5.8.1 with SHA-256, as ECDH-ES uses it (RFC 7518
 * section 4.6.2): OtherInfo is AlgorithmID || PartyUInfo || PartyVInfo (each a 32-bit
 * big-endian length and the octets) || SuppPubInfo (the key length in bits, 32-bit
 * big-endian); SuppPrivInfo is empty.
 */
public final class ConcatKdf {

    private ConcatKdf() {
    }

    /**
     * {@code keyBytes} of key material from the shared secret {@code z}. {@code algorithmId}
     * is the {@code enc} for ECDH-ES direct and the {@code alg} for ECDH-ES with key wrap;
     * {@code apu}/{@code apv} are the decoded header values, empty when absent.
     */
    public static byte[] derive(CryptoBackend backend, byte[] z, int keyBytes, String algorithmId, byte[] apu, byte[] apv) {
        Hash h = backend.hash(HashAlgorithm.SHA_256);
        int digest = HashAlgorithm.SHA_256.digestLength();
        int rounds = (keyBytes + digest - 1) / digest;
        byte[] out = new byte[rounds * digest];
        byte[] alg = algorithmId.getBytes(StandardCharsets.US_ASCII);
        for (int round = 1; round <= rounds; round++) {
            h.update(int32(round));
            h.update(z);
            h.update(int32(alg.length));
            h.update(alg);
            h.update(int32(apu.length));
            h.update(apu);
            h.update(int32(apv.length));
            h.update(apv);
            h.update(int32(keyBytes * 8));
            h.digest(out, (round - 1) * digest);
        }
        byte[] key = Arrays.copyOf(out, keyBytes);
        Arrays.fill(out, (byte) 0);
        return key;
    }

    private static byte[] int32(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }
}
