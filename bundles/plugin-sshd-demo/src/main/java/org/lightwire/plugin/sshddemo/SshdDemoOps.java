package org.lightwire.plugin.sshddemo;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.lightwire.api.Vhost;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.ssh.SshChannel;
import org.lightwire.ssh.SshOps;
import org.lightwire.ssh.SshPty;

/**
 * lws-sshd-demo's {@link SshOps} for one vhost (lws {@code protocol_lws_sshd_demo.c}'s
 * {@code ssh_ops}): host keys from OpenSSH key files, public keys from an authorized_keys
 * file, and for each session channel a shell or command run as the launcher's user with
 * its streams bridged to the loop ({@link DemoChannel}). The user name the client gives
 * has no meaning, as in lws' demo: whoever holds an authorised key gets the launcher
 * user's shell.
 */
final class SshdDemoOps implements SshOps {

    private static final System.Logger LOG = System.getLogger("org.lightwire.plugin.sshddemo");

    private final String vhostName;
    private final DemoSettings settings;
    private final HostKeyFiles hostKeys;
    private final AuthorizedKeysFile authorizedKeys;
    private final Map<String, String> baseEnv;
    private final AtomicInteger sessions = new AtomicInteger();

    SshdDemoOps(String vhostName, DemoSettings settings) {
        this.vhostName = vhostName;
        this.settings = settings;
        this.hostKeys = new HostKeyFiles(vhostName, settings.hostKeys());
        this.authorizedKeys = new AuthorizedKeysFile(settings.authorizedKeys(), settings.authorizedKeysMaxBytes());
        this.baseEnv = baseEnvironment();
    }

    /** Reads the host key files that exist, so a broken one fails the vhost at start. */
    void checkHostKeys() {
        hostKeys.keys();
    }

    /** What every child starts with; the launcher's own environment is not passed on. */
    private static Map<String, String> baseEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
        String home = System.getProperty("user.home", "/");
        env.put("HOME", home);
        String user = System.getProperty("user.name", "");
        if (!user.isEmpty()) {
            env.put("USER", user);
            env.put("LOGNAME", user);
        }
        return Map.copyOf(env);
    }

    @Override
    public boolean channelCreate(SshChannel channel) {
        if (sessions.incrementAndGet() > settings.maxSessions()) {
            sessions.decrementAndGet();
            LOG.log(System.Logger.Level.WARNING, "lws-sshd-demo: vhost '" + vhostName + "': max-sessions ("
                    + settings.maxSessions() + ") reached, refusing a channel");
            return false;
        }
        channel.attach(new DemoChannel(channel, settings));
        return true;
    }

    @Override
    public void channelDestroy(SshChannel channel) {
        if (channel.attachment() instanceof DemoChannel c) {
            c.destroy();
            channel.attach(null);
            sessions.decrementAndGet();
        }
    }

    // txWaiting, tx and rx run for every packet: no Optional or lambda, nothing allocated

    @Override
    public int txWaiting(SshChannel channel) {
        return channel.attachment() instanceof DemoChannel c ? c.txWaiting() : 0;
    }

    @Override
    public void tx(SshChannel channel, int which, ByteBuffer out) {
        if (channel.attachment() instanceof DemoChannel c) {
            c.tx(which, out);
        }
    }

    @Override
    public void rx(SshChannel channel, ByteBuffer data) {
        if (channel.attachment() instanceof DemoChannel c) {
            c.rx(data);
        } else {
            data.position(data.limit());
        }
    }

    @Override
    public void eof(SshChannel channel) {
        if (channel.attachment() instanceof DemoChannel c) {
            c.eof();
        }
    }

    @Override
    public boolean setEnv(SshChannel channel, String name, String value) {
        return demo(channel).map(c -> c.setEnv(name, value)).orElse(false);
    }

    @Override
    public boolean ptyReq(SshChannel channel, SshPty pty) {
        Optional<DemoChannel> c = demo(channel);
        if (c.isEmpty() || c.get().started()) {
            return false;
        }
        if (!settings.ptyAvailable()) {
            // honest answer: without script(1) there is no terminal to give; ssh then runs without one
            LOG.log(System.Logger.Level.WARNING, "lws-sshd-demo: vhost '" + vhostName + "': pty requested but "
                    + settings.ptyWrapper() + " (util-linux script) is not installed; refusing the pty");
            return false;
        }
        c.get().pty(pty);
        return true;
    }

    @Override
    public void windowChange(SshChannel channel, int columns, int rows, int widthPixels, int heightPixels) {
        if (channel.attachment() instanceof DemoChannel c) {
            c.windowChange(columns, rows);
        }
    }

    @Override
    public boolean signal(SshChannel channel, String signalName) {
        return demo(channel).map(c -> c.signal(signalName)).orElse(false);
    }

    @Override
    public boolean exec(SshChannel channel, String command) {
        if (command.isEmpty() || command.indexOf('\0') >= 0) {
            return false;
        }
        return demo(channel).map(c -> c.start(command, baseEnv, label(channel))).orElse(false);
    }

    @Override
    public boolean shell(SshChannel channel) {
        return demo(channel).map(c -> c.start(null, baseEnv, label(channel))).orElse(false);
    }

    @Override
    public List<KeyElements> getServerKeys(Vhost vhost) {
        return hostKeys.keys();
    }

    @Override
    public void setServerKey(Vhost vhost, KeyElements key) {
        hostKeys.store(key);
    }

    @Override
    public boolean isPubkeyAuthorized(String user, String keyType, byte[] publicKeyBlob) {
        return authorizedKeys.authorizes(keyType, publicKeyBlob);
    }

    @Override
    public Optional<String> banner() {
        return settings.banner().isEmpty() ? Optional.empty() : Optional.of(settings.banner());
    }

    @Override
    public String serverString() {
        return "SSH-2.0-Lightwire_sshd-demo";
    }

    private static Optional<DemoChannel> demo(SshChannel channel) {
        return channel.attachment() instanceof DemoChannel c ? Optional.of(c) : Optional.empty();
    }

    private String label(SshChannel channel) {
        return "vhost " + vhostName + " conn " + channel.connection().id() + " ch " + channel.id();
    }
}
