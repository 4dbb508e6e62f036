package org.lightwire.it.ssh;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A deliberately small SSH-2 client transport for hostile-input tests: it speaks just enough
 * (version exchange, KEXINIT, curve25519-sha256 with the JDK's XDH, RFC 4253 7.2 key
 * derivation, aes128-ctr with hmac-sha2-256-etm@openssh.com, ssh-ed25519 publickey auth) to
 * reach the point where a test misbehaves on purpose, and it lets the test write any bytes
 * raw or inside a correctly (or incorrectly) protected packet. Received packets are always
 * MAC-checked and decrypted, so a DISCONNECT after the key exchange is read as the server
 * meant it. Only strict enough for a test: the server's host key signature is not verified.
 */
final class SshHostilePeer implements AutoCloseable {

    static final String VERSION = "SSH-2.0-LightwireHostileIT_1.0";
    static final int DISCONNECT = 1, IGNORE = 2, UNIMPLEMENTED = 3, DEBUG = 4, SERVICE_REQUEST = 5,
            SERVICE_ACCEPT = 6, EXT_INFO = 7, KEXINIT = 20, NEWKEYS = 21, KEX_ECDH_INIT = 30, KEX_ECDH_REPLY = 31,
            USERAUTH_REQUEST = 50, USERAUTH_FAILURE = 51, USERAUTH_SUCCESS = 52, USERAUTH_BANNER = 53,
            GLOBAL_REQUEST = 80, REQUEST_FAILURE = 82, CHANNEL_OPEN = 90, CHANNEL_OPEN_CONFIRMATION = 91,
            CHANNEL_WINDOW_ADJUST = 93, CHANNEL_DATA = 94, CHANNEL_REQUEST = 98, CHANNEL_SUCCESS = 99;
    private static final int MAC_LENGTH = 32;
    /** X.509 SubjectPublicKeyInfo prefix of an X25519 key: the raw 32 bytes follow. */
    private static final byte[] X25519_SPKI = hex("302a300506032b656e032100");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The server closed the TCP connection (EOF or reset) before the expected packet. */
    static final class ClosedException extends IOException {
        ClosedException(String what) {
            super(what);
        }
    }

    /** A received packet: its message type and whole payload (type byte included). */
    record Packet(int type, byte[] payload) {
        Reader reader() {
            Reader r = new Reader(payload);
            r.u8();
            return r;
        }
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private String serverVersion;
    private byte[] serverKexInit;
    private byte[] sessionId;
    private Cipher encrypt;
    private Cipher decrypt;
    private Mac macOut;
    private Mac macIn;
    private int seqOut;
    private int seqIn;

    private SshHostilePeer(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        this.out = socket.getOutputStream();
    }

    /** Connects to 127.0.0.1:port; every read gives up after 20 s so a silent server fails the test. */
    static SshHostilePeer connect(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        s.setSoTimeout(20_000);
        s.setTcpNoDelay(true);
        return new SshHostilePeer(s);
    }

    /** Sequence number the next packet we send will carry (RFC 4253 6.4). */
    int nextSeq() {
        return seqOut;
    }

    // ---- steps towards the point of attack ---------------------------------------------------

    void writeRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Sends our identification line and reads the server's (skipping any lines before it). */
    void exchangeVersions() throws IOException {
        writeRaw((VERSION + "\r\n").getBytes(StandardCharsets.US_ASCII));
        serverVersion = readServerVersion();
    }

    /** Reads the server's identification line without CR LF. */
    String readServerVersion() throws IOException {
        while (true) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) {
                    throw new ClosedException("connection closed during the version exchange");
                }
                line.write(b);
            }
            String s = line.toString(StandardCharsets.US_ASCII);
            if (s.endsWith("\r")) {
                s = s.substring(0, s.length() - 1);
            }
            if (s.startsWith("SSH-")) {
                return s;
            }
        }
    }

    /** Our KEXINIT: one algorithm per category, so negotiation has exactly one outcome. */
    byte[] sendKexInit() throws IOException {
        byte[] cookie = new byte[16];
        RANDOM.nextBytes(cookie);
        Writer w = new Writer().u8(KEXINIT).raw(cookie).string("curve25519-sha256").string("ssh-ed25519,rsa-sha2-512,rsa-sha2-256")
                .string("aes128-ctr").string("aes128-ctr").string("hmac-sha2-256-etm@openssh.com")
                .string("hmac-sha2-256-etm@openssh.com").string("none").string("none").string("").string("")
                .bool(false).u32(0);
        byte[] payload = w.bytes();
        send(payload);
        return payload;
    }

    /** Reads the server's KEXINIT (it sends it right after its version line). */
    void readServerKexInit() throws IOException {
        serverKexInit = expect(KEXINIT).payload();
    }

    /**
     * The whole curve25519-sha256 exchange after the versions: KEXINITs, ECDH, NEWKEYS both
     * ways; afterwards both directions are protected.
     */
    void keyExchange() throws IOException, GeneralSecurityException {
        byte[] clientKexInit = sendKexInit();
        readServerKexInit();
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("X25519");
        KeyPair eph = kpg.generateKeyPair();
        byte[] qc = rawX25519(eph.getPublic());
        send(new Writer().u8(KEX_ECDH_INIT).string(qc).bytes());
        Reader reply = expect(KEX_ECDH_REPLY).reader();
        byte[] hostKey = reply.string();
        byte[] qs = reply.string();
        reply.string(); // signature over H: not verified, a wrong H shows up as a MAC failure anyway
        PublicKey serverPublic = KeyFactory.getInstance("X25519").generatePublic(new X509EncodedKeySpec(concat(X25519_SPKI, qs)));
        KeyAgreement ka = KeyAgreement.getInstance("XDH");
        ka.init(eph.getPrivate());
        ka.doPhase(serverPublic, true);
        byte[] k = new Writer().mpint(ka.generateSecret()).bytes();
        byte[] h = sha256(new Writer().string(VERSION).string(serverVersion).string(clientKexInit).string(serverKexInit)
                .string(hostKey).string(qc).string(qs).raw(k).bytes());
        sessionId = h;
        expect(NEWKEYS);
        send(new Writer().u8(NEWKEYS).bytes());
        encrypt = Cipher.getInstance("AES/CTR/NoPadding");
        encrypt.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(derive(k, h, 'C', 16), "AES"), new IvParameterSpec(derive(k, h, 'A', 16)));
        macOut = Mac.getInstance("HmacSHA256");
        macOut.init(new SecretKeySpec(derive(k, h, 'E', 32), "HmacSHA256"));
        decrypt = Cipher.getInstance("AES/CTR/NoPadding");
        decrypt.init(Cipher.DECRYPT_MODE, new SecretKeySpec(derive(k, h, 'D', 16), "AES"), new IvParameterSpec(derive(k, h, 'B', 16)));
        macIn = Mac.getInstance("HmacSHA256");
        macIn.init(new SecretKeySpec(derive(k, h, 'F', 32), "HmacSHA256"));
    }

    /** Version exchange plus key exchange: the state right after NEWKEYS. */
    static SshHostilePeer afterKex(int port) throws IOException, GeneralSecurityException {
        SshHostilePeer p = connect(port);
        try {
            p.exchangeVersions();
            p.keyExchange();
            return p;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            p.close();
            throw e;
        }
    }

    /** SERVICE_REQUEST ssh-userauth and its SERVICE_ACCEPT. */
    void requestUserAuth() throws IOException {
        send(new Writer().u8(SERVICE_REQUEST).string("ssh-userauth").bytes());
        expect(SERVICE_ACCEPT);
    }

    /** One publickey request for {@code user} with {@code key}: signed (a real attempt) or a query. */
    void sendPublickey(String user, Ed25519Key key, boolean signed) throws IOException, GeneralSecurityException {
        Writer w = new Writer().u8(USERAUTH_REQUEST).string(user).string("ssh-connection").string("publickey").bool(signed)
                .string("ssh-ed25519").string(key.blob());
        if (signed) {
            byte[] data = concat(new Writer().string(sessionId).bytes(), w.bytes());
            w.string(new Writer().string("ssh-ed25519").string(key.sign(data)).bytes());
        }
        send(w.bytes());
    }

    /** A "none" request (RFC 4252 5.2: the client asks which methods may continue). */
    void sendNone(String user) throws IOException {
        send(new Writer().u8(USERAUTH_REQUEST).string(user).string("ssh-connection").string("none").bytes());
    }

    /** Authenticates as {@code user} with {@code key}; fails the test unless USERAUTH_SUCCESS comes. */
    void authenticate(String user, Ed25519Key key) throws IOException, GeneralSecurityException {
        requestUserAuth();
        sendPublickey(user, key, true);
        Packet p = next();
        if (p.type() != USERAUTH_SUCCESS) {
            throw new AssertionError("publickey authentication of " + user + " answered with message " + p.type());
        }
    }

    // ---- packets -----------------------------------------------------------------------------

    /** Sends one correctly protected packet. */
    void send(byte[] payload) throws IOException {
        writeRaw(seal(payload, false));
    }

    /** Sends one packet whose MAC has one bit flipped. */
    void sendWithBadMac(byte[] payload) throws IOException {
        if (macOut == null) {
            throw new IllegalStateException("no MAC before the key exchange");
        }
        writeRaw(seal(payload, true));
    }

    private byte[] seal(byte[] payload, boolean corruptMac) throws IOException {
        boolean keyed = encrypt != null;
        int block = keyed ? 16 : 8;
        // etm: the length is outside the encrypted part, so only padding_length..padding aligns
        int unpadded = keyed ? 1 + payload.length : 4 + 1 + payload.length;
        int pad = block - unpadded % block;
        if (pad < 4) {
            pad += block;
        }
        int packetLength = 1 + payload.length + pad;
        byte[] body = new byte[packetLength];
        body[0] = (byte) pad;
        System.arraycopy(payload, 0, body, 1, payload.length);
        byte[] padding = new byte[pad];
        RANDOM.nextBytes(padding);
        System.arraycopy(padding, 0, body, 1 + payload.length, pad);
        byte[] len = u32(packetLength);
        int seq = seqOut++;
        if (!keyed) {
            return concat(len, body);
        }
        byte[] cipherText = encrypt.update(body);
        macOut.update(u32(seq));
        macOut.update(len);
        macOut.update(cipherText);
        byte[] mac = macOut.doFinal();
        if (corruptMac) {
            mac[MAC_LENGTH / 2] ^= 0x01;
        }
        return concat(concat(len, cipherText), mac);
    }

    /** The next packet, MAC-checked and decrypted; {@link ClosedException} at EOF or reset. */
    Packet next() throws IOException {
        int length;
        byte[] len = new byte[4];
        readFully(len, "a packet length");
        length = ByteBuffer.wrap(len).getInt();
        if (length < 5 || length > 256 * 1024) {
            throw new IOException("server sent packet length " + Integer.toUnsignedString(length));
        }
        byte[] body = new byte[length];
        readFully(body, "a packet of " + length + " bytes");
        int seq = seqIn++;
        if (decrypt != null) {
            byte[] mac = new byte[MAC_LENGTH];
            readFully(mac, "a MAC");
            macIn.update(u32(seq));
            macIn.update(len);
            macIn.update(body);
            if (!MessageDigest.isEqual(mac, macIn.doFinal())) {
                throw new IOException("bad MAC on the server's packet " + seq + ": key derivation disagrees");
            }
            body = decrypt.update(body);
        }
        int pad = body[0] & 0xff;
        byte[] payload = Arrays.copyOfRange(body, 1, length - pad);
        return new Packet(payload[0] & 0xff, payload);
    }

    /** Reads packets until one of {@code type}, skipping IGNORE, DEBUG, EXT_INFO and BANNER. */
    Packet expect(int type) throws IOException {
        while (true) {
            Packet p = next();
            if (p.type() == type) {
                return p;
            }
            if (p.type() == IGNORE || p.type() == DEBUG || p.type() == EXT_INFO || p.type() == USERAUTH_BANNER) {
                continue;
            }
            if (p.type() == DISCONNECT) {
                Reader r = p.reader();
                throw new AssertionError("expected message " + type + ", the server disconnected with reason " + r.u32() + ": "
                        + r.utf8());
            }
            throw new AssertionError("expected message " + type + ", got " + p.type());
        }
    }

    /** Reads until DISCONNECT, skipping the harmless messages; its reason code and description. */
    Disconnect expectDisconnect() throws IOException {
        Packet p;
        do {
            p = next();
        } while (p.type() == IGNORE || p.type() == DEBUG || p.type() == EXT_INFO || p.type() == USERAUTH_BANNER
                || p.type() == KEXINIT || p.type() == CHANNEL_WINDOW_ADJUST);
        if (p.type() != DISCONNECT) {
            throw new AssertionError("expected DISCONNECT, got message " + p.type());
        }
        Reader r = p.reader();
        return new Disconnect(r.u32(), r.utf8());
    }

    /** A received SSH_MSG_DISCONNECT. */
    record Disconnect(int reason, String description) {
    }

    /** True if the server closes the connection (EOF or reset) within the read timeout. */
    boolean serverCloses() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true; // a reset is a close too
        }
    }

    private void readFully(byte[] b, String what) throws IOException {
        try {
            in.readFully(b);
        } catch (EOFException e) {
            throw new ClosedException("connection closed while reading " + what);
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException reset) {
            throw new ClosedException("connection reset while reading " + what + ": " + reset.getMessage());
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    // ---- crypto helpers ---------------------------------------------------------------------

    /** RFC 4253 7.2: HASH(K || H || letter || session_id), extended while too short. */
    private byte[] derive(byte[] k, byte[] h, char letter, int length) {
        byte[] outKey = sha256(concat(concat(k, h), concat(new byte[] {(byte) letter}, sessionId)));
        while (outKey.length < length) {
            outKey = concat(outKey, sha256(concat(concat(k, h), outKey)));
        }
        return Arrays.copyOf(outKey, length);
    }

    private static byte[] rawX25519(PublicKey key) {
        byte[] enc = key.getEncoded();
        return Arrays.copyOfRange(enc, enc.length - 32, enc.length);
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    static byte[] u32(int v) {
        return ByteBuffer.allocate(4).putInt(v).array();
    }

    private static byte[] hex(String s) {
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    // ---- the SSH wire encoding (RFC 4251 5) -------------------------------------------------------

    /** Builds a payload. */
    static final class Writer {
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();

        Writer u8(int v) {
            buf.write(v);
            return this;
        }

        Writer bool(boolean v) {
            return u8(v ? 1 : 0);
        }

        Writer u32(int v) {
            buf.writeBytes(SshHostilePeer.u32(v));
            return this;
        }

        Writer raw(byte[] b) {
            buf.writeBytes(b);
            return this;
        }

        Writer string(byte[] b) {
            return u32(b.length).raw(b);
        }

        Writer string(String s) {
            return string(s.getBytes(StandardCharsets.UTF_8));
        }

        /** An unsigned big-endian magnitude as an mpint (no leading zeros, a 0 byte if the top bit is set). */
        Writer mpint(byte[] magnitude) {
            byte[] m = new BigInteger(1, magnitude).toByteArray();
            if (m.length == 1 && m[0] == 0) {
                m = new byte[0];
            }
            return string(m);
        }

        byte[] bytes() {
            return buf.toByteArray();
        }
    }

    /** Reads a payload. */
    static final class Reader {
        private final ByteBuffer b;

        Reader(byte[] payload) {
            b = ByteBuffer.wrap(payload);
        }

        int u8() {
            return b.get() & 0xff;
        }

        int u32() {
            return b.getInt();
        }

        byte[] string() {
            byte[] s = new byte[b.getInt()];
            b.get(s);
            return s;
        }

        String utf8() {
            return new String(string(), StandardCharsets.UTF_8);
        }
    }

    static String base64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    /** A JDK Ed25519 key pair for publickey auth, written as an OpenSSH public key line. */
    record Ed25519Key(KeyPair pair) {
        static Ed25519Key generate() throws GeneralSecurityException {
            return new Ed25519Key(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        }

        /** The ssh-ed25519 key blob: string "ssh-ed25519", string raw 32-byte key (RFC 8709 4). */
        byte[] blob() {
            byte[] enc = pair.getPublic().getEncoded(); // SubjectPublicKeyInfo: the raw key is the last 32 bytes
            return new Writer().string("ssh-ed25519").string(Arrays.copyOfRange(enc, enc.length - 32, enc.length)).bytes();
        }

        String publicLine(String comment) {
            return "ssh-ed25519 " + base64(blob()) + " " + comment;
        }

        byte[] sign(byte[] data) throws GeneralSecurityException {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(pair.getPrivate());
            s.update(data);
            return s.sign();
        }
    }
}
