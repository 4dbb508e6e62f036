package org.lightwire.plugin.sshddemo;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lightwire.ssh.SshChannel;
import org.lightwire.ssh.SshOps;
import org.lightwire.ssh.SshPty;

/**
 * The demo's per-channel state (lws' demo {@code struct sshd_instance_priv}): the pty and
 * environment requested before the shell or command, then the child and the stdin
 * back-pressure between the client's window and the child's pipe.
 *
 * <h2>Back-pressure</h2>
 * Out: the child's output waits in {@link OutputPump}s; ssh-base drains them in
 * {@link #tx} only as far as the client's window allows, so a client that does not read
 * stops the child in write(2). In: {@link #rx} offers the data to the stdin ring; what
 * does not fit waits in a backlog of at most {@code max-stdin-backlog} bytes and the
 * client's window is no longer reopened ({@link SshChannel#rxFlowControl}); once the child
 * has read, the backlog moves on and the window opens again. The backlog holds at most
 * ssh-base's window ({@link SshChannel#rxWindowSize()}, its {@code channel-window} pvo),
 * which is all a client may still send after the pause; it starts at 64 KiB and doubles
 * only as needed. A client that sends beyond its window overruns it, which closes the
 * channel.
 */
final class DemoChannel {

    private static final System.Logger LOG = System.getLogger("org.lightwire.plugin.sshddemo");

    private final SshChannel channel;
    private final DemoSettings settings;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Runnable refill = this::refill;
    private SshPty pty;
    private ChildProcess child;
    private ByteBuffer backlog;
    /** Loop-written, read by the stdin helper to decide whether to post a refill. */
    private volatile boolean paused;
    /** The client sent EOF while bytes still waited in the backlog. */
    private boolean eofPending;
    private volatile boolean refillPosted;

    DemoChannel(SshChannel channel, DemoSettings settings) {
        this.channel = channel;
        this.settings = settings;
    }

    boolean started() {
        return child != null;
    }

    void pty(SshPty requested) {
        this.pty = requested;
    }

    boolean hasPty() {
        return pty != null;
    }

    /** Accepts LANG and LC_* (Debian sshd's AcceptEnv) within max-env; anything else is refused. */
    boolean setEnv(String name, String value) {
        if (child != null || !EnvPolicy.accepts(name, value) || (env.size() >= settings.maxEnv() && !env.containsKey(name))) {
            return false;
        }
        env.put(name, value);
        return true;
    }

    /**
     * Starts the shell ({@code command} null) or command. False (the request fails) when a
     * child already runs or the process cannot be started.
     */
    boolean start(String command, Map<String, String> baseEnv, String label) {
        if (child != null) {
            return false;
        }
        ChildCommand cmd = ChildCommand.of(settings.shell(), command, pty,
                settings.ptyAvailable() ? settings.ptyWrapper().toString() : null, baseEnv, env);
        try {
            child = ChildProcess.start(cmd, new File(baseEnv.getOrDefault("HOME", "/")), settings.streamBufferBytes(),
                    label, channel::requestTx, this::stdinDrained, this::exited);
            return true;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "lws-sshd-demo: " + label + ": cannot start " + cmd.argv().get(0) + ": " + e);
            return false;
        }
    }

    private void exited(int status) {
        channel.exit(status);
    }

    int txWaiting() {
        if (child == null) {
            return 0;
        }
        int bits = 0;
        if (child.stdout().available() > 0) {
            bits |= SshOps.TX_STDOUT;
        }
        if (child.stderr().available() > 0) {
            bits |= SshOps.TX_STDERR;
        }
        return bits;
    }

    void tx(int which, ByteBuffer out) {
        if (child != null) {
            child.drain(which == SshOps.TX_STDERR, out);
        }
    }

    void rx(ByteBuffer data) {
        if (child == null) {
            // data before the shell or command started: nothing reads it (sshd drops it too)
            data.position(data.limit());
            return;
        }
        if (backlog == null || backlog.position() == 0) {
            child.stdin().offer(data);
        }
        if (data.hasRemaining()) {
            if (!holdBack(data)) {
                LOG.log(System.Logger.Level.WARNING, "lws-sshd-demo: " + channel.connection().peerAddress().map(String::valueOf).orElse("?")
                        + ": channel " + channel.id() + " sent more than its window while paused ("
                        + channel.rxWindowSize() + " bytes): closing the channel");
                data.position(data.limit());
                channel.close();
                return;
            }
        }
        pauseIfFull();
    }

    /**
     * Keeps what the stdin ring cannot take, growing the backlog by doubling from 64 KiB up
     * to the channel's window; false if even that is not enough.
     */
    private boolean holdBack(ByteBuffer data) {
        int max = channel.rxWindowSize();
        int held = backlog == null ? 0 : backlog.position();
        long need = (long) held + data.remaining();
        if (need > max) {
            return false;
        }
        if (backlog == null || backlog.remaining() < data.remaining()) {
            int size = backlog == null ? Math.min(64 * 1024, max) : backlog.capacity();
            while (size < need) {
                size = (int) Math.min((long) size * 2, max);
            }
            ByteBuffer bigger = ByteBuffer.allocate(size);
            if (backlog != null) {
                backlog.flip();
                bigger.put(backlog);
            }
            backlog = bigger;
        }
        backlog.put(data);
        return true;
    }

    private void pauseIfFull() {
        InputPump stdin = child.stdin();
        boolean full = (backlog != null && backlog.position() > 0) || stdin.room() < stdin.capacity() / 2;
        if (full && !paused) {
            paused = true;
            channel.rxFlowControl(false);
        } else if (!full && paused) {
            paused = false;
            channel.rxFlowControl(true);
        }
    }

    /** Helper thread: the child read some stdin; continue on the loop if we are holding back. */
    private void stdinDrained() {
        if (paused && !refillPosted) {
            refillPosted = true;
            channel.connection().loop().execute(refill);
        }
    }

    /** Loop thread: moves the backlog into the freed stdin room and reopens the window when it can. */
    private void refill() {
        refillPosted = false;
        if (child == null || !channel.isOpen()) {
            return;
        }
        if (backlog != null && backlog.position() > 0) {
            backlog.flip();
            child.stdin().offer(backlog);
            backlog.compact();
        }
        if (eofPending && (backlog == null || backlog.position() == 0)) {
            eofPending = false;
            child.stdin().finish();
        }
        pauseIfFull();
    }

    /** The client's EOF: the child's stdin closes after what it was sent. */
    void eof() {
        if (child == null) {
            return;
        }
        if (backlog != null && backlog.position() > 0) {
            // the rest still has to go in first; refill() finishes once the backlog is empty
            eofPending = true;
            return;
        }
        child.stdin().finish();
    }

    /**
     * Applies a window-change to the pty script(1) holds: {@code stty -F /dev/pts/N cols C
     * rows R} sets the size (TIOCSWINSZ) and the kernel sends SIGWINCH to the terminal's
     * foreground job, as sshd's own ioctl would. Ignored without a pty or for absurd sizes.
     */
    void windowChange(int columns, int rows) {
        if (pty == null || child == null || columns < 1 || rows < 1 || columns > MAX_TERMINAL || rows > MAX_TERMINAL) {
            return;
        }
        child.ptyDevice().ifPresent(dev -> {
            try {
                // the arguments are a path matched against /dev/pts/N and two integers: no client text
                new ProcessBuilder("stty", "-F", dev.toString(), "cols", String.valueOf(columns), "rows", String.valueOf(rows))
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "lws-sshd-demo: window-change: cannot run stty: " + e);
            }
        });
    }

    /** Largest terminal side accepted from a window-change. */
    private static final int MAX_TERMINAL = 10_000;

    /** Delivers TERM or KILL (all a JVM can send); other signals are refused. */
    boolean signal(String name) {
        if (child == null) {
            return false;
        }
        switch (name) {
            case "TERM":
                child.signal(false);
                return true;
            case "KILL":
                child.signal(true);
                return true;
            default:
                return false;
        }
    }

    void destroy() {
        if (child != null) {
            child.destroy();
        }
    }
}
