package org.lightwire.it.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.lightwire.it.LauncherProcess;
import org.lightwire.it.Net;
import org.lightwire.it.ssh.SshHostilePeer.Disconnect;
import org.lightwire.it.ssh.SshHostilePeer.Ed25519Key;
import org.lightwire.it.ssh.SshHostilePeer.Packet;
import org.lightwire.it.ssh.SshHostilePeer.Writer;

/**
 * Issue 9 acceptance 4 over real sockets: one launcher runs lws-sshd-demo behind lws-ssh-base
 * on a raw vhost, hostile peers ({@link SshHostilePeer}) speak just enough SSH to reach each
 * point of attack — a bad identification line, an oversized packet length before and after
 * the key exchange, a bad MAC, unknown message types before the key exchange and after
 * authentication, authentication floods, channel data beyond the granted window — and each
 * gets its RFC 4253 11.1 DISCONNECT reason (read decrypted after the key exchange) and a
 * closed connection, or UNIMPLEMENTED where the RFC says the connection stays up. All the
 * while the real OpenSSH client runs {@code echo hi} in parallel and must keep succeeding,
 * and at the end the launcher holds as many sockets as before the attacks.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SshHostileIT {
    /** The auth limits this vhost sets (lws-ssh-base pvos), so the flood tests know what to expect. */
    private static final int AUTH_MAX_ATTEMPTS = 4;
    private static final int AUTH_FAILURE_DELAY_MS = 400;
    private static final int PROTOCOL_ERROR = 2;
    private static final int MAC_ERROR = 5;
    private static final int PROTOCOL_VERSION_NOT_SUPPORTED = 8;
    private static final int NO_MORE_AUTH_METHODS_AVAILABLE = 14;
    private static final int FLOOD = 20;

    @TempDir
    static Path tmp;
    private static LauncherProcess launcher;
    private static int port;
    private static Ed25519Key rawKey;
    private static long baselineSockets;
    private static SshHostileBystanders bystanders;

    @BeforeAll
    static void start() throws Exception {
        Path userKey = SshTestbed.keygen(tmp, "user_ed25519", "ed25519");
        rawKey = Ed25519Key.generate();
        Path rawKeyFile = tmp.resolve("raw_ed25519");
        Files.writeString(Path.of(rawKeyFile + ".pub"), rawKey.publicLine("hostile-it") + "\n");
        Path authorized = SshTestbed.authorizedKeys(tmp.resolve("authorized_keys"), userKey, rawKeyFile);
        port = Net.freePort();
        launcher = startWithLimits(tmp, port, tmp.resolve("hostkeys/ssh_host_ed25519_key"), authorized, userKey);
        baselineSockets = SshHostileSockets.settled(launcher.pid());
        bystanders = new SshHostileBystanders(port, userKey, 2);
    }

    /**
     * {@link SshTestbed#startWithDemo} with this test's auth limits on lws-ssh-base: the vhost
     * is the testbed's, with two pvos added.
     */
    private static LauncherProcess startWithLimits(Path dir, int port, Path hostKey, Path authorized, Path clientKey)
            throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        SshTestbed.deploy(SshTestbed.demoJar(), plugins);
        String vhost = SshTestbed.sshdVhost("sshd", port, List.of(hostKey), authorized).replace(
                "\"ops-from\": \"lws-sshd-demo\"", "\"ops-from\": \"lws-sshd-demo\", \"auth-max-attempts\": \""
                        + AUTH_MAX_ATTEMPTS + "\", \"auth-failure-delay-ms\": \"" + AUTH_FAILURE_DELAY_MS + "\"");
        assertTrue(vhost.contains("auth-max-attempts"), "the testbed's vhost changed shape: " + vhost);
        Path conf = SshTestbed.writeConfig(dir.resolve("conf-dir"), "\"plugin-dir\": \"" + plugins + "\"", vhost);
        LauncherProcess l = LauncherProcess.start("--config-dir", conf.toString(), "-d", "15");
        try {
            l.awaitLine("vhost 'sshd' listening on", SshTestbed.DEPLOY);
            l.awaitLine("bundle org\\.lightwire\\.plugin\\.sshddemo ", SshTestbed.DEPLOY);
            OpenSsh.awaitLogin(port, clientKey, SshTestbed.DEPLOY, l);
            return l;
        } catch (Throwable t) {
            l.close();
            throw t;
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (bystanders != null) {
            bystanders.close();
        }
        if (launcher != null) {
            launcher.close();
        }
    }

    // ---- before the key exchange ---------------------------------------------------------------

    @Test
    @Order(1)
    void badIdentificationLinesAreDisconnected() throws Exception {
        record Line(String name, byte[] bytes, int reason) {
        }
        byte[] longLine = new byte[300];
        Arrays.fill(longLine, (byte) 'A');
        List<Line> lines = List.of(
                new Line("http request", ascii("GET / HTTP/1.1\r\nHost: x\r\n\r\n"), PROTOCOL_ERROR),
                new Line("ssh 1.5", ascii("SSH-1.5-OldClient\r\n"), PROTOCOL_VERSION_NOT_SUPPORTED),
                new Line("ssh 3.0", ascii("SSH-3.0-Future\r\n"), PROTOCOL_VERSION_NOT_SUPPORTED),
                new Line("control byte", ascii("SSH-2.0-ctl\u0001x\r\n"), PROTOCOL_ERROR),
                new Line("300 bytes without LF", longLine, PROTOCOL_ERROR));
        for (Line l : lines) {
            try (SshHostilePeer p = SshHostilePeer.connect(port)) {
                p.writeRaw(l.bytes());
                assertTrue(p.readServerVersion().startsWith("SSH-2.0-"), l.name());
                p.readServerKexInit();
                assertDisconnect(p, l.reason(), l.name());
            }
        }
    }

    @Test
    @Order(2)
    void oversizedPacketLengthBeforeTheKeyExchange() throws Exception {
        for (int length : new int[] {35_001 + 7, 1 << 20, 0x7fffffff, 0xfffffff0}) {
            try (SshHostilePeer p = SshHostilePeer.connect(port)) {
                p.exchangeVersions();
                p.readServerKexInit();
                p.writeRaw(SshHostilePeer.concat(SshHostilePeer.u32(length), new byte[16]));
                assertDisconnect(p, PROTOCOL_ERROR, "plaintext packet_length " + Integer.toUnsignedString(length));
            }
        }
    }

    @Test
    @Order(3)
    void unknownMessageBeforeTheKeyExchangeIsDisconnected() throws Exception {
        // RFC 4253 7.1: once KEXINIT has been sent, only transport and kex messages until
        // NEWKEYS; the server sent its KEXINIT with its version, so an unknown type is a violation
        try (SshHostilePeer p = SshHostilePeer.connect(port)) {
            p.exchangeVersions();
            p.readServerKexInit();
            p.send(new byte[] {(byte) 200, 1, 2, 3});
            assertDisconnect(p, PROTOCOL_ERROR, "type 200 before our KEXINIT");
        }
        try (SshHostilePeer p = SshHostilePeer.connect(port)) {
            p.exchangeVersions();
            p.sendKexInit();
            p.readServerKexInit();
            p.send(new byte[] {(byte) 200, 1, 2, 3});
            assertDisconnect(p, PROTOCOL_ERROR, "type 200 between the KEXINITs and ECDH");
        }
    }

    // ---- after the key exchange: encrypted and MAC-protected -------------------------------------

    @Test
    @Order(4)
    void oversizedPacketLengthAfterTheKeyExchange() throws Exception {
        for (int length : new int[] {35_008, 1 << 24, 0xfffffff0}) {
            try (SshHostilePeer p = SshHostilePeer.afterKex(port)) {
                // etm: packet_length travels in the clear, so the server judges it before any MAC
                p.writeRaw(SshHostilePeer.concat(SshHostilePeer.u32(length), new byte[48]));
                assertDisconnect(p, PROTOCOL_ERROR, "encrypted-phase packet_length " + Integer.toUnsignedString(length));
            }
        }
    }

    @Test
    @Order(5)
    void badMacIsDisconnectedWithMacError() throws Exception {
        try (SshHostilePeer p = SshHostilePeer.afterKex(port)) {
            p.sendWithBadMac(new Writer().u8(SshHostilePeer.SERVICE_REQUEST).string("ssh-userauth").bytes());
            assertDisconnect(p, MAC_ERROR, "one flipped MAC bit");
        }
        try (SshHostilePeer p = SshHostilePeer.afterKex(port)) {
            // a good packet first: the second one's MAC is checked under a later sequence number
            p.requestUserAuth();
            p.sendWithBadMac(new Writer().u8(SshHostilePeer.USERAUTH_REQUEST).string("x").string("ssh-connection")
                    .string("none").bytes());
            assertDisconnect(p, MAC_ERROR, "bad MAC on the second encrypted packet");
        }
    }

    @Test
    @Order(6)
    void unknownMessagesAfterAuthGetUnimplementedAndTheConnectionStaysUp() throws Exception {
        try (SshHostilePeer p = SshHostilePeer.afterKex(port)) {
            p.authenticate("hostile", rawKey);
            // 75: unused in the auth range; 127: unused in the connection range; 200, 255: unassigned
            for (int type : new int[] {200, 75, 127, 255}) {
                int seq = p.nextSeq();
                p.send(new byte[] {(byte) type, 0, 0, 0, 1, 'x'});
                Packet u = p.expect(SshHostilePeer.UNIMPLEMENTED);
                assertEquals(seq, u.reader().u32(), "UNIMPLEMENTED names the sequence number of message " + type);
                System.out.println("SshHostileIT: message " + type + " after auth (seq " + seq + ") -> UNIMPLEMENTED " + seq);
            }
            // still up: a command runs and its output arrives
            int channel = openSession(p);
            exec(p, channel, "echo still-up");
            StringBuilder output = new StringBuilder();
            while (!output.toString().contains("still-up\n")) {
                Packet d = p.next();
                if (d.type() == SshHostilePeer.CHANNEL_DATA) {
                    SshHostilePeer.Reader r = d.reader();
                    r.u32();
                    output.append(new String(r.string(), StandardCharsets.UTF_8));
                } else if (d.type() == SshHostilePeer.DISCONNECT || d.type() == 97) {
                    throw new AssertionError("message " + d.type() + " before the output; got so far: " + output);
                }
            }
            System.out.println("SshHostileIT: the same connection then ran 'echo still-up': " + output.toString().strip());
        }
    }

    // ---- authentication floods -------------------------------------------------------------------

    @Test
    @Order(7)
    void publickeyFloodIsPacedAndEndsWithNoMoreAuthMethods() throws Exception {
        Ed25519Key stranger = Ed25519Key.generate();
        try (SshHostilePeer p = SshHostilePeer.afterKex(port)) {
            p.requestUserAuth();
            long start = System.nanoTime();
            // all at once: the server must pace the answers itself (it stops reading meanwhile)
            for (int i = 0; i < FLOOD; i++) {
                p.sendPublickey("flood" + i, stranger, i % 2 == 0);
            }
            List<Long> failureAt = new ArrayList<>();
            Disconnect d = readFailuresUntilDisconnect(p, failureAt, start);
            assertEquals(NO_MORE_AUTH_METHODS_AVAILABLE, d.reason(), d.toString());
            assertEquals(AUTH_MAX_ATTEMPTS - 1, failureAt.size(), "failures answered before the disconnect: " + failureAt);
            assertPaced(failureAt);
            System.out.println("SshHostileIT: publickey flood of " + FLOOD + ": FAILURE at " + failureAt + " ms, then DISCONNECT "
                    + d.reason() + " \"" + d.description() + "\"");
            assertTrue(p.serverCloses(), "the server closes after the DISCONNECT");
        }
    }

    @Test
    @Order(8)
    void noneFloodIsPacedAndEndsWithNoMoreAuthMethods() throws Exception {
        // RFC 4252 5.2 "none" is how a client asks for the methods; one such question is free
        // (OpenSSH sshd does not count the first), a flood of them is an auth flood like any other
        try (SshHostilePeer p = SshHostilePeer.afterKex(port)) {
            p.requestUserAuth();
            long start = System.nanoTime();
            for (int i = 0; i < FLOOD; i++) {
                p.sendNone("flood" + i);
            }
            List<Long> failureAt = new ArrayList<>();
            Disconnect d;
            try {
                d = readFailuresUntilDisconnect(p, failureAt, start);
            } catch (java.net.SocketTimeoutException e) {
                throw new AssertionError(failureAt.size() + " of " + FLOOD + " \"none\" requests answered with FAILURE (at "
                        + failureAt + " ms) and no DISCONNECT: a none flood is neither counted nor paced");
            }
            assertEquals(NO_MORE_AUTH_METHODS_AVAILABLE, d.reason(), d.toString() + " after " + failureAt.size() + " failures");
            assertTrue(failureAt.size() < FLOOD, "the flood was cut short: " + failureAt.size());
        }
    }

    // ---- channel flow control ---------------------------------------------------------------------

    @Test
    @Order(9)
    void channelDataBeyondTheGrantedWindowIsDisconnected() throws Exception {
        try (SshHostilePeer p = SshHostilePeer.afterKex(port)) {
            p.authenticate("hostile", rawKey);
            Packet confirm = openSessionPacket(p);
            SshHostilePeer.Reader r = confirm.reader();
            r.u32(); // our channel id
            int serverChannel = r.u32();
            long window = r.u32() & 0xffffffffL;
            int maxPacket = Math.min(r.u32(), 32768);
            // a child that never reads stdin: sshd-demo stops reopening the window once its
            // stdin pipe is full, so the window we were granted is all we may send
            exec(p, serverChannel, "sleep 60");
            byte[] chunk = new byte[maxPacket];
            long sent = 0;
            while (true) {
                while (window >= maxPacket) {
                    p.send(channelData(serverChannel, chunk));
                    window -= maxPacket;
                    sent += maxPacket;
                }
                // barrier: the server answers in order, so every WINDOW_ADJUST it sent before
                // reading this request arrives before the answer
                p.send(new Writer().u8(SshHostilePeer.GLOBAL_REQUEST).string("barrier@lightwire").bool(true).bytes());
                Packet a;
                while ((a = p.next()).type() != SshHostilePeer.REQUEST_FAILURE) {
                    if (a.type() == SshHostilePeer.CHANNEL_WINDOW_ADJUST) {
                        SshHostilePeer.Reader ar = a.reader();
                        ar.u32();
                        window += ar.u32() & 0xffffffffL;
                    } else if (a.type() == SshHostilePeer.DISCONNECT) {
                        throw new AssertionError("disconnected while sending within the window after " + sent + " bytes: "
                                + a.reader().u32());
                    }
                }
                if (window < maxPacket) {
                    break;
                }
                assertTrue(sent < 64L << 20, "the window never closed after " + sent + " bytes: the child reads stdin?");
            }
            // one byte more than the window the server granted
            p.send(channelData(serverChannel, new byte[(int) window + 1]));
            assertDisconnect(p, PROTOCOL_ERROR, "channel data of " + (window + 1) + " bytes into a window of " + window
                    + " after " + sent + " bytes");
        }
    }

    // ---- other clients were served throughout; nothing leaked --------------------------------------

    @Test
    @Order(100)
    void openSshWasServedThroughoutAndNoSocketLeaked() throws Exception {
        bystanders.close();
        assertTrue(bystanders.failures().isEmpty(), "OpenSSH runs that failed during the attacks:\n"
                + String.join("\n", bystanders.failures()) + "\nlauncher log:\n" + launcher.log());
        assertTrue(bystanders.succeeded() > 0, "OpenSSH ran during the attacks");
        System.out.println("SshHostileIT: " + bystanders.succeeded() + " OpenSSH 'echo hi' runs succeeded during the attacks");
        assertTrue(launcher.isAlive(), "launcher still running");
        SshHostileSockets.await(launcher.pid(), baselineSockets);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static void assertDisconnect(SshHostilePeer p, int reason, String what) throws IOException {
        Disconnect d;
        try {
            d = p.expectDisconnect();
        } catch (SshHostilePeer.ClosedException e) {
            throw new AssertionError(what + ": the connection closed without a DISCONNECT (" + e.getMessage() + ")");
        }
        assertEquals(reason, d.reason(), what + ": " + d);
        assertTrue(p.serverCloses(), what + ": the server closes the connection after the DISCONNECT");
        System.out.println("SshHostileIT: " + what + " -> DISCONNECT " + d.reason() + " \"" + d.description() + "\", then closed");
    }

    /** Reads FAILURE answers (noting when each came, in ms since {@code start}) until DISCONNECT. */
    private static Disconnect readFailuresUntilDisconnect(SshHostilePeer p, List<Long> failureAt, long start) throws IOException {
        while (true) {
            Packet a = p.next();
            if (a.type() == SshHostilePeer.USERAUTH_FAILURE) {
                failureAt.add((System.nanoTime() - start) / 1_000_000);
            } else if (a.type() == SshHostilePeer.DISCONNECT) {
                SshHostilePeer.Reader r = a.reader();
                return new Disconnect(r.u32(), r.utf8());
            } else if (a.type() != SshHostilePeer.USERAUTH_BANNER && a.type() != SshHostilePeer.IGNORE) {
                throw new AssertionError("unexpected message " + a.type() + " during the auth flood");
            }
        }
    }

    /**
     * The failures came paced: the server holds each answer for auth-failure-delay-ms, so the
     * n-th can arrive no earlier than n delays after the flood was sent. Only a lower bound,
     * which a slow machine cannot break; half the delay leaves room for timer granularity.
     */
    private static void assertPaced(List<Long> failureAt) {
        for (int i = 0; i < failureAt.size(); i++) {
            long earliest = (long) (i + 1) * AUTH_FAILURE_DELAY_MS / 2;
            assertTrue(failureAt.get(i) >= earliest, "failure " + (i + 1) + " came after " + failureAt.get(i)
                    + " ms, not paced by " + AUTH_FAILURE_DELAY_MS + " ms: " + failureAt);
        }
    }

    private static int openSession(SshHostilePeer p) throws IOException {
        SshHostilePeer.Reader r = openSessionPacket(p).reader();
        r.u32();
        return r.u32();
    }

    private static Packet openSessionPacket(SshHostilePeer p) throws IOException {
        p.send(new Writer().u8(SshHostilePeer.CHANNEL_OPEN).string("session").u32(0).u32(1 << 20).u32(32768).bytes());
        return p.expect(SshHostilePeer.CHANNEL_OPEN_CONFIRMATION);
    }

    private static void exec(SshHostilePeer p, int serverChannel, String command) throws IOException {
        p.send(new Writer().u8(SshHostilePeer.CHANNEL_REQUEST).u32(serverChannel).string("exec").bool(true).string(command)
                .bytes());
        Packet a;
        while ((a = p.next()).type() != SshHostilePeer.CHANNEL_SUCCESS) {
            if (a.type() != SshHostilePeer.CHANNEL_WINDOW_ADJUST && a.type() != SshHostilePeer.IGNORE) {
                throw new AssertionError("exec '" + command + "' answered with message " + a.type());
            }
        }
    }

    private static byte[] channelData(int serverChannel, byte[] data) {
        return new Writer().u8(SshHostilePeer.CHANNEL_DATA).u32(serverChannel).string(data).bytes();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
