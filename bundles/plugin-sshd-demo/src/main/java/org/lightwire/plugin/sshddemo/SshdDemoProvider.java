package org.lightwire.plugin.sshddemo;

import org.lightwire.api.Options;
import org.lightwire.api.Protocol;
import org.lightwire.api.ProtocolProvider;
import org.lightwire.api.Vhost;

/**
 * "lws-sshd-demo", the analogue of lws' {@code protocol_lws_sshd_demo} plugin: SSH ops
 * for lws-ssh-base that run a shell or command for a key in an OpenSSH authorized_keys
 * file. Enable it next to lws-ssh-base on a raw vhost and point ssh-base at it:
 * <pre>
 * "ws-protocols": [{
 *   "lws-ssh-base":  { "status": "ok", "ops-from": "lws-sshd-demo" },
 *   "lws-sshd-demo": { "status": "ok", "raw": "1",
 *                      "host-key": "/var/lib/lightwire/ssh_host_ed25519_key",
 *                      "authorized-keys": "/etc/lightwire/authorized_keys" }
 * }]
 * </pre>
 * Options: {@link DemoSettings}.
 */
public final class SshdDemoProvider implements ProtocolProvider {

    public static final String NAME = "lws-sshd-demo";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Protocol create(Vhost vhost, Options options) {
        DemoSettings settings = DemoSettings.read(vhost.name(), options);
        SshdDemoOps ops = new SshdDemoOps(vhost.name(), settings);
        ops.checkHostKeys();
        return new SshdDemoProtocol(vhost, ops);
    }

}
