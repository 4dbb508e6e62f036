package org.lightwire.ssh.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lightwire.api.crypto.CipherDirection;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.api.crypto.Hash;
import org.lightwire.api.crypto.HashAlgorithm;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.KeyType;
import org.lightwire.api.crypto.OkpCurve;
import org.lightwire.api.crypto.RsaSignatureScheme;
import org.lightwire.core.embedded.EmbeddedConnection;
import org.lightwire.ssh.keys.SshPublicKey;

/**
 * A minimal scripted SSH client for the tests: its own packet framing, key exchange and
 * exchange-hash computation (so the server's are checked against an independent one), and
 * helpers for auth and channels. Talks to the server through core's in-memory harness.
 */
final class SshTestClient {
    static final String VERSION = "SSH-2.0-LightwireTestClient_1.0";

    final EmbeddedConnection conn;
    final CryptoBackend crypto;
    private final SecureRandom random = new SecureRandom();
    private byte[] rx = new byte[0];
    private int rxPos;
    private PacketCipher inCipher = PacketCipher.NONE;
    private PacketCipher outCipher = PacketCipher.NONE;
    int inSeq;
    int outSeq;
    byte[] serverVersion;
    byte[] serverKexInitPayload;
    KexInit serverKexInit;
    byte[] sessionId;
    byte[] hostKeyBlob;
    byte[] extInfo;
    boolean versionSent;

    /** What the client offers in its KEXINIT. */
    record Offer(String kex, String hostKey, String cipher, String mac, boolean strict, boolean extInfo) {
        static Offer of(String cipher, String hostKey) {
            return new Offer(Algorithms.CURVE25519, hostKey, cipher, AesCtrEtmCipher.HMAC_SHA256_ETM, true, true);
        }
    }

    SshTestClient(EmbeddedConnection conn, CryptoBackend crypto) {
        this.conn = conn;
        this.crypto = crypto;
    }

    // ---- raw bytes ------------------------------------------------------------------------

    /** Deliver everything one byte per receive event (truncation at every offset). */
    boolean dribble;

    void sendRaw(byte[] b) {
        if (dribble) {
            for (byte x : b) {
                conn.writeInbound(new byte[] {x});
            }
        } else {
            conn.writeInbound(b);
        }
    }

    private void pull() {
        byte[] more = conn.readOutbound();
        if (more.length > 0) {
            byte[] all = Arrays.copyOf(Arrays.copyOfRange(rx, rxPos, rx.length), rx.length - rxPos + more.length);
            System.arraycopy(more, 0, all, rx.length - rxPos, more.length);
            rx = all;
            rxPos = 0;
        }
    }

    void sendVersion() {
        sendRaw((VERSION + "\r\n").getBytes(StandardCharsets.US_ASCII));
        versionSent = true;
    }

    String readVersion() {
        pull();
        for (int i = rxPos; i < rx.length; i++) {
            if (rx[i] == '\n') {
                String line = new String(rx, rxPos, i - rxPos - 1, StandardCharsets.US_ASCII);
                assertEquals('\r', rx[i - 1], "version line ends with CR LF");
                rxPos = i + 1;
                serverVersion = line.getBytes(StandardCharsets.US_ASCII);
                return line;
            }
        }
        fail("no version line from the server");
        return null;
    }

    // ---- packets --------------------------------------------------------------------------

    /** Frames and seals a payload as the next packet, returning its bytes without sending. */
    byte[] frame(byte[] payload) {
        int block = outCipher.blockSize();
        int unpadded = outCipher.lengthOutside() ? 1 + payload.length : 5 + payload.length;
        int pad = block - unpadded % block;
        if (pad < 4) {
            pad += block;
        }
        int len = 1 + payload.length + pad;
        byte[] p = new byte[4 + len + outCipher.tagLength()];
        Bytes.putU32(p, 0, len);
        p[4] = (byte) pad;
        System.arraycopy(payload, 0, p, 5, payload.length);
        byte[] padding = new byte[pad];
        random.nextBytes(padding);
        System.arraycopy(padding, 0, p, 5 + payload.length, pad);
        outCipher.seal(p, 0, len, outSeq++);
        return p;
    }

    void send(byte[] payload) {
        sendRaw(frame(payload));
    }

    void send(PayloadWriter w) {
        send(w.toBytes());
    }

    /** The next packet from the server, or null if none is complete. */
    byte[] poll() {
        pull();
        if (rx.length - rxPos < 4) {
            return null;
        }
        int len;
        try {
            len = inCipher.packetLength(rx, rxPos, inSeq);
            if (rx.length - rxPos < 4 + len + inCipher.tagLength()) {
                return null;
            }
            inCipher.open(rx, rxPos, len, inSeq);
        } catch (SshProtocolException e) {
            throw new AssertionError("server packet failed to verify: " + e.getMessage());
        }
        inSeq++;
        int pad = rx[rxPos + 4] & 0xff;
        byte[] payload = Arrays.copyOfRange(rx, rxPos + 5, rxPos + 4 + len - pad);
        rxPos += 4 + len + inCipher.tagLength();
        return payload;
    }

    byte[] next() {
        byte[] p = poll();
        assertNotNull(p, "expected a packet from the server");
        return p;
    }

    /** The next packet, which must be of {@code type}; returns a reader past the type byte. */
    PayloadReader expect(int type) {
        byte[] p = next();
        if ((p[0] & 0xff) == Msg.DISCONNECT) {
            PayloadReader r = reader(p);
            fail("expected message " + type + ", server disconnected: " + uncheck(r::u32) + " " + uncheck(() -> r.utf8(10000)));
        }
        assertEquals(type, p[0] & 0xff, "message type");
        return reader(p);
    }

    /** Reads until the server's DISCONNECT and returns its reason; the connection must then be closed. */
    int expectDisconnect() {
        for (;;) {
            byte[] p = poll();
            if (p == null) {
                fail("connection ended without DISCONNECT; open=" + conn.isOpen());
            }
            if ((p[0] & 0xff) == Msg.DISCONNECT) {
                PayloadReader r = reader(p);
                int reason = uncheck(r::u32);
                assertFalse(conn.isOpen(), "connection closes after DISCONNECT");
                return reason;
            }
        }
    }

    /** No packet is waiting from the server. */
    void expectNothing() {
        assertEquals(null, poll(), "no packet expected");
    }

    static PayloadReader reader(byte[] p) {
        PayloadReader r = new PayloadReader().reset(p, 0, p.length);
        uncheck(r::u8);
        return r;
    }

    interface Io<T> {
        T get() throws SshProtocolException;
    }

    static <T> T uncheck(Io<T> f) {
        try {
            return f.get();
        } catch (SshProtocolException e) {
            throw new AssertionError(e.getMessage());
        }
    }

    static PayloadWriter msg(int type) {
        return new PayloadWriter(64).u8(type);
    }

    // ---- key exchange ---------------------------------------------------------------------

    /** Version exchange and the server's KEXINIT. */
    void hello() {
        sendVersion();
        readVersion();
        readServerKexInit();
    }

    void readServerKexInit() {
        byte[] p = next();
        assertEquals(Msg.KEXINIT, p[0] & 0xff);
        serverKexInitPayload = p;
        serverKexInit = uncheck(() -> KexInit.read(reader(p), p));
    }

    byte[] clientKexInit(Offer o) {
        List<String> kex = new ArrayList<>(List.of(o.kex()));
        if (o.strict()) {
            kex.add(Algorithms.STRICT_KEX_C);
        }
        if (o.extInfo()) {
            kex.add(Algorithms.EXT_INFO_C);
        }
        byte[] cookie = new byte[16];
        random.nextBytes(cookie);
        return KexInit.write(new PayloadWriter(256), cookie, kex, List.of(o.hostKey()), List.of(o.cipher()), List.of(o.mac()),
                List.of("none"));
    }

    /** A whole key exchange (first or re-key; the server's KEXINIT must have been read). */
    void kex(Offer o) {
        byte[] ci = clientKexInit(o);
        send(ci);
        finishKex(o, ci);
    }

    void finishKex(Offer o, byte[] ci) {
        KeyElements eph = crypto.x25519().generate();
        byte[] qc = eph.element(KeyElements.OKP_X);
        send(msg(Msg.KEX_ECDH_INIT).string(qc));
        PayloadReader r = expect(Msg.KEX_ECDH_REPLY);
        byte[] ks = uncheck(r::string);
        byte[] qs = uncheck(r::string);
        byte[] sig = uncheck(r::string);
        byte[] secret = crypto.x25519().agree(eph, KeyElements.okp(OkpCurve.X25519, qs, null));
        PayloadWriter hw = new PayloadWriter(1024).string(VERSION.getBytes(StandardCharsets.US_ASCII)).string(serverVersion)
                .string(ci).string(serverKexInitPayload).string(ks).string(qc).string(qs).mpint(secret);
        Hash hash = crypto.hash(HashAlgorithm.SHA_256);
        hash.update(hw.toBytes());
        byte[] h = hash.digest();
        assertTrue(verifyHostSignature(o.hostKey(), ks, sig, h), "host key signature over the exchange hash verifies");
        hostKeyBlob = ks;
        if (sessionId == null) {
            sessionId = h;
        }
        byte[] k = new PayloadWriter(40).mpint(secret).toBytes();
        PacketCipher in = KeyExchange.cipher(crypto, CipherDirection.DECRYPT, o.cipher(), o.mac(), k, h, sessionId, 'B', 'D', 'F');
        PacketCipher out = KeyExchange.cipher(crypto, CipherDirection.ENCRYPT, o.cipher(), o.mac(), k, h, sessionId, 'A', 'C', 'E');
        expect(Msg.NEWKEYS);
        inCipher = in;
        if (o.strict()) {
            inSeq = 0;
        }
        send(msg(Msg.NEWKEYS));
        outCipher = out;
        if (o.strict()) {
            outSeq = 0;
        }
    }

    boolean verifyHostSignature(String alg, byte[] ks, byte[] sigBlob, byte[] h) {
        PayloadReader r = new PayloadReader().reset(sigBlob, 0, sigBlob.length);
        String name = uncheck(() -> r.ascii(64));
        byte[] sig = uncheck(r::string);
        assertEquals(alg, name, "signature algorithm");
        KeyElements key;
        try {
            key = new SshPublicKey(alg.equals(Algorithms.SSH_ED25519) ? SshPublicKey.ED25519 : SshPublicKey.RSA, ks).toKeyElements();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        if (alg.equals(Algorithms.SSH_ED25519)) {
            return crypto.ed25519().verify(key, h, sig);
        }
        return crypto.rsa().verify(RsaSignatureScheme.PKCS1_V1_5, HostKey.rsaHash(alg), key, h, sig);
    }

    /** hello + kex + (if offered) the EXT_INFO that follows. */
    void connect(Offer o) {
        hello();
        kex(o);
        if (o.extInfo()) {
            PayloadReader r = expect(Msg.EXT_INFO);
            extInfo = r.array().clone();
        }
    }

    // ---- auth -----------------------------------------------------------------------------

    void requestUserAuth() {
        send(msg(Msg.SERVICE_REQUEST).string("ssh-userauth"));
        PayloadReader r = expect(Msg.SERVICE_ACCEPT);
        assertEquals("ssh-userauth", uncheck(() -> r.ascii(64)));
    }

    static String algFor(KeyElements key) {
        return key.type() == KeyType.RSA ? Algorithms.RSA_SHA2_512 : Algorithms.SSH_ED25519;
    }

    /** A signed publickey request for {@code user}. */
    byte[] publickeyRequest(String user, KeyElements key, String alg) {
        byte[] blob = SshPublicKey.of(key).blob();
        PayloadWriter signed = new PayloadWriter(512).string(sessionId).u8(Msg.USERAUTH_REQUEST).string(user).string("ssh-connection")
                .string("publickey").bool(true).string(alg).string(blob);
        byte[] sig = alg.equals(Algorithms.SSH_ED25519) ? crypto.ed25519().sign(key, signed.toBytes())
                : crypto.rsa().sign(RsaSignatureScheme.PKCS1_V1_5, HostKey.rsaHash(alg), key, signed.toBytes());
        byte[] sigBlob = new PayloadWriter(512).string(alg).string(sig).toBytes();
        return msg(Msg.USERAUTH_REQUEST).string(user).string("ssh-connection").string("publickey").bool(true).string(alg)
                .string(blob).string(sigBlob).toBytes();
    }

    /** Next packet skipping a banner. */
    byte[] nextSkippingBanner() {
        byte[] p = next();
        return (p[0] & 0xff) == Msg.USERAUTH_BANNER ? next() : p;
    }

    void login(String user, KeyElements key) {
        requestUserAuth();
        send(publickeyRequest(user, key, algFor(key)));
        byte[] p = nextSkippingBanner();
        assertEquals(Msg.USERAUTH_SUCCESS, p[0] & 0xff, "publickey authentication succeeds");
    }

    // ---- channels -------------------------------------------------------------------------

    /** Opens a session channel with client id {@code id}; returns the server's channel number. */
    int openSession(int id, int window, int maxPacket) {
        send(msg(Msg.CHANNEL_OPEN).string("session").u32(id).u32(window).u32(maxPacket));
        PayloadReader r = expect(Msg.CHANNEL_OPEN_CONFIRMATION);
        assertEquals(id, (int) uncheck(r::u32));
        return uncheck(r::u32);
    }

    /** What a command produced. */
    static final class Result {
        final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Integer exitStatus;
        String exitSignal;
        boolean eof;
        boolean closed;

        String out() {
            return stdout.toString(StandardCharsets.UTF_8);
        }
    }

    /** Reads channel traffic until the server closes the channel, answering its CLOSE. */
    Result collect(int serverChannel, int window) {
        Result res = new Result();
        long granted = window;
        while (!res.closed) {
            byte[] p = next();
            PayloadReader r = reader(p);
            switch (p[0] & 0xff) {
                case Msg.CHANNEL_DATA: {
                    uncheck(r::u32);
                    byte[] d = uncheck(r::string);
                    res.stdout.writeBytes(d);
                    granted -= d.length;
                    assertTrue(granted >= 0, "server respects the window");
                    if (granted < window / 2) {
                        send(msg(Msg.CHANNEL_WINDOW_ADJUST).u32(serverChannel).u32((int) (window - granted)));
                        granted = window;
                    }
                    break;
                }
                case Msg.CHANNEL_EXTENDED_DATA: {
                    uncheck(r::u32);
                    assertEquals(1, (int) uncheck(r::u32));
                    byte[] d = uncheck(r::string);
                    res.stderr.writeBytes(d);
                    granted -= d.length;
                    break;
                }
                case Msg.CHANNEL_REQUEST: {
                    uncheck(r::u32);
                    String type = uncheck(() -> r.ascii(64));
                    assertFalse(uncheck(r::bool), "exit requests want no reply");
                    if (type.equals("exit-status")) {
                        res.exitStatus = uncheck(r::u32);
                    } else if (type.equals("exit-signal")) {
                        res.exitSignal = uncheck(() -> r.ascii(64));
                    }
                    break;
                }
                case Msg.CHANNEL_EOF:
                    res.eof = true;
                    break;
                case Msg.CHANNEL_CLOSE:
                    res.closed = true;
                    send(msg(Msg.CHANNEL_CLOSE).u32(serverChannel));
                    break;
                case Msg.CHANNEL_SUCCESS:
                case Msg.CHANNEL_WINDOW_ADJUST:
                    break;
                default:
                    fail("unexpected message " + (p[0] & 0xff) + " on a channel");
            }
        }
        return res;
    }

    Result exec(String command) {
        int ch = openSession(7, 1 << 20, 32768);
        send(msg(Msg.CHANNEL_REQUEST).u32(ch).string("exec").bool(true).string(command));
        return collect(ch, 1 << 20);
    }
}
