package org.lightwire.ssh.internal;

import java.util.concurrent.atomic.AtomicInteger;
import org.lightwire.api.Options;
import org.lightwire.api.Protocol;
import org.lightwire.api.ProtocolProvider;
import org.lightwire.api.Vhost;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.core.embedded.EmbeddedConnection;
import org.lightwire.role.raw.RawSocketRole;
import org.lightwire.ssh.SshBase;
import org.lightwire.ssh.SshOpsRegistry;
import org.lightwire.ssh.keys.SshPublicKey;

/**
 * An ssh-base server on core's in-memory harness with {@link TestOps} registered for the
 * "ops" pvo, on a chosen crypto backend, plus a client key the ops authorise.
 */
final class Harness implements AutoCloseable {
    private static final AtomicInteger SEQ = new AtomicInteger();

    final CryptoBackend crypto;
    final TestOps ops = new TestOps();
    final KeyElements clientKey;
    final EmbeddedConnection conn;
    private final AutoCloseable registration;

    Harness(CryptoBackend crypto, KeyElements hostKey, Options.Builder extra) {
        this.crypto = crypto;
        if (hostKey != null) {
            ops.hostKeys.add(hostKey);
        }
        clientKey = crypto.ed25519().generate();
        ops.authorized.add(SshPublicKey.of(clientKey));
        String name = "test-ops-" + SEQ.incrementAndGet();
        registration = SshOpsRegistry.register(name, ops);
        Options options = extra.add(SshBase.PVO_OPS, name).build();
        ProtocolProvider provider = new ProtocolProvider() {
            @Override
            public String name() {
                return SshBase.PROTOCOL_NAME;
            }

            @Override
            public Protocol create(Vhost vhost, Options o) {
                return new SshBaseProtocol(vhost, o, () -> crypto);
            }
        };
        conn = EmbeddedConnection.builder(new RawSocketRole(), provider).options(options).rxBufferSize(64 * 1024).build();
    }

    Harness(CryptoBackend crypto) {
        this(crypto, crypto.ed25519().generate(), Options.builder().add("auth-failure-delay-ms", "0"));
    }

    SshTestClient client() {
        return new SshTestClient(conn, crypto);
    }

    @Override
    public void close() throws Exception {
        conn.close();
        registration.close();
    }
}
