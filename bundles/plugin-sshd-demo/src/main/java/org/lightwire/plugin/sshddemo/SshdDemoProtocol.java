package org.lightwire.plugin.sshddemo;

import org.lightwire.api.Connection;
import org.lightwire.api.LightwireException;
import org.lightwire.api.Protocol;
import org.lightwire.api.Vhost;
import org.lightwire.api.raw.RawProtocol;
import org.lightwire.api.raw.RawSession;
import org.lightwire.ssh.SshBase;
import org.lightwire.ssh.SshOps;
import org.lightwire.ssh.SshOpsSource;

/**
 * lws-sshd-demo on one vhost: the ops source ssh-base finds through its
 * {@code "ops-from": "lws-sshd-demo"} pvo (lws: the protocol's {@code user} pointer), and —
 * for the README's config where this protocol, not lws-ssh-base, is marked
 * {@code "raw": "1"} — a raw protocol that hands each accepted connection to lws-ssh-base
 * on the same vhost.
 */
final class SshdDemoProtocol implements RawProtocol, SshOpsSource {

    private final Vhost vhost;
    private final SshdDemoOps ops;

    SshdDemoProtocol(Vhost vhost, SshdDemoOps ops) {
        this.vhost = vhost;
        this.ops = ops;
    }

    @Override
    public SshOps sshOps() {
        return ops;
    }

    @Override
    public RawSession newSession(Connection connection) {
        Protocol base = vhost.protocol(SshBase.PROTOCOL_NAME).orElseThrow(() -> new LightwireException("vhost '"
                + vhost.name() + "': lws-sshd-demo got a raw connection but " + SshBase.PROTOCOL_NAME
                + " is not enabled on the vhost or not installed"));
        if (!(base instanceof RawProtocol raw)) {
            throw new LightwireException("vhost '" + vhost.name() + "': " + SshBase.PROTOCOL_NAME + " is not a raw protocol");
        }
        return raw.newSession(connection);
    }
}
