package org.lightwire.ssh.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lightwire.api.Options;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.api.crypto.KeyElements;

/**
 * Full sessions against the server on every backend: each cipher with each host key
 * algorithm, then publickey auth and an exec whose output and exit status arrive.
 */
class KexAndSessionTest {

    static Stream<Arguments> combinations() {
        List<Arguments> out = new ArrayList<>();
        for (CryptoBackend b : Backends.all()) {
            for (String cipher : Algorithms.CIPHERS) {
                for (String host : List.of(Algorithms.SSH_ED25519, Algorithms.RSA_SHA2_256, Algorithms.RSA_SHA2_512)) {
                    out.add(Arguments.of(b.name(), cipher, host));
                }
            }
        }
        return out.stream();
    }

    static final java.util.Map<String, KeyElements> RSA_KEYS = new java.util.concurrent.ConcurrentHashMap<>();

    static KeyElements hostKey(CryptoBackend b, String alg) {
        if (alg.equals(Algorithms.SSH_ED25519)) {
            return b.ed25519().generate();
        }
        // one 2048-bit key per backend: generating RSA keys is slow
        return RSA_KEYS.computeIfAbsent(b.name(), n -> b.rsa().generate(2048));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("combinations")
    void execOverEachCipherAndHostKey(String backend, String cipher, String hostAlg) throws Exception {
        CryptoBackend b = Backends.named(backend);
        try (Harness h = new Harness(b, hostKey(b, hostAlg), Options.builder())) {
            SshTestClient c = h.client();
            c.connect(SshTestClient.Offer.of(cipher, hostAlg));
            c.login("alice", h.clientKey);
            SshTestClient.Result r = c.exec("echo hi there");
            assertEquals("hi there\n", r.out());
            assertEquals(0, r.exitStatus);
            assertTrue(r.eof);
            assertTrue(h.ops.events.contains("exec echo hi there"));
            assertTrue(h.ops.events.contains("destroy 0"), "channel destroyed after both CLOSEs: " + h.ops.events);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("macs")
    void aesCtrWithEachEtmMac(String backend, String mac) throws Exception {
        CryptoBackend b = Backends.named(backend);
        try (Harness h = new Harness(b)) {
            SshTestClient c = h.client();
            c.connect(new SshTestClient.Offer(Algorithms.CURVE25519_LIBSSH, Algorithms.SSH_ED25519, AesCtrEtmCipher.AES256_CTR, mac,
                    false, false));
            c.login("bob", h.clientKey);
            SshTestClient.Result r = c.exec("big 100000");
            assertEquals(100000, r.stdout.size());
            assertEquals(0, r.exitStatus);
        }
    }

    static Stream<Arguments> macs() {
        return Backends.all().stream().flatMap(b -> Algorithms.MACS.stream().map(m -> Arguments.of(b.name(), m)));
    }

    static Stream<String> backends() {
        return Backends.all().stream().map(CryptoBackend::name);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void extInfoAdvertisesServerSigAlgs(String backend) throws Exception {
        try (Harness h = new Harness(Backends.named(backend))) {
            SshTestClient c = h.client();
            c.connect(SshTestClient.Offer.of(ChaChaPolyCipher.NAME, Algorithms.SSH_ED25519));
            PayloadReader r = new PayloadReader().reset(c.extInfo, 0, c.extInfo.length);
            SshTestClient.uncheck(r::u8);
            assertEquals(1, (int) SshTestClient.uncheck(r::u32));
            assertEquals("server-sig-algs", SshTestClient.uncheck(() -> r.ascii(64)));
            assertEquals("ssh-ed25519,rsa-sha2-256,rsa-sha2-512", SshTestClient.uncheck(() -> r.ascii(256)));
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void serverKexInitOffersStrictKexAndNoSha1RsaByDefault(String backend) throws Exception {
        try (Harness h = new Harness(Backends.named(backend), hostKey(Backends.named(backend), Algorithms.RSA_SHA2_256), Options.builder())) {
            SshTestClient c = h.client();
            c.hello();
            assertTrue(c.serverKexInit.kex().contains(Algorithms.STRICT_KEX_S));
            assertEquals(List.of(Algorithms.RSA_SHA2_512, Algorithms.RSA_SHA2_256), c.serverKexInit.hostKey());
            assertEquals(List.of("none"), c.serverKexInit.compressionC2s());
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void clientInitiatedRekeyKeepsTheSessionGoing(String backend) throws Exception {
        try (Harness h = new Harness(Backends.named(backend))) {
            SshTestClient c = h.client();
            SshTestClient.Offer first = SshTestClient.Offer.of(ChaChaPolyCipher.NAME, Algorithms.SSH_ED25519);
            c.connect(first);
            c.login("carol", h.clientKey);
            byte[] sid = c.sessionId.clone();
            // re-key to another cipher: the server answers with its own KEXINIT
            SshTestClient.Offer second = SshTestClient.Offer.of(AesGcmCipher.AES256, Algorithms.SSH_ED25519);
            byte[] ci = c.clientKexInit(second);
            c.send(ci);
            c.readServerKexInit();
            c.finishKex(second, ci);
            assertTrue(java.util.Arrays.equals(sid, c.sessionId), "session id stays the first exchange hash");
            assertEquals("after rekey\n", c.exec("echo after rekey").out());
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void serverRekeysAfterTheByteLimit(String backend) throws Exception {
        CryptoBackend b = Backends.named(backend);
        try (Harness h = new Harness(b, b.ed25519().generate(), Options.builder().add("rekey-bytes", "65536"))) {
            SshTestClient c = h.client();
            SshTestClient.Offer offer = SshTestClient.Offer.of(AesCtrEtmCipher.AES128_CTR, Algorithms.SSH_ED25519);
            c.connect(offer);
            c.login("dave", h.clientKey);
            int ch = c.openSession(1, 1 << 20, 32768);
            c.send(SshTestClient.msg(Msg.CHANNEL_REQUEST).u32(ch).string("exec").bool(true).string("big 200000"));
            // read data until the server's KEXINIT appears mid-stream
            int got = 0;
            for (;;) {
                byte[] p = c.next();
                int type = p[0] & 0xff;
                if (type == Msg.KEXINIT) {
                    c.serverKexInitPayload = p;
                    break;
                }
                if (type == Msg.CHANNEL_DATA) {
                    got += p.length - 9;
                }
            }
            assertTrue(got >= 16384 && got < 200000, "re-key starts while the output is flowing: " + got);
            // strict kex (negotiated first) resets sequence numbers at every NEWKEYS, re-keys included
            c.kex(new SshTestClient.Offer(Algorithms.CURVE25519, Algorithms.SSH_ED25519, AesCtrEtmCipher.AES128_CTR,
                    AesCtrEtmCipher.HMAC_SHA256_ETM, true, false));
            SshTestClient.Result r = c.collect(ch, 1 << 20);
            assertEquals(200000, got + r.stdout.size());
            assertEquals(0, r.exitStatus);
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void generatesAndStoresAHostKeyWhenOpsHaveNone(String backend) throws Exception {
        CryptoBackend b = Backends.named(backend);
        try (Harness h = new Harness(b, null, Options.builder())) {
            SshTestClient c = h.client();
            c.connect(SshTestClient.Offer.of(ChaChaPolyCipher.NAME, Algorithms.SSH_ED25519));
            assertTrue(h.ops.events.contains("set-server-key"));
            assertTrue(java.util.Arrays.equals(org.lightwire.ssh.keys.SshPublicKey.of(h.ops.storedKey).blob(), c.hostKeyBlob));
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void rsaClientKeyAuthenticatesWithRsaSha2(String backend) throws Exception {
        CryptoBackend b = Backends.named(backend);
        try (Harness h = new Harness(b)) {
            KeyElements rsa = hostKey(b, Algorithms.RSA_SHA2_256);
            h.ops.authorized.add(org.lightwire.ssh.keys.SshPublicKey.of(rsa));
            SshTestClient c = h.client();
            c.connect(SshTestClient.Offer.of(ChaChaPolyCipher.NAME, Algorithms.SSH_ED25519));
            c.requestUserAuth();
            c.send(c.publickeyRequest("erin", rsa, Algorithms.RSA_SHA2_256));
            assertEquals(Msg.USERAUTH_SUCCESS, c.next()[0] & 0xff);
            assertEquals("x\n", c.exec("echo x").out());
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void serverRekeysAfterThePacketLimitAndAfterTheTimeLimit(String backend) throws Exception {
        CryptoBackend b = Backends.named(backend);
        try (Harness h = new Harness(b, b.ed25519().generate(), Options.builder().add("rekey-packets", "40").add("rekey-secs", "60"))) {
            SshTestClient c = h.client();
            SshTestClient.Offer offer = SshTestClient.Offer.of(AesGcmCipher.AES128, Algorithms.SSH_ED25519);
            c.connect(offer);
            c.login("frank", h.clientKey);
            // packets both ways count: IGNOREs from the client until the server starts a re-key
            int sent = 0;
            byte[] p = null;
            while (p == null && sent < 40) {
                c.send(SshTestClient.msg(Msg.IGNORE).string("x"));
                sent++;
                p = c.poll();
            }
            assertEquals(Msg.KEXINIT, p[0] & 0xff, "KEXINIT after the packet limit");
            assertTrue(sent < 40, "packets since the last NEWKEYS count, including the server's: " + sent);
            c.serverKexInitPayload = p;
            c.kex(offer);
            assertEquals("after packets\n", c.exec("echo after packets").out());
            // time: the next packet after rekey-secs triggers another exchange
            h.conn.advanceSeconds(61);
            c.send(SshTestClient.msg(Msg.IGNORE).string("tick"));
            c.readServerKexInit();
            c.kex(offer);
            assertEquals("after time\n", c.exec("echo after time").out());
        }
    }
}
