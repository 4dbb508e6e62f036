package org.lightwire.ssh.internal;

import java.util.ArrayList;
import java.util.List;
import org.lightwire.ssh.SshDisconnect;

/**
 * The algorithms ssh-base speaks and the negotiation of RFC 4253 7.1: for each category the
 * first algorithm on the client's list that the server also supports.
 */
final class Algorithms {
    static final String CURVE25519 = "curve25519-sha256";
    static final String CURVE25519_LIBSSH = "curve25519-sha256@libssh.org";
    /** OpenSSH's strict-kex markers (Terrapin countermeasure), client and server side. */
    static final String STRICT_KEX_C = "kex-strict-c-v00@openssh.com";
    static final String STRICT_KEX_S = "kex-strict-s-v00@openssh.com";
    /** RFC 8308: the client accepts SSH_MSG_EXT_INFO. */
    static final String EXT_INFO_C = "ext-info-c";

    static final String SSH_ED25519 = "ssh-ed25519";
    static final String RSA_SHA2_512 = "rsa-sha2-512";
    static final String RSA_SHA2_256 = "rsa-sha2-256";
    static final String SSH_RSA = "ssh-rsa";

    static final List<String> KEX = List.of(CURVE25519, CURVE25519_LIBSSH);
    static final List<String> CIPHERS = List.of(ChaChaPolyCipher.NAME, AesGcmCipher.AES256, AesGcmCipher.AES128,
            AesCtrEtmCipher.AES128_CTR, AesCtrEtmCipher.AES256_CTR);
    static final List<String> MACS = List.of(AesCtrEtmCipher.HMAC_SHA256_ETM, AesCtrEtmCipher.HMAC_SHA512_ETM);
    static final List<String> COMPRESSION = List.of("none");

    /** The result of one negotiation. */
    record Negotiated(String kex, String hostKey, String cipherC2s, String cipherS2c, String macC2s, String macS2c) {
    }

    private Algorithms() {
    }

    /** The kex list the server sends: the methods plus the strict-kex marker. */
    static List<String> serverKex() {
        List<String> l = new ArrayList<>(KEX);
        l.add(STRICT_KEX_S);
        return l;
    }

    static Negotiated negotiate(KexInit client, List<String> serverHostKeys) throws SshProtocolException {
        String kex = choose("key exchange", client.kex(), KEX);
        String hostKey = choose("host key", client.hostKey(), serverHostKeys);
        String encC = choose("cipher (client to server)", client.cipherC2s(), CIPHERS);
        String encS = choose("cipher (server to client)", client.cipherS2c(), CIPHERS);
        // AEAD ciphers carry their own integrity: no MAC is negotiated for them (as OpenSSH)
        String macC = isAead(encC) ? "" : choose("MAC (client to server)", client.macC2s(), MACS);
        String macS = isAead(encS) ? "" : choose("MAC (server to client)", client.macS2c(), MACS);
        choose("compression (client to server)", client.compressionC2s(), COMPRESSION);
        choose("compression (server to client)", client.compressionS2c(), COMPRESSION);
        return new Negotiated(kex, hostKey, encC, encS, macC, macS);
    }

    static boolean isAead(String cipher) {
        return cipher.equals(ChaChaPolyCipher.NAME) || cipher.equals(AesGcmCipher.AES128) || cipher.equals(AesGcmCipher.AES256);
    }

    static int keyLength(String cipher) {
        switch (cipher) {
            case ChaChaPolyCipher.NAME:
                return ChaChaPolyCipher.KEY_LENGTH;
            case AesGcmCipher.AES128:
            case AesCtrEtmCipher.AES128_CTR:
                return 16;
            default:
                return 32;
        }
    }

    static int ivLength(String cipher) {
        switch (cipher) {
            case ChaChaPolyCipher.NAME:
                return 0;
            case AesGcmCipher.AES128:
            case AesGcmCipher.AES256:
                return AesGcmCipher.IV_LENGTH;
            default:
                return 16;
        }
    }

    /** Whether the client's guessed first kex packet matches (RFC 4253 7: first entries agree). */
    static boolean guessRight(KexInit client, Negotiated n) {
        return !client.kex().isEmpty() && !client.hostKey().isEmpty() && client.kex().get(0).equals(n.kex())
                && client.hostKey().get(0).equals(n.hostKey());
    }

    private static String choose(String what, List<String> client, List<String> server) throws SshProtocolException {
        for (String c : client) {
            if (server.contains(c)) {
                return c;
            }
        }
        throw new SshProtocolException(SshDisconnect.KEY_EXCHANGE_FAILED,
                "no matching " + what + " algorithm: client offers " + client + ", server supports " + server);
    }
}
