package org.lightwire.ssh.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lightwire.api.Connection;
import org.lightwire.api.Timer;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.api.raw.RawSession;
import org.lightwire.ssh.SshDisconnect;
import org.lightwire.ssh.SshOps;

/**
 * One SSH server connection (lws {@code struct per_session_data__sshd}): the transport
 * protocol of RFC 4253 — version exchange, binary packets, key exchange and re-keying with
 * OpenSSH's strict-kex rules — dispatching to {@link UserAuth} and {@link ConnectionService}.
 *
 * <p>Every protocol violation ends in {@link #disconnect} with its RFC 4253 11.1 reason: the
 * DISCONNECT goes out, no further input is read, and the connection closes once it has been
 * written. Other connections are not affected.
 *
 * <p>Output discipline: messages are encrypted into {@link PacketCodec}'s output buffer when
 * produced and written in one {@link Connection#write} per writeable event. Channel output is
 * pulled from the ops only in the writeable event and only while the buffer is small, so a
 * slow client slows the ops down instead of growing memory. While our KEXINIT is outstanding
 * only transport and kex messages are sent; others wait (RFC 4253 7.1).
 */
final class SshServerSession implements RawSession {
    private static final Logger LOG = System.getLogger("org.lightwire.ssh");
    /** RFC 4253 4.2: the identification line is at most 255 bytes including CR LF. */
    static final int MAX_VERSION_LINE = 255;
    /** Output queued beyond this pauses reading until it has been written. */
    static final int OUTPUT_HIGH_WATER = 256 * 1024;

    private enum Phase { VERSION, PACKETS, CLOSING }

    private final Connection connection;
    private final SshBaseProtocol protocol;
    final SshOps ops;
    final CryptoBackend crypto;
    final SshLimits limits;
    final List<HostKey> hostKeys;
    final PacketCodec codec;
    final PayloadWriter writer = new PayloadWriter(1024);
    private final PayloadReader reader = new PayloadReader();
    private final byte[] serverVersion;
    private byte[] clientVersion;
    private Phase phase = Phase.VERSION;
    private boolean closeWhenFlushed;
    private boolean rxPausedForOutput;

    // key exchange state
    private byte[] serverKexInit;
    private KexInit clientKexInit;
    private Algorithms.Negotiated negotiated;
    private KeyExchange.Result pendingKeys;
    private boolean kexInProgress;
    private boolean awaitingNewKeys;
    private boolean ignoreGuessedPacket;
    private boolean initialKexDone;
    private boolean strictKex;
    private boolean extInfo;
    private byte[] sessionId;
    private long kexStartedMicros;
    private final List<byte[]> deferred = new ArrayList<>();

    private boolean serviceUserAuth;
    final UserAuth auth;
    final ConnectionService channels;
    private Timer timer;
    private boolean inputHeld;

    SshServerSession(Connection connection, SshBaseProtocol protocol, SshOps ops, CryptoBackend crypto, SshLimits limits,
            List<HostKey> hostKeys) {
        this.connection = connection;
        this.protocol = protocol;
        this.ops = ops;
        this.crypto = crypto;
        this.limits = limits;
        this.hostKeys = hostKeys;
        this.codec = new PacketCodec(limits.maxPacket(), crypto.secureRandom());
        this.serverVersion = KeyExchange.ascii(ops.serverString());
        this.auth = new UserAuth(this);
        this.channels = new ConnectionService(this);
    }

    Connection connection() {
        return connection;
    }

    byte[] sessionId() {
        return sessionId;
    }

    /** Runs {@code task} on the connection's loop (now if already there). */
    void onLoop(Runnable task) {
        if (connection.loop().inLoop()) {
            task.run();
        } else {
            connection.loop().execute(task);
        }
    }

    long nowMicros() {
        return connection.loop().scheduler().nowMicros();
    }

    /** One timer for this connection's delayed work (auth failure pacing). */
    Timer timer(Runnable action) {
        if (timer != null) {
            timer.cancel();
        }
        timer = connection.loop().scheduler().newTimer(action);
        return timer;
    }

    // ---- RawSession ---------------------------------------------------------------------

    @Override
    public void opened(Connection c) {
        c.setTimeout(Connection.TimeoutReason.USER, limits.loginGraceSecs());
        codec.queueRaw(KeyExchange.ascii(ops.serverString() + "\r\n"));
        // our KEXINIT goes with the version line: saves a round trip
        startKex();
        c.requestWriteable();
    }

    @Override
    public void received(Connection c, ByteBuffer data) {
        if (phase == Phase.CLOSING) {
            return;
        }
        codec.feed(data);
        process();
    }

    /** Handles what has been received, unless input is held (auth pacing) or closing. */
    void process() {
        try {
            if (phase == Phase.VERSION && !readVersion()) {
                return;
            }
            while (phase == Phase.PACKETS && !inputHeld && codec.next()) {
                dispatch();
            }
            checkRekey();
        } catch (SshProtocolException e) {
            disconnect(e.reason(), e.getMessage());
        }
        if (codec.queued() > OUTPUT_HIGH_WATER && !rxPausedForOutput && phase != Phase.CLOSING) {
            rxPausedForOutput = true;
            connection.rxFlowControl(false);
        }
    }

    /** Stops (or resumes and catches up with) input processing; used by auth pacing. */
    void holdInput(boolean hold) {
        inputHeld = hold;
        connection.rxFlowControl(!hold);
        if (!hold) {
            process();
        }
    }

    @Override
    public void writeable(Connection c) {
        if (closeWhenFlushed) {
            // the DISCONNECT has been written in the previous event and has gone
            c.close();
            return;
        }
        if (phase == Phase.PACKETS && !kexInProgress && auth.authenticated()) {
            try {
                channels.pullOutput();
            } catch (SshProtocolException e) {
                disconnect(e.reason(), e.getMessage());
            }
            checkRekey();
        }
        if (codec.queued() > 0) {
            c.write(codec.output());
            codec.clearOutput();
        }
        if (phase == Phase.CLOSING) {
            closeWhenFlushed = true;
            c.requestWriteable();
            return;
        }
        if (rxPausedForOutput) {
            rxPausedForOutput = false;
            if (!inputHeld) {
                c.rxFlowControl(true);
            }
        }
        if (!kexInProgress && auth.authenticated() && channels.wantsOutput()) {
            c.requestWriteable();
        }
    }

    @Override
    public void closed(Connection c) {
        phase = Phase.CLOSING;
        if (timer != null) {
            timer.cancel();
        }
        channels.destroyAll();
    }

    // ---- version exchange (RFC 4253 4.2) -----------------------------------------------

    private boolean readVersion() throws SshProtocolException {
        byte[] buf = codec.inArray();
        int start = codec.inStart();
        int n = codec.buffered();
        int lf = -1;
        for (int i = 0; i < Math.min(n, MAX_VERSION_LINE); i++) {
            if (buf[start + i] == '\n') {
                lf = i;
                break;
            }
        }
        if (lf < 0) {
            if (n >= MAX_VERSION_LINE) {
                throw new SshProtocolException(SshDisconnect.PROTOCOL_ERROR, "identification line longer than " + MAX_VERSION_LINE + " bytes");
            }
            return false;
        }
        int end = lf > 0 && buf[start + lf - 1] == '\r' ? lf - 1 : lf;
        byte[] line = Arrays.copyOfRange(buf, start, start + end);
        codec.consume(lf + 1);
        for (byte b : line) {
            if (b < 0x20 || b > 0x7e) {
                throw new SshProtocolException(SshDisconnect.PROTOCOL_ERROR, "identification line contains a control or non-ASCII byte");
            }
        }
        String v = new String(line, StandardCharsets.US_ASCII);
        if (!v.startsWith("SSH-")) {
            throw new SshProtocolException(SshDisconnect.PROTOCOL_ERROR, "not an SSH identification line");
        }
        if (!v.startsWith("SSH-2.0-") && !v.startsWith("SSH-1.99-")) {
            throw new SshProtocolException(SshDisconnect.PROTOCOL_VERSION_NOT_SUPPORTED, "protocol version not supported: " + v);
        }
        clientVersion = line;
        phase = Phase.PACKETS;
        return true;
    }

    // ---- packets -----------------------------------------------------------------------

    private void dispatch() throws SshProtocolException {
        byte[] buf = codec.inArray();
        int off = codec.payloadOffset();
        int len = codec.payloadLength();
        reader.reset(buf, off, len);
        int type = reader.u8();
        if (strictKex && !initialKexDone && !Msg.isKex(type) && type != Msg.DISCONNECT) {
            throw new SshProtocolException(SshDisconnect.PROTOCOL_ERROR, "strict KEX violation: message " + type + " during the initial key exchange");
        }
        if (kexInProgress && clientKexInit != null && !Msg.isKex(type) && !Msg.isTransportGeneric(type)) {
            // RFC 4253 7.1: after its KEXINIT the peer sends only kex messages until NEWKEYS
            throw new SshProtocolException(SshDisconnect.PROTOCOL_ERROR, "message " + type + " in the middle of a key exchange");
        }
        switch (type) {
            case Msg.DISCONNECT: {
                int reason = reader.u32();
                String desc = reader.utf8(limits.maxPacket());
                String lang = reader.remaining() >= 4 ? reader.ascii(256) : "";
                ops.disconnectReason(reason, desc, lang);
                LOG.log(Level.DEBUG, () -> "ssh " + peer() + ": client disconnected, reason " + reason + ": " + desc);
                phase = Phase.CLOSING;
                connection.close();
                return;
            }
            case Msg.IGNORE:
            case Msg.DEBUG:
            case Msg.UNIMPLEMENTED:
                return;
            case Msg.KEXINIT:
                onKexInit(Arrays.copyOfRange(buf, off, off + len));
                return;
            case Msg.KEX_ECDH_INIT:
                onEcdhInit();
                return;
            case Msg.NEWKEYS:
                onNewKeys();
                return;
            case Msg.SERVICE_REQUEST:
                onServiceRequest();
                return;
            default:
                break;
        }
        if (Msg.isKex(type)) {
            throw new SshProtocolException(SshDisconnect.PROTOCOL_ERROR, "unexpected key exchange message " + type);
        }
        if (!initialKexDone) {
            throw new SshProtocolException(SshDisconnect.PROTOCOL_ERROR, "message " + type + " before the key exchange completed");
        }
        if (type >= 50 && type <= 79) {
            if (!serviceUserAuth) {
                throw new SshProtocolException(SshDisconnect.PROTOCOL_ERROR, "authentication message before ssh-userauth was requested");
            }
            if (auth.handle(type, reader)) {
                return;
            }
        } else if (type >= 80 && type <= 127) {
            if (!auth.authenticated()) {
                throw new SshProtocolException(SshDisconnect.PROTOCOL_ERROR, "connection message " + type + " before authentication");
            }
            if (channels.handle(type, reader)) {
                return;
            }
        }
        // RFC 4253 11.4: anything not understood gets UNIMPLEMENTED with its sequence number
        send(writer.reset().u8(Msg.UNIMPLEMENTED).u32(codec.lastSeq()));
    }

    private void onServiceRequest() throws SshProtocolException {
        String name = reader.ascii(64);
        reader.end("SERVICE_REQUEST");
        if (!name.equals("ssh-userauth") || serviceUserAuth) {
            throw new SshProtocolException(SshDisconnect.SERVICE_NOT_AVAILABLE, "service '" + name + "' is not available");
        }
        serviceUserAuth = true;
        send(writer.reset().u8(Msg.SERVICE_ACCEPT).string(name));
    }

    /** Authentication succeeded: the login grace timeout no longer applies. */
    void authenticated() {
        connection.setTimeout(Connection.TimeoutReason.USER, 0);
        connection.confirmValidity();
    }

    // ---- key exchange -------------------------------------------------------------------

    private void startKex() {
        List<String> hostAlgs = new ArrayList<>();
        for (HostKey k : hostKeys) {
            hostAlgs.addAll(k.algorithms());
        }
        byte[] cookie = new byte[16];
        crypto.secureRandom().nextBytes(cookie);
        serverKexInit = KexInit.write(writer, cookie, initialKexDone ? Algorithms.KEX : Algorithms.serverKex(), hostAlgs,
                Algorithms.CIPHERS, Algorithms.MACS, Algorithms.COMPRESSION);
        kexInProgress = true;
        kexStartedMicros = nowMicros();
        codec.seal(serverKexInit, 0, serverKexInit.length);
        connection.requestWriteable();
    }

    private void onKexInit(byte[] payload) throws SshProtocolException {
        if (clientKexInit != null) {
            throw new SshProtocolException(SshDisconnect.PROTOCOL_ERROR, "second KEXINIT during a key exchange");
        }
        KexInit ci = KexInit.read(reader, payload);
        if (!initialKexDone) {
            strictKex = ci.kex().contains(Algorithms.STRICT_KEX_C);
            extInfo = ci.kex().contains(Algorithms.EXT_INFO_C);
            if (strictKex && codec.lastSeq() != 0) {
                throw new SshProtocolException(SshDisconnect.PROTOCOL_ERROR, "strict KEX violation: KEXINIT was not the first packet");
            }
        }
        if (!kexInProgress) {
            startKex(); // the client starts a re-key: answer with ours
        }
        clientKexInit = ci;
        List<String> hostAlgs = new ArrayList<>();
        for (HostKey k : hostKeys) {
            hostAlgs.addAll(k.algorithms());
        }
        negotiated = Algorithms.negotiate(ci, hostAlgs);
        ignoreGuessedPacket = ci.firstKexPacketFollows() && !Algorithms.guessRight(ci, negotiated);
    }

    private void onEcdhInit() throws SshProtocolException {
        if (clientKexInit == null || pendingKeys != null) {
            throw new SshProtocolException(SshDisconnect.PROTOCOL_ERROR, "KEX_ECDH_INIT outside a key exchange");
        }
        if (ignoreGuessedPacket) {
            ignoreGuessedPacket = false; // RFC 4253 7: a wrong guess is dropped
            return;
        }
        byte[] q = reader.string();
        reader.end("KEX_ECDH_INIT");
        HostKey key = hostKeyFor(negotiated.hostKey());
        pendingKeys = KeyExchange.answer(crypto, negotiated, key, clientVersion, serverVersion, clientKexInit.payload(),
                serverKexInit, q, sessionId, writer);
        if (sessionId == null) {
            sessionId = pendingKeys.exchangeHash();
        }
        byte[] reply = pendingKeys.reply();
        codec.seal(reply, 0, reply.length);
        writer.reset().u8(Msg.NEWKEYS);
        codec.seal(writer.array(), 0, writer.length());
        codec.outboundKeys(pendingKeys.outbound(), strictKex);
        awaitingNewKeys = true;
        if (!initialKexDone && extInfo) {
            sendExtInfo();
        }
        // our side of the exchange is done: what waited may go under the new keys
        for (byte[] d : deferred) {
            codec.seal(d, 0, d.length);
        }
        deferred.clear();
        connection.requestWriteable();
    }

    private void sendExtInfo() {
        List<String> algs = new ArrayList<>(List.of(Algorithms.SSH_ED25519, Algorithms.RSA_SHA2_256, Algorithms.RSA_SHA2_512));
        if (ops.allowSshRsa()) {
            algs.add(Algorithms.SSH_RSA);
        }
        writer.reset().u8(Msg.EXT_INFO).u32(1).string("server-sig-algs").string(String.join(",", algs));
        codec.seal(writer.array(), 0, writer.length());
    }

    private void onNewKeys() throws SshProtocolException {
        reader.end("NEWKEYS");
        if (!awaitingNewKeys) {
            throw new SshProtocolException(SshDisconnect.PROTOCOL_ERROR, "NEWKEYS before the key exchange reply");
        }
        codec.inboundKeys(pendingKeys.inbound(), strictKex);
        codec.resetKexCounters();
        awaitingNewKeys = false;
        pendingKeys = null;
        clientKexInit = null;
        kexInProgress = false;
        initialKexDone = true;
        kexStartedMicros = nowMicros();
        connection.requestWriteable();
    }

    private HostKey hostKeyFor(String algorithm) {
        for (HostKey k : hostKeys) {
            if (k.algorithms().contains(algorithm)) {
                return k;
            }
        }
        throw new IllegalStateException("negotiated host key algorithm " + algorithm + " has no key");
    }

    /** RFC 4344 3: re-key after the byte, packet or time limit, whichever comes first. */
    private void checkRekey() {
        if (phase != Phase.PACKETS || kexInProgress || !initialKexDone) {
            return;
        }
        if (codec.bytesSinceKex() >= limits.rekeyBytes() || codec.packetsSinceKex() >= limits.rekeyPackets()
                || nowMicros() - kexStartedMicros >= limits.rekeySecs() * 1_000_000L) {
            LOG.log(Level.DEBUG, () -> "ssh " + peer() + ": re-keying after " + codec.bytesSinceKex() + " bytes, "
                    + codec.packetsSinceKex() + " packets");
            startKex();
        }
    }

    boolean kexInProgress() {
        return kexInProgress;
    }

    // ---- output ---------------------------------------------------------------------------

    /** Sends the message in {@code w}, or keeps it until our key exchange is done. */
    void send(PayloadWriter w) {
        if (phase == Phase.CLOSING) {
            return;
        }
        int type = w.array()[0] & 0xff;
        if (kexInProgress && !awaitingNewKeys && !Msg.isKex(type) && !Msg.isTransportGeneric(type)) {
            deferred.add(w.toBytes());
            return;
        }
        codec.seal(w.array(), 0, w.length());
        connection.requestWriteable();
    }

    int queuedOutput() {
        return codec.queued();
    }

    /**
     * Ends the connection for {@code reason} (RFC 4253 11.1): the DISCONNECT is the last
     * message, input is ignored from now on and the connection closes once it is written.
     */
    void disconnect(int reason, String description) {
        if (phase == Phase.CLOSING) {
            return;
        }
        LOG.log(Level.INFO, () -> "ssh " + peer() + " on vhost " + connection.vhost().name() + ": disconnecting, reason "
                + reason + ": " + description);
        deferred.clear();
        writer.reset().u8(Msg.DISCONNECT).u32(reason).string(description).string("");
        codec.seal(writer.array(), 0, writer.length());
        phase = Phase.CLOSING;
        connection.requestWriteable();
    }

    String peer() {
        return connection.peerAddress().map(Object::toString).orElse("#" + connection.id());
    }
}
