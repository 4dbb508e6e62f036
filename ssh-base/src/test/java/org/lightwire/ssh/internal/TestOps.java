package org.lightwire.ssh.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.lightwire.api.Vhost;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.ssh.SshChannel;
import org.lightwire.ssh.SshOps;
import org.lightwire.ssh.SshPty;
import org.lightwire.ssh.keys.SshPublicKey;

/**
 * Ops for the tests: a fixed set of authorised keys, an optional password, and commands
 * that exercise the channel paths: "echo TEXT", "big N" (N bytes of output), "cat" (echoes
 * input until EOF), "stderr TEXT", "pause" (consumes input with the window held shut),
 * "refuse" (exec refused).
 */
final class TestOps implements SshOps {
    final List<KeyElements> hostKeys = new ArrayList<>();
    final List<SshPublicKey> authorized = new ArrayList<>();
    final List<String> events = new CopyOnWriteArrayList<>();
    KeyElements storedKey;
    String password;
    String banner;
    boolean sshRsa;
    String serverString = "SSH-2.0-Lightwire_test";
    int lastDisconnectReason = -1;
    volatile SshChannel lastChannel;

    /** Per-channel state: output waiting for the client and what came in. */
    static final class Chan {
        final ByteArrayOutputStream stdin = new ByteArrayOutputStream();
        byte[] stdout = new byte[0];
        int stdoutPos;
        byte[] stderr = new byte[0];
        int stderrPos;
        boolean echo;
        SshPty pty;
    }

    @Override
    public boolean channelCreate(SshChannel channel) {
        channel.attach(new Chan());
        lastChannel = channel;
        events.add("create " + channel.id());
        return true;
    }

    @Override
    public void channelDestroy(SshChannel channel) {
        events.add("destroy " + channel.id());
    }

    @Override
    public int txWaiting(SshChannel channel) {
        Chan c = (Chan) channel.attachment();
        return (c.stdoutPos < c.stdout.length ? TX_STDOUT : 0) | (c.stderrPos < c.stderr.length ? TX_STDERR : 0);
    }

    @Override
    public void tx(SshChannel channel, int which, ByteBuffer out) {
        Chan c = (Chan) channel.attachment();
        if (which == TX_STDOUT) {
            int n = Math.min(out.remaining(), c.stdout.length - c.stdoutPos);
            out.put(c.stdout, c.stdoutPos, n);
            c.stdoutPos += n;
        } else {
            int n = Math.min(out.remaining(), c.stderr.length - c.stderrPos);
            out.put(c.stderr, c.stderrPos, n);
            c.stderrPos += n;
        }
    }

    @Override
    public void rx(SshChannel channel, ByteBuffer data) {
        Chan c = (Chan) channel.attachment();
        byte[] b = new byte[data.remaining()];
        data.get(b);
        c.stdin.write(b, 0, b.length);
        if (c.echo) {
            queue(channel, b);
        }
    }

    @Override
    public void eof(SshChannel channel) {
        events.add("eof " + channel.id());
        Chan c = (Chan) channel.attachment();
        if (c.echo) {
            channel.exit(0);
        }
    }

    @Override
    public boolean setEnv(SshChannel channel, String name, String value) {
        events.add("env " + name + "=" + value);
        return name.startsWith("LC_");
    }

    @Override
    public boolean ptyReq(SshChannel channel, SshPty pty) {
        ((Chan) channel.attachment()).pty = pty;
        events.add("pty " + pty.term() + " " + pty.columns() + "x" + pty.rows());
        return true;
    }

    @Override
    public void windowChange(SshChannel channel, int columns, int rows, int widthPixels, int heightPixels) {
        events.add("window " + columns + "x" + rows);
    }

    @Override
    public boolean signal(SshChannel channel, String signalName) {
        events.add("signal " + signalName);
        channel.exitSignal(signalName, false, "killed");
        return true;
    }

    @Override
    public boolean exec(SshChannel channel, String command) {
        events.add("exec " + command);
        Chan c = (Chan) channel.attachment();
        if (command.startsWith("echo ")) {
            queue(channel, (command.substring(5) + "\n").getBytes(StandardCharsets.UTF_8));
            channel.exit(0);
        } else if (command.startsWith("stderr ")) {
            c.stderr = (command.substring(7) + "\n").getBytes(StandardCharsets.UTF_8);
            channel.exit(3);
        } else if (command.startsWith("big ")) {
            byte[] b = new byte[Integer.parseInt(command.substring(4))];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) ('a' + i % 26);
            }
            queue(channel, b);
            channel.exit(0);
        } else if (command.equals("cat")) {
            c.echo = true;
        } else if (command.equals("pause")) {
            channel.rxFlowControl(false);
        } else if (command.equals("wait")) {
            return true;
        } else {
            return false;
        }
        return true;
    }

    @Override
    public boolean shell(SshChannel channel) {
        events.add("shell");
        ((Chan) channel.attachment()).echo = true;
        return true;
    }

    private static void queue(SshChannel channel, byte[] b) {
        Chan c = (Chan) channel.attachment();
        byte[] rest = Arrays.copyOfRange(c.stdout, c.stdoutPos, c.stdout.length);
        byte[] all = Arrays.copyOf(rest, rest.length + b.length);
        System.arraycopy(b, 0, all, rest.length, b.length);
        c.stdout = all;
        c.stdoutPos = 0;
        channel.requestTx();
    }

    @Override
    public List<KeyElements> getServerKeys(Vhost vhost) {
        return storedKey != null ? List.of(storedKey) : hostKeys;
    }

    @Override
    public void setServerKey(Vhost vhost, KeyElements key) {
        storedKey = key;
        events.add("set-server-key");
    }

    @Override
    public boolean isPubkeyAuthorized(String user, String keyType, byte[] publicKeyBlob) {
        return authorized.contains(new SshPublicKey(keyType, publicKeyBlob));
    }

    @Override
    public boolean offersPassword() {
        return password != null;
    }

    @Override
    public boolean checkPassword(String user, char[] pw) {
        return password != null && Arrays.equals(pw, password.toCharArray());
    }

    @Override
    public Optional<String> banner() {
        return Optional.ofNullable(banner);
    }

    @Override
    public void disconnectReason(int reason, String description, String language) {
        lastDisconnectReason = reason;
    }

    @Override
    public String serverString() {
        return serverString;
    }

    @Override
    public boolean allowSshRsa() {
        return sshRsa;
    }
}
