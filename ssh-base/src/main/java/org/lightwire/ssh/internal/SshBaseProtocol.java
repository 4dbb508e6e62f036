package org.lightwire.ssh.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.lightwire.api.Connection;
import org.lightwire.api.Options;
import org.lightwire.api.Protocol;
import org.lightwire.api.Vhost;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.raw.RawProtocol;
import org.lightwire.api.raw.RawSession;
import org.lightwire.ssh.SshBase;
import org.lightwire.ssh.SshOps;
import org.lightwire.ssh.SshOpsRegistry;
import org.lightwire.ssh.SshOpsSource;

/**
 * ssh-base's instance on one vhost (lws {@code lws-ssh-base} after PROTOCOL_INIT): reads the
 * limits and the ops source from the pvos, finds the ops for every new connection (so ops
 * from a bundle deployed later, or replaced, take over without a restart), and keeps the
 * host keys of the current ops.
 */
final class SshBaseProtocol implements RawProtocol {
    private static final Logger LOG = System.getLogger("org.lightwire.ssh");

    private final Vhost vhost;
    private final SshLimits limits;
    private final String opsName;
    private final String opsFrom;
    private final Supplier<CryptoBackend> crypto;
    /** Host keys of the ops instance they came from; replaced when the ops change. */
    private SshOps keysOwner;
    private List<HostKey> keys;

    SshBaseProtocol(Vhost vhost, Options options, Supplier<CryptoBackend> crypto) {
        this.vhost = vhost;
        this.limits = SshLimits.from(options);
        this.opsName = options.get(SshBase.PVO_OPS).orElse(null);
        this.opsFrom = options.get(SshBase.PVO_OPS_FROM).orElse(null);
        this.crypto = crypto;
        if (opsName != null && opsFrom != null) {
            throw new IllegalArgumentException("vhost '" + vhost.name() + "': " + SshBase.PROTOCOL_NAME + " takes one of the options '"
                    + SshBase.PVO_OPS + "' or '" + SshBase.PVO_OPS_FROM + "', not both");
        }
        // neither: a vhost that lists no protocols gets every installed one, ssh-base included,
        // without options; that must not fail the vhost, so the instance just refuses connections
    }

    /** The ops to use now, if their source is present. */
    Optional<SshOps> ops() {
        if (opsName == null && opsFrom == null) {
            return Optional.empty();
        }
        if (opsName != null) {
            return SshOpsRegistry.lookup(opsName);
        }
        Optional<Protocol> p = vhost.protocol(opsFrom);
        if (p.isPresent() && p.get() instanceof SshOpsSource source) {
            return Optional.ofNullable(source.sshOps());
        }
        return Optional.empty();
    }

    @Override
    public RawSession newSession(Connection connection) {
        Optional<SshOps> ops = ops();
        if (ops.isEmpty()) {
            LOG.log(Level.WARNING, () -> "vhost '" + vhost.name() + "': no ssh ops from " + describeSource() + "; refusing connection "
                    + connection.id());
            return new RefusedSession();
        }
        SshOps o = ops.get();
        if (o.apiVersion() > SshOps.API_VERSION) {
            LOG.log(Level.ERROR, () -> "vhost '" + vhost.name() + "': ssh ops from " + describeSource() + " need API version "
                    + o.apiVersion() + ", this ssh-base has " + SshOps.API_VERSION);
            return new RefusedSession();
        }
        CryptoBackend backend = crypto.get();
        return new SshServerSession(connection, this, o, backend, limits, hostKeys(o, backend));
    }

    private String describeSource() {
        if (opsName == null && opsFrom == null) {
            return "nowhere (set the option '" + SshBase.PVO_OPS_FROM + "' or '" + SshBase.PVO_OPS + "' of " + SshBase.PROTOCOL_NAME + ")";
        }
        return opsName != null ? "'" + SshBase.PVO_OPS + "': '" + opsName + "'" : "'" + SshBase.PVO_OPS_FROM + "': '" + opsFrom + "'";
    }

    /** The host keys of {@code ops}, asked once per ops instance; one is generated if it has none. */
    synchronized List<HostKey> hostKeys(SshOps ops, CryptoBackend backend) {
        if (keysOwner == ops) {
            return keys;
        }
        List<KeyElements> given = ops.getServerKeys(vhost);
        if (given == null || given.isEmpty()) {
            KeyElements generated = backend.ed25519().generate();
            LOG.log(Level.INFO, () -> "vhost '" + vhost.name() + "': no ssh host key yet, generated an Ed25519 key");
            ops.setServerKey(vhost, generated);
            given = List.of(generated);
        }
        List<HostKey> list = new ArrayList<>();
        for (KeyElements k : given) {
            list.add(new HostKey(k, ops.allowSshRsa()));
        }
        if (ops.serverString().length() > 253 || !ops.serverString().startsWith("SSH-2.0-")
                || !ops.serverString().chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("ssh ops server string '" + ops.serverString()
                    + "' must be 'SSH-2.0-' and printable US-ASCII without spaces, at most 253 bytes");
        }
        keysOwner = ops;
        keys = List.copyOf(list);
        return keys;
    }

    /** A connection that arrived while no ops are available: closed at once. */
    private static final class RefusedSession implements RawSession {
        @Override
        public void opened(Connection connection) {
            connection.close();
        }

        @Override
        public void received(Connection connection, ByteBuffer data) {
            // nothing is read from a refused connection
        }
    }
}
