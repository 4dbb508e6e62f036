package org.lightwire.ssh;

/**
 * A protocol that hands out ops for ssh-base (lws: a protocol whose {@code user} pointer is
 * the {@code lws_ssh_ops}, named by the {@code "ops-from"} pvo).
 *
 * <p>Implement this on the {@link org.lightwire.api.Protocol} instance your provider creates
 * for a vhost, enable that protocol on the same vhost as {@value SshBase#PROTOCOL_NAME}, and
 * give ssh-base {@code "ops-from": "<your protocol name>"}. ssh-base looks the protocol up
 * with {@link org.lightwire.api.Vhost#protocol(String)} for every new connection, so a bundle
 * hot-deployed later (or replaced) takes over without a restart; connections made while it
 * is absent are refused.
 */
public interface SshOpsSource {

    /**
     * The ops for the vhost this protocol instance belongs to. Return the same instance each
     * time: ssh-base keeps the host keys per ops instance and asks again for a new one.
     */
    SshOps sshOps();
}
