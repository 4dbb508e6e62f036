/**
 * Lightwire ssh-base (lws {@code lws-ssh-base}): an abstract SSH-2 server protocol for raw
 * vhosts, finished by user code through {@link org.lightwire.ssh.SshOps}.
 *
 * <ul>
 *   <li>{@code org.lightwire.ssh}: the ops SPI users implement and the handles they get.</li>
 *   <li>{@code org.lightwire.ssh.keys}: OpenSSH private key files and authorized_keys lines.</li>
 *   <li>{@code org.lightwire.ssh.internal}: the transport, auth and connection protocols;
 *       not exported.</li>
 * </ul>
 */
module org.lightwire.ssh {
    requires transitive org.lightwire.spi;
    requires static org.osgi.annotation.bundle;
    requires static org.osgi.annotation.versioning;

    exports org.lightwire.ssh;
    exports org.lightwire.ssh.keys;

    provides org.lightwire.api.ProtocolProvider with org.lightwire.ssh.internal.SshBaseProvider;

}
