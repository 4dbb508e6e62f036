package org.lightwire.ssh.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.lightwire.api.crypto.CipherDirection;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.api.crypto.CryptoException;
import org.lightwire.api.crypto.Hash;
import org.lightwire.api.crypto.HashAlgorithm;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.OkpCurve;
import org.lightwire.ssh.SshDisconnect;

/**
 * One curve25519-sha256 key exchange on the server side (RFC 8731, RFC 5656 4, RFC 4253 7-8):
 * the exchange hash H, the host key signature over it, and the keys derived for both
 * directions (RFC 4253 7.2). The first exchange's H becomes the session identifier.
 */
final class KeyExchange {
    static final int X25519_LENGTH = 32;

    /** The result: the reply to send and the ciphers that NEWKEYS switches to. */
    record Result(byte[] reply, byte[] exchangeHash, PacketCipher inbound, PacketCipher outbound) {
    }

    private KeyExchange() {
    }

    /**
     * Answers SSH_MSG_KEX_ECDH_INIT.
     *
     * @param sessionId the session identifier, or null on the first exchange (H becomes it)
     */
    static Result answer(CryptoBackend crypto, Algorithms.Negotiated n, HostKey hostKey, byte[] clientVersion,
            byte[] serverVersion, byte[] clientKexInit, byte[] serverKexInit, byte[] clientPublic, byte[] sessionId,
            PayloadWriter w) throws SshProtocolException {
        if (clientPublic.length != X25519_LENGTH) {
            throw new SshProtocolException(SshDisconnect.KEY_EXCHANGE_FAILED,
                    "client's curve25519 public key is " + clientPublic.length + " bytes, not 32");
        }
        byte[] secret;
        byte[] serverPublic;
        try (KeyElements eph = crypto.x25519().generate()) {
            serverPublic = eph.element(KeyElements.OKP_X);
            secret = crypto.x25519().agree(eph, KeyElements.okp(OkpCurve.X25519, clientPublic, null));
        } catch (CryptoException e) {
            // includes the all-zero shared secret of a small-order point (RFC 7748 6.1, RFC 8731 3)
            throw new SshProtocolException(SshDisconnect.KEY_EXCHANGE_FAILED, "curve25519 agreement failed: " + e.getMessage());
        }
        byte[] hostBlob = hostKey.publicBlob();
        w.reset().string(clientVersion).string(serverVersion).string(clientKexInit).string(serverKexInit)
                .string(hostBlob).string(clientPublic).string(serverPublic).mpint(secret);
        Hash hash = crypto.hash(HashAlgorithm.SHA_256);
        hash.update(w.array(), 0, w.length());
        byte[] h = hash.digest();
        byte[] sid = sessionId == null ? h : sessionId;
        byte[] signature = hostKey.sign(crypto, n.hostKey(), h, w);
        byte[] reply = w.reset().u8(Msg.KEX_ECDH_REPLY).string(hostBlob).string(serverPublic).string(signature).toBytes();

        byte[] k = w.reset().mpint(secret).toBytes();
        Arrays.fill(secret, (byte) 0);
        PacketCipher in = cipher(crypto, CipherDirection.DECRYPT, n.cipherC2s(), n.macC2s(), k, h, sid, 'A', 'C', 'E');
        PacketCipher out = cipher(crypto, CipherDirection.ENCRYPT, n.cipherS2c(), n.macS2c(), k, h, sid, 'B', 'D', 'F');
        Arrays.fill(k, (byte) 0);
        return new Result(reply, h, in, out);
    }

    /** Builds one direction's cipher from the derived keys (letters per RFC 4253 7.2). */
    static PacketCipher cipher(CryptoBackend crypto, CipherDirection direction, String cipher, String mac, byte[] k, byte[] h,
            byte[] sid, char ivLetter, char keyLetter, char macLetter) {
        byte[] key = derive(crypto, k, h, sid, keyLetter, Algorithms.keyLength(cipher));
        switch (cipher) {
            case ChaChaPolyCipher.NAME:
                return new ChaChaPolyCipher(crypto, key);
            case AesGcmCipher.AES128:
            case AesGcmCipher.AES256:
                return new AesGcmCipher(crypto, direction, key, derive(crypto, k, h, sid, ivLetter, AesGcmCipher.IV_LENGTH));
            default: {
                HashAlgorithm macHash = AesCtrEtmCipher.macHash(mac);
                return new AesCtrEtmCipher(crypto, direction, key, derive(crypto, k, h, sid, ivLetter, 16), macHash,
                        derive(crypto, k, h, sid, macLetter, macHash.digestLength()));
            }
        }
    }

    /**
     * RFC 4253 7.2: HASH(K || H || letter || session_id), extended with
     * HASH(K || H || K1 || ...) until long enough. {@code k} is already an encoded mpint.
     */
    static byte[] derive(CryptoBackend crypto, byte[] k, byte[] h, byte[] sid, char letter, int length) {
        Hash hash = crypto.hash(HashAlgorithm.SHA_256);
        hash.update(k);
        hash.update(h);
        hash.update(new byte[] {(byte) letter});
        hash.update(sid);
        byte[] out = hash.digest();
        while (out.length < length) {
            hash.reset();
            hash.update(k);
            hash.update(h);
            hash.update(out);
            byte[] more = hash.digest();
            byte[] grown = Arrays.copyOf(out, out.length + more.length);
            System.arraycopy(more, 0, grown, out.length, more.length);
            out = grown;
        }
        return Arrays.copyOf(out, length);
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
