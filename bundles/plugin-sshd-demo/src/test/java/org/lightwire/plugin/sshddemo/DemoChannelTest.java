package org.lightwire.plugin.sshddemo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lightwire.api.Options;
import org.lightwire.ssh.SshOps;

/** A real child ({@code /bin/sh}) behind a channel: stdin back-pressure, output, exit status. */
class DemoChannelTest {

    private static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin", "HOME", "/tmp");

    private static DemoSettings settings(int buffer) {
        return DemoSettings.read("test", Options.builder().add("stream-buffer-bytes", String.valueOf(buffer))
                .add("authorized-keys", "/nonexistent")
                .add("host-key", "/nonexistent").build());
    }

    private static String drainAll(DemoChannel c, FakeChannel ch, int which, int wantBytes) throws Exception {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        ByteBuffer window = ByteBuffer.allocate(512);
        PumpBackPressureTest.await(() -> {
            while ((c.txWaiting() & which) != 0) {
                window.clear();
                c.tx(which, window);
                got.write(window.array(), 0, window.position());
            }
            ch.runTasks();
            return got.size() >= wantBytes;
        }, "output of " + wantBytes + " bytes");
        return got.toString(StandardCharsets.UTF_8);
    }

    @Test
    void execOutputAndExitStatusAreDelivered() throws Exception {
        FakeChannel ch = new FakeChannel(65536);
        DemoChannel c = new DemoChannel(ch, settings(4096));
        assertTrue(c.start("echo out; echo err >&2; exit 7", ENV, "t"));
        assertEquals("out\n", drainAll(c, ch, SshOps.TX_STDOUT, 4));
        assertEquals("err\n", drainAll(c, ch, SshOps.TX_STDERR, 4));
        PumpBackPressureTest.await(() -> ch.exitStatus != null, "exit reported");
        assertEquals(7, ch.exitStatus);
        assertTrue(ch.txRequests.get() > 0, "output asked for a tx");
        c.destroy();
    }

    @Test
    void manyShortChildrenExitingWhileTheLoopPollsNeverDeadlock() {
        // regression: the pumps once woke the channel while holding their lock, and the exit
        // check took the pumps' locks under its own: stdout, stderr and exit racing hung the loop
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(120), () -> {
            for (int i = 0; i < 100; i++) {
                FakeChannel ch = new FakeChannel(65536);
                DemoChannel c = new DemoChannel(ch, settings(4096));
                assertTrue(c.start("echo a; echo b >&2", ENV, "t"));
                ByteBuffer out = ByteBuffer.allocate(64);
                while (ch.exitStatus == null) {
                    c.txWaiting();
                    out.clear();
                    c.tx(SshOps.TX_STDOUT, out);
                    out.clear();
                    c.tx(SshOps.TX_STDERR, out);
                }
                assertEquals(0, ch.exitStatus);
                c.destroy();
            }
        });
    }

    @Test
    void stdinOfAChildThatDoesNotReadPausesTheClientWindowAndResumesWhenItReads() throws Exception {
        FakeChannel ch = new FakeChannel(8192);
        DemoChannel c = new DemoChannel(ch, settings(1024));
        // cat stops reading once its stdout is full (nobody drains it yet): the stdout ring,
        // then both pipes fill, then the stdin ring, then the channel must pause
        assertTrue(c.start("exec cat", ENV, "t"));
        byte[] chunk = new byte[512];
        java.util.Arrays.fill(chunk, (byte) 'x');
        int sent = 0;
        while (ch.rxEnabled == null || ch.rxEnabled) {
            ByteBuffer b = ByteBuffer.wrap(chunk);
            c.rx(b);
            assertFalse(b.hasRemaining(), "rx consumes (into the ring or the backlog)");
            assertFalse(ch.closed, "paused before the backlog (the window) overflowed");
            sent += chunk.length;
            assertTrue(sent < 16 << 20, "never paused");
        }
        assertEquals(Boolean.FALSE, ch.rxEnabled, "the client's window is no longer reopened");
        // cat now reads: the backlog moves on and the window reopens
        int finalSent = sent;
        String echoed = drainAll(c, ch, SshOps.TX_STDOUT, finalSent);
        assertEquals(finalSent, echoed.length());
        PumpBackPressureTest.await(() -> {
            ch.runTasks();
            return Boolean.TRUE.equals(ch.rxEnabled);
        }, "window reopened");
        c.eof();
        PumpBackPressureTest.await(() -> ch.exitStatus != null, "cat ends at EOF");
        assertEquals(0, ch.exitStatus);
        c.destroy();
    }

    @Test
    void clientOverrunningItsWindowWhilePausedClosesTheChannel() throws Exception {
        FakeChannel ch = new FakeChannel(2048);
        DemoChannel c = new DemoChannel(ch, settings(1024));
        assertTrue(c.start("sleep 30", ENV, "t"));
        // sleep never reads: pipe, ring and backlog fill; a client ignoring the pause overruns them
        for (int i = 0; i < 4096 && !ch.closed; i++) {
            c.rx(ByteBuffer.wrap(new byte[1024]));
        }
        assertTrue(ch.closed, "more than buffer + window: the channel is closed, nothing grows");
        c.destroy();
    }

    @Test
    void onlyLangAndLcVariablesAreAccepted() {
        FakeChannel ch = new FakeChannel(2048);
        DemoChannel c = new DemoChannel(ch, settings(1024));
        assertTrue(c.setEnv("LANG", "C.UTF-8"));
        assertTrue(c.setEnv("LC_ALL", "C"));
        assertFalse(c.setEnv("LD_PRELOAD", "/tmp/x.so"));
        assertFalse(c.setEnv("PATH", "/tmp"));
        assertFalse(c.setEnv("BASH_ENV", "/tmp/x"));
        assertFalse(c.setEnv("LC_X", "a\nb"), "no control characters");
        assertFalse(c.setEnv("LC_lower", "x"));
        assertFalse(c.setEnv("LANG", "x".repeat(EnvPolicy.MAX_VALUE + 1)));
    }
}
