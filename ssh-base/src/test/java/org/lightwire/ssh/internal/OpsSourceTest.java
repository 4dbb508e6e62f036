package org.lightwire.ssh.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lightwire.api.Options;
import org.lightwire.api.Protocol;
import org.lightwire.api.ProtocolProvider;
import org.lightwire.core.embedded.EmbeddedConnection;
import org.lightwire.role.raw.RawSocketRole;
import org.lightwire.api.Vhost;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.ssh.SshOps;
import org.lightwire.ssh.SshOpsRegistry;
import org.lightwire.ssh.SshOpsSource;

/**
 * How a vhost's ssh-base finds its ops: the "ops" pvo names ops registered in-process, the
 * "ops-from" pvo names another protocol on the vhost that is an {@link SshOpsSource}; the
 * lookup happens per connection, so a source that appears or changes later is picked up.
 */
class OpsSourceTest {

    /** A vhost whose protocols are whatever the test puts in the map. */
    private static Vhost vhost(Map<String, Protocol> protocols) {
        return (Vhost) Proxy.newProxyInstance(Vhost.class.getClassLoader(), new Class<?>[] {Vhost.class}, (proxy, m, args) -> {
            switch (m.getName()) {
                case "name":
                    return "sshd";
                case "protocol":
                    return Optional.ofNullable(protocols.get((String) args[0]));
                default:
                    throw new UnsupportedOperationException(m.getName());
            }
        });
    }

    private static final class Source implements Protocol, SshOpsSource {
        final SshOps ops;

        Source(SshOps ops) {
            this.ops = ops;
        }

        @Override
        public SshOps sshOps() {
            return ops;
        }
    }

    private static CryptoBackend jca() {
        return Backends.named("jca");
    }

    @Test
    void opsFromFollowsTheOtherProtocolAsItComesAndGoes() {
        Map<String, Protocol> protocols = new HashMap<>();
        SshBaseProtocol p = new SshBaseProtocol(vhost(protocols), Options.builder().add("ops-from", "lws-sshd-demo").build(), crypto());
        assertTrue(p.ops().isEmpty(), "no ops while the demo protocol is absent");
        TestOps first = new TestOps();
        protocols.put("lws-sshd-demo", new Source(first));
        assertSame(first, p.ops().orElseThrow());
        TestOps second = new TestOps();
        protocols.put("lws-sshd-demo", new Source(second));
        assertSame(second, p.ops().orElseThrow(), "a replaced bundle's ops take over");
        protocols.put("lws-sshd-demo", new Protocol() { });
        assertTrue(p.ops().isEmpty(), "a protocol that is not an SshOpsSource gives no ops");
    }

    @Test
    void opsNamesARegistration() throws Exception {
        TestOps ops = new TestOps();
        SshBaseProtocol p = new SshBaseProtocol(vhost(Map.of()), Options.builder().add("ops", "named-ops").build(), crypto());
        assertTrue(p.ops().isEmpty());
        try (AutoCloseable reg = SshOpsRegistry.register("named-ops", ops)) {
            assertSame(ops, p.ops().orElseThrow());
        }
        assertTrue(p.ops().isEmpty(), "closing the registration removes it");
    }

    @Test
    void withoutOpsOptionsTheInstanceExistsButHasNoOps() {
        // a vhost listing no protocols gets ssh-base without options: it must not fail the vhost
        SshBaseProtocol p = new SshBaseProtocol(vhost(Map.of()), Options.EMPTY, crypto());
        assertTrue(p.ops().isEmpty());
    }

    @Test
    void connectionWithoutOpsIsClosedWithoutAWord() {
        ProtocolProvider provider = new ProtocolProvider() {
            @Override
            public String name() {
                return "lws-ssh-base";
            }

            @Override
            public Protocol create(Vhost v, Options o) {
                return new SshBaseProtocol(v, o, crypto());
            }
        };
        try (EmbeddedConnection c = EmbeddedConnection.builder(new RawSocketRole(), provider)
                .options(Options.builder().add("ops", "nobody-registered-this").build()).build()) {
            assertFalse(c.isOpen());
            assertEquals(0, c.readOutbound().length);
        }
    }

    @Test
    void bothOpsOptionsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SshBaseProtocol(vhost(Map.of()),
                Options.builder().add("ops", "a").add("ops-from", "b").build(), crypto()));
        assertTrue(e.getMessage().contains("not both") && e.getMessage().contains("sshd"), e.getMessage());
    }

    @Test
    void badLimitsNameTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SshBaseProtocol(vhost(Map.of()),
                Options.builder().add("ops", "a").add("max-packet", "1000").build(), crypto()));
        assertTrue(e.getMessage().contains("max-packet"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SshBaseProtocol(vhost(Map.of()),
                Options.builder().add("ops", "a").add("auth-max-attempts", "many").build(), crypto()));
        assertTrue(e.getMessage().contains("auth-max-attempts"), e.getMessage());
    }

    @Test
    void hostKeysAreAskedOncePerOpsAndGeneratedWhenMissing() {
        TestOps ops = new TestOps();
        SshBaseProtocol p = new SshBaseProtocol(vhost(Map.of()), Options.builder().add("ops", "x").build(), crypto());
        List<HostKey> keys = p.hostKeys(ops, jca());
        assertEquals(List.of(Algorithms.SSH_ED25519), keys.get(0).algorithms());
        assertEquals(List.of("set-server-key"), ops.events);
        assertSame(keys, p.hostKeys(ops, jca()));
        assertEquals(1, ops.events.size());
    }

    @Test
    void badServerStringIsRefused() {
        TestOps ops = new TestOps();
        ops.serverString = "SSH-2.0-has space";
        ops.hostKeys.add(jca().ed25519().generate());
        SshBaseProtocol p = new SshBaseProtocol(vhost(Map.of()), Options.builder().add("ops", "x").build(), crypto());
        assertThrows(IllegalArgumentException.class, () -> p.hostKeys(ops, jca()));
    }

    /** The crypto supplier these tests hand the protocol. */
    private static java.util.function.Supplier<CryptoBackend> crypto() {
        return OpsSourceTest::jca;
    }
}
