package org.lightwire.benchmarks.ssh;

import java.nio.file.Path;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;
import org.apache.sshd.server.shell.ProcessShellCommandFactory;

/**
 * The reference: Apache MINA SSHD 2.20's server in the benchmark JVM, with the same host
 * key file, authorized_keys file and forced cipher as Lightwire's sshd-demo, running exec
 * commands as processes ({@link ProcessShellCommandFactory}) just as sshd-demo does.
 */
final class MinaSshServer implements SshServerUnderTest {

    private final SshServer server;

    private MinaSshServer(SshServer server) {
        this.server = server;
    }

    static MinaSshServer start(int port, Path hostKey, Path authorizedKeys, String cipher) throws Exception {
        SshServer s = SshServer.setUpDefaultServer();
        s.setHost("127.0.0.1");
        s.setPort(port);
        s.setKeyPairProvider(new FileKeyPairProvider(hostKey));
        s.setPublickeyAuthenticator(new AuthorizedKeysAuthenticator(authorizedKeys));
        s.setCommandFactory(new ProcessShellCommandFactory());
        s.setCipherFactoriesNames(cipher);
        s.start();
        return new MinaSshServer(s);
    }

    @Override
    public String name() {
        return "MINA SSHD 2.20";
    }

    @Override
    public int port() {
        return server.getPort();
    }

    @Override
    public void close() throws Exception {
        server.stop(true);
    }
}
