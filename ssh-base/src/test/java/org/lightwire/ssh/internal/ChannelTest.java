package org.lightwire.ssh.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.lightwire.api.Options;
import org.lightwire.api.crypto.CryptoBackend;

/** The connection protocol (RFC 4254): requests, flow control both ways, exit reporting. */
class ChannelTest {

    private static CryptoBackend jca() {
        return Backends.named("jca");
    }

    private static SshTestClient loggedIn(Harness h) {
        SshTestClient c = h.client();
        c.connect(SshTestClient.Offer.of(ChaChaPolyCipher.NAME, Algorithms.SSH_ED25519));
        c.login("user", h.clientKey);
        return c;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void stderrAndNonZeroExitStatus() throws Exception {
        try (Harness h = new Harness(jca())) {
            SshTestClient.Result r = loggedIn(h).exec("stderr oops");
            assertEquals("oops\n", r.stderr.toString(StandardCharsets.UTF_8));
            assertEquals(3, r.exitStatus);
        }
    }

    @Test
    void refusedExecGetsChannelFailure() throws Exception {
        try (Harness h = new Harness(jca())) {
            SshTestClient c = loggedIn(h);
            int ch = c.openSession(1, 1000, 1000);
            c.send(SshTestClient.msg(Msg.CHANNEL_REQUEST).u32(ch).string("exec").bool(true).string("refuse"));
            c.expect(Msg.CHANNEL_FAILURE);
            c.send(SshTestClient.msg(Msg.CHANNEL_REQUEST).u32(ch).string("subsystem").bool(true).string("sftp"));
            c.expect(Msg.CHANNEL_FAILURE);
        }
    }

    @Test
    void ptyEnvShellWindowChangeAndSignalReachTheOps() throws Exception {
        try (Harness h = new Harness(jca())) {
            SshTestClient c = loggedIn(h);
            int ch = c.openSession(1, 1 << 20, 32768);
            c.send(SshTestClient.msg(Msg.CHANNEL_REQUEST).u32(ch).string("pty-req").bool(true).string("xterm").u32(80).u32(24).u32(0)
                    .u32(0).string(new byte[] {0}));
            c.expect(Msg.CHANNEL_SUCCESS);
            c.send(SshTestClient.msg(Msg.CHANNEL_REQUEST).u32(ch).string("env").bool(true).string("LC_ALL").string("C"));
            c.expect(Msg.CHANNEL_SUCCESS);
            c.send(SshTestClient.msg(Msg.CHANNEL_REQUEST).u32(ch).string("env").bool(true).string("LD_PRELOAD").string("x"));
            c.expect(Msg.CHANNEL_FAILURE);
            c.send(SshTestClient.msg(Msg.CHANNEL_REQUEST).u32(ch).string("shell").bool(true));
            c.expect(Msg.CHANNEL_SUCCESS);
            c.send(SshTestClient.msg(Msg.CHANNEL_DATA).u32(ch).string(utf8("typed")));
            PayloadReader r = c.expect(Msg.CHANNEL_DATA);
            SshTestClient.uncheck(r::u32);
            assertEquals("typed", new String(SshTestClient.uncheck(r::string), StandardCharsets.UTF_8));
            c.send(SshTestClient.msg(Msg.CHANNEL_REQUEST).u32(ch).string("window-change").bool(false).u32(120).u32(40).u32(0).u32(0));
            c.send(SshTestClient.msg(Msg.CHANNEL_REQUEST).u32(ch).string("signal").bool(false).string("INT"));
            SshTestClient.Result res = c.collect(ch, 1 << 20);
            assertEquals("INT", res.exitSignal);
            assertTrue(h.ops.events.contains("pty xterm 80x24"), h.ops.events.toString());
            assertTrue(h.ops.events.contains("env LC_ALL=C"));
            assertTrue(h.ops.events.contains("window 120x40"));
            assertTrue(h.ops.events.contains("signal INT"));
        }
    }

    @Test
    void secondShellOnAChannelIsRefused() throws Exception {
        try (Harness h = new Harness(jca())) {
            SshTestClient c = loggedIn(h);
            int ch = c.openSession(1, 1 << 20, 32768);
            c.send(SshTestClient.msg(Msg.CHANNEL_REQUEST).u32(ch).string("shell").bool(true));
            c.expect(Msg.CHANNEL_SUCCESS);
            c.send(SshTestClient.msg(Msg.CHANNEL_REQUEST).u32(ch).string("exec").bool(true).string("echo again"));
            c.expect(Msg.CHANNEL_FAILURE);
        }
    }

    @Test
    void catEchoesUntilEof() throws Exception {
        try (Harness h = new Harness(jca())) {
            SshTestClient c = loggedIn(h);
            int ch = c.openSession(1, 1 << 20, 32768);
            c.send(SshTestClient.msg(Msg.CHANNEL_REQUEST).u32(ch).string("exec").bool(false).string("cat"));
            c.send(SshTestClient.msg(Msg.CHANNEL_DATA).u32(ch).string(utf8("abc")));
            c.send(SshTestClient.msg(Msg.CHANNEL_EOF).u32(ch));
            SshTestClient.Result r = c.collect(ch, 1 << 20);
            assertEquals("abc", r.out());
            assertEquals(0, r.exitStatus);
            assertTrue(h.ops.events.contains("eof 0"));
        }
    }

    @Test
    void outputStopsAtTheClientsWindowAndResumesOnAdjust() throws Exception {
        try (Harness h = new Harness(jca())) {
            SshTestClient c = loggedIn(h);
            int ch = c.openSession(1, 1000, 400);
            c.send(SshTestClient.msg(Msg.CHANNEL_REQUEST).u32(ch).string("exec").bool(false).string("big 2500"));
            int got = 0;
            for (byte[] p = c.poll(); p != null; p = c.poll()) {
                assertEquals(Msg.CHANNEL_DATA, p[0] & 0xff);
                int n = Bytes.u32(p, 5);
                assertTrue(n <= 400, "respects the client's maximum packet: " + n);
                got += n;
            }
            assertEquals(1000, got, "exactly the window, then nothing");
            c.send(SshTestClient.msg(Msg.CHANNEL_WINDOW_ADJUST).u32(ch).u32(500));
            int more = 0;
            for (byte[] p = c.poll(); p != null; p = c.poll()) {
                more += Bytes.u32(p, 5);
            }
            assertEquals(500, more);
            c.send(SshTestClient.msg(Msg.CHANNEL_WINDOW_ADJUST).u32(ch).u32(5000));
            SshTestClient.Result r = c.collect(ch, 5000);
            assertEquals(1000, r.stdout.size());
            assertEquals(0, r.exitStatus);
        }
    }

    @Test
    void inputWindowReopensOnlyWhileTheOpsAcceptInput() throws Exception {
        try (Harness h = new Harness(jca(), jca().ed25519().generate(), Options.builder().add("channel-window", "40000"))) {
            SshTestClient c = loggedIn(h);
            int ch = c.openSession(1, 1 << 20, 32768);
            c.send(SshTestClient.msg(Msg.CHANNEL_REQUEST).u32(ch).string("exec").bool(false).string("cat"));
            c.send(SshTestClient.msg(Msg.CHANNEL_DATA).u32(ch).string(new byte[25000]));
            // more than half the window used: the server grants it back after the ops took the data
            byte[] p;
            int adjust = -1;
            while ((p = c.poll()) != null) {
                if ((p[0] & 0xff) == Msg.CHANNEL_WINDOW_ADJUST) {
                    adjust = Bytes.u32(p, 5);
                }
            }
            assertEquals(25000, adjust);
        }
    }

    @Test
    void pausedOpsHoldTheWindowUntilTheyResume() throws Exception {
        try (Harness h = new Harness(jca(), jca().ed25519().generate(), Options.builder().add("channel-window", "40000"))) {
            SshTestClient c = loggedIn(h);
            int ch = c.openSession(1, 1 << 20, 32768);
            c.send(SshTestClient.msg(Msg.CHANNEL_REQUEST).u32(ch).string("exec").bool(true).string("pause"));
            c.expect(Msg.CHANNEL_SUCCESS);
            c.send(SshTestClient.msg(Msg.CHANNEL_DATA).u32(ch).string(new byte[30000]));
            c.expectNothing();
            // the ops resume input (from another thread, as a process writer would)
            SessionChannel sc = channel(h, ch);
            assertEquals(40000, sc.rxWindowSize());
            assertEquals(32768, sc.rxMaxPacket());
            Thread t = new Thread(() -> sc.rxFlowControl(true));
            t.start();
            t.join();
            h.conn.runPending();
            PayloadReader r = c.expect(Msg.CHANNEL_WINDOW_ADJUST);
            SshTestClient.uncheck(r::u32);
            assertEquals(30000, (int) SshTestClient.uncheck(r::u32));
        }
    }

    @Test
    void severalChannelsAtOnce() throws Exception {
        try (Harness h = new Harness(jca())) {
            SshTestClient c = loggedIn(h);
            int a = c.openSession(10, 1 << 20, 32768);
            int b = c.openSession(11, 1 << 20, 32768);
            assertFalse(a == b);
            c.send(SshTestClient.msg(Msg.CHANNEL_REQUEST).u32(b).string("exec").bool(false).string("echo from b"));
            SshTestClient.Result rb = c.collect(b, 1 << 20);
            assertEquals("from b\n", rb.out());
            c.send(SshTestClient.msg(Msg.CHANNEL_REQUEST).u32(a).string("exec").bool(false).string("echo from a"));
            SshTestClient.Result ra = c.collect(a, 1 << 20);
            assertEquals("from a\n", ra.out());
        }
    }

    @Test
    void clientCloseDestroysTheChannelOnce() throws Exception {
        try (Harness h = new Harness(jca())) {
            SshTestClient c = loggedIn(h);
            int ch = c.openSession(1, 1 << 20, 32768);
            c.send(SshTestClient.msg(Msg.CHANNEL_CLOSE).u32(ch));
            PayloadReader r = c.expect(Msg.CHANNEL_CLOSE);
            assertEquals(1, (int) SshTestClient.uncheck(r::u32));
            assertEquals(1, h.ops.events.stream().filter(e -> e.equals("destroy " + ch)).count());
            h.conn.close();
            assertEquals(1, h.ops.events.stream().filter(e -> e.equals("destroy " + ch)).count());
        }
    }

    @Test
    void connectionCloseDestroysOpenChannels() throws Exception {
        Harness h = new Harness(jca());
        SshTestClient c = loggedIn(h);
        c.openSession(1, 1 << 20, 32768);
        c.openSession(2, 1 << 20, 32768);
        h.close();
        assertTrue(h.ops.events.contains("destroy 0"));
        assertTrue(h.ops.events.contains("destroy 1"));
    }

    @Test
    void globalRequestsAreRefusedPolitely() throws Exception {
        try (Harness h = new Harness(jca())) {
            SshTestClient c = loggedIn(h);
            c.send(SshTestClient.msg(Msg.GLOBAL_REQUEST).string("keepalive@openssh.com").bool(true));
            c.expect(Msg.REQUEST_FAILURE);
            c.send(SshTestClient.msg(Msg.GLOBAL_REQUEST).string("no-more-sessions@openssh.com").bool(false));
            c.expectNothing();
        }
    }

    /** The server's channel object, through the session the harness connection carries. */
    private static SessionChannel channel(Harness h, int id) {
        Object[] found = new Object[1];
        h.conn.run(() -> found[0] = h.ops.lastChannel);
        return (SessionChannel) found[0];
    }
}
