package org.lightwire.ssh.internal;

import org.lightwire.api.Options;
import org.lightwire.api.Protocol;
import org.lightwire.api.ProtocolProvider;
import org.lightwire.api.Vhost;
import org.lightwire.ssh.SshBase;

/**
 * Provides the protocol {@value SshBase#PROTOCOL_NAME} (lws' {@code lws-ssh-base} plugin):
 * one {@link SshBaseProtocol} per vhost that enables it, using the vhost's crypto backend.
 */
public final class SshBaseProvider implements ProtocolProvider {

    @Override
    public String name() {
        return SshBase.PROTOCOL_NAME;
    }

    @Override
    public Protocol create(Vhost vhost, Options options) {
        return new SshBaseProtocol(vhost, options, () -> vhost.context().crypto());
    }
}
