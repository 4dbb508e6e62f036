/**
 * The lws-sshd-demo plugin: ops for lws-ssh-base that run a shell or a command for a key
 * listed in an OpenSSH authorized_keys file. Exports nothing; found through its
 * {@link org.lightwire.api.ProtocolProvider}.
 */
module org.lightwire.plugin.sshddemo {
    requires org.lightwire.spi;
    requires org.lightwire.ssh;

    provides org.lightwire.api.ProtocolProvider with org.lightwire.plugin.sshddemo.SshdDemoProvider;
}
