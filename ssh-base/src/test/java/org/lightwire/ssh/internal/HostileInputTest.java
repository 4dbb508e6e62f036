package org.lightwire.ssh.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lightwire.api.Options;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.ssh.SshDisconnect;

/**
 * Hostile and malformed input (issue 9 acceptance 4): each ends the connection with the
 * right SSH_MSG_DISCONNECT reason, and another connection on the same loop keeps working.
 */
class HostileInputTest {

    private static CryptoBackend jca() {
        return Backends.named("jca");
    }

    static Stream<String> ciphers() {
        return Algorithms.CIPHERS.stream();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static void rawHello(SshTestClient c) {
        c.readVersion();
        c.readServerKexInit();
    }

    @Test
    void nonSshVersionLineIsAProtocolError() throws Exception {
        try (Harness h = new Harness(jca())) {
            SshTestClient c = h.client();
            c.sendRaw(ascii("GET / HTTP/1.1\r\n"));
            rawHello(c);
            assertEquals(SshDisconnect.PROTOCOL_ERROR, c.expectDisconnect());
        }
    }

    @Test
    void sshOneIsNotSupported() throws Exception {
        try (Harness h = new Harness(jca())) {
            SshTestClient c = h.client();
            c.sendRaw(ascii("SSH-1.5-OldClient\r\n"));
            rawHello(c);
            assertEquals(SshDisconnect.PROTOCOL_VERSION_NOT_SUPPORTED, c.expectDisconnect());
        }
    }

    @Test
    void overlongVersionLineIsRefused() throws Exception {
        try (Harness h = new Harness(jca())) {
            SshTestClient c = h.client();
            c.sendRaw(ascii("SSH-2.0-" + "x".repeat(300)));
            rawHello(c);
            assertEquals(SshDisconnect.PROTOCOL_ERROR, c.expectDisconnect());
        }
    }

    @Test
    void controlBytesInVersionLineAreRefused() throws Exception {
        try (Harness h = new Harness(jca())) {
            SshTestClient c = h.client();
            c.sendRaw(ascii("SSH-2.0-evil\0client\r\n"));
            rawHello(c);
            assertEquals(SshDisconnect.PROTOCOL_ERROR, c.expectDisconnect());
        }
    }

    @Test
    void versionLineSplitAcrossReadsIsAccepted() throws Exception {
        try (Harness h = new Harness(jca())) {
            SshTestClient c = h.client();
            c.sendRaw(ascii("SSH-2.0-Sl"));
            c.sendRaw(ascii("ow\r\n"));
            rawHello(c);
            c.expectNothing();
            assertTrue(h.conn.isOpen());
        }
    }

    @Test
    void oversizedPacketLengthBeforeKexIsAProtocolError() throws Exception {
        try (Harness h = new Harness(jca())) {
            SshTestClient c = h.client();
            c.hello();
            c.sendRaw(new byte[] {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xf8});
            assertEquals(SshDisconnect.PROTOCOL_ERROR, c.expectDisconnect());
        }
    }

    @ParameterizedTest
    @MethodSource("ciphers")
    void oversizedPacketLengthUnderEachCipherIsAProtocolError(String cipher) throws Exception {
        try (Harness h = new Harness(jca())) {
            SshTestClient c = h.client();
            c.connect(SshTestClient.Offer.of(cipher, Algorithms.SSH_ED25519));
            // a real packet whose length field claims 40000 bytes (the limit is 35000)
            byte[] p = c.frame(SshTestClient.msg(Msg.IGNORE).string(new byte[20]).toBytes());
            if (cipher.equals(ChaChaPolyCipher.NAME)) {
                // the length is encrypted: flip its top bits in the ciphertext instead
                p[1] ^= 0x7f;
            } else {
                Bytes.putU32(p, 0, 40000);
            }
            c.sendRaw(p);
            assertEquals(SshDisconnect.PROTOCOL_ERROR, c.expectDisconnect());
        }
    }

    @ParameterizedTest
    @MethodSource("ciphers")
    void corruptedPacketIsAMacError(String cipher) throws Exception {
        try (Harness h = new Harness(jca())) {
            SshTestClient c = h.client();
            c.connect(SshTestClient.Offer.of(cipher, Algorithms.SSH_ED25519));
            byte[] p = c.frame(SshTestClient.msg(Msg.SERVICE_REQUEST).string("ssh-userauth").toBytes());
            p[p.length - 20] ^= 1; // inside the encrypted body or the tag
            c.sendRaw(p);
            assertEquals(SshDisconnect.MAC_ERROR, c.expectDisconnect());
        }
    }

    @Test
    void misalignedPacketIsAProtocolError() throws Exception {
        try (Harness h = new Harness(jca())) {
            SshTestClient c = h.client();
            c.hello();
            byte[] p = new byte[4 + 13];
            Bytes.putU32(p, 0, 13); // 4 + 13 is not a multiple of 8
            p[4] = 4;
            p[5] = Msg.IGNORE;
            c.sendRaw(p);
            assertEquals(SshDisconnect.PROTOCOL_ERROR, c.expectDisconnect());
        }
    }

    @Test
    void paddingShorterThanFourIsAProtocolError() throws Exception {
        try (Harness h = new Harness(jca())) {
            SshTestClient c = h.client();
            c.hello();
            byte[] p = new byte[16];
            Bytes.putU32(p, 0, 12);
            p[4] = 2;
            p[5] = Msg.IGNORE;
            c.sendRaw(p);
            assertEquals(SshDisconnect.PROTOCOL_ERROR, c.expectDisconnect());
        }
    }

    @Test
    void unknownMessageAfterKexGetsUnimplementedWithItsSequenceNumber() throws Exception {
        try (Harness h = new Harness(jca())) {
            SshTestClient c = h.client();
            c.connect(SshTestClient.Offer.of(ChaChaPolyCipher.NAME, Algorithms.SSH_ED25519));
            c.login("mallory", h.clientKey);
            int seq = c.outSeq;
            c.send(SshTestClient.msg(200).string("whatever"));
            PayloadReader r = c.expect(Msg.UNIMPLEMENTED);
            assertEquals(seq, (int) SshTestClient.uncheck(r::u32));
            assertTrue(h.conn.isOpen(), "an unknown message is not fatal");
            assertEquals("still\n", c.exec("echo still").out());
        }
    }

    @Test
    void connectionMessageBeforeAuthIsAProtocolError() throws Exception {
        try (Harness h = new Harness(jca())) {
            SshTestClient c = h.client();
            c.connect(SshTestClient.Offer.of(ChaChaPolyCipher.NAME, Algorithms.SSH_ED25519));
            c.send(SshTestClient.msg(Msg.CHANNEL_OPEN).string("session").u32(0).u32(1000).u32(1000));
            assertEquals(SshDisconnect.PROTOCOL_ERROR, c.expectDisconnect());
        }
    }

    @Test
    void unknownServiceIsNotAvailable() throws Exception {
        try (Harness h = new Harness(jca())) {
            SshTestClient c = h.client();
            c.connect(SshTestClient.Offer.of(ChaChaPolyCipher.NAME, Algorithms.SSH_ED25519));
            c.send(SshTestClient.msg(Msg.SERVICE_REQUEST).string("ssh-connection"));
            assertEquals(SshDisconnect.SERVICE_NOT_AVAILABLE, c.expectDisconnect());
        }
    }

    @Test
    void truncatedMessageIsAProtocolError() throws Exception {
        try (Harness h = new Harness(jca())) {
            SshTestClient c = h.client();
            c.connect(SshTestClient.Offer.of(ChaChaPolyCipher.NAME, Algorithms.SSH_ED25519));
            c.login("trudy", h.clientKey);
            // CHANNEL_OPEN whose type string claims more bytes than the message has
            c.send(SshTestClient.msg(Msg.CHANNEL_OPEN).u32(1000).raw(new byte[] {'s', 'e'}));
            assertEquals(SshDisconnect.PROTOCOL_ERROR, c.expectDisconnect());
        }
    }

    @Test
    void windowOverflowDisconnects() throws Exception {
        try (Harness h = new Harness(jca(), jca().ed25519().generate(),
                Options.builder().add("channel-window", "32768").add("auth-failure-delay-ms", "0"))) {
            SshTestClient c = h.client();
            c.connect(SshTestClient.Offer.of(ChaChaPolyCipher.NAME, Algorithms.SSH_ED25519));
            c.login("oscar", h.clientKey);
            int ch = c.openSession(3, 1 << 20, 32768);
            c.send(SshTestClient.msg(Msg.CHANNEL_REQUEST).u32(ch).string("exec").bool(true).string("pause"));
            c.expect(Msg.CHANNEL_SUCCESS);
            c.send(SshTestClient.msg(Msg.CHANNEL_DATA).u32(ch).string(new byte[20000]));
            c.expectNothing(); // the ops hold the window shut: no WINDOW_ADJUST
            c.send(SshTestClient.msg(Msg.CHANNEL_DATA).u32(ch).string(new byte[12768]));
            c.expectNothing();
            c.send(SshTestClient.msg(Msg.CHANNEL_DATA).u32(ch).string(new byte[1]));
            assertEquals(SshDisconnect.PROTOCOL_ERROR, c.expectDisconnect());
        }
    }

    @Test
    void windowAdjustBeyondTwoToTheThirtyTwoDisconnects() throws Exception {
        try (Harness h = new Harness(jca())) {
            SshTestClient c = h.client();
            c.connect(SshTestClient.Offer.of(ChaChaPolyCipher.NAME, Algorithms.SSH_ED25519));
            c.login("oscar", h.clientKey);
            int ch = c.openSession(3, 0x7fffffff, 32768);
            c.send(SshTestClient.msg(Msg.CHANNEL_WINDOW_ADJUST).u32(ch).u32(0xffffffff));
            assertEquals(SshDisconnect.PROTOCOL_ERROR, c.expectDisconnect());
        }
    }

    @Test
    void dataForAChannelThatIsNotOpenDisconnects() throws Exception {
        try (Harness h = new Harness(jca())) {
            SshTestClient c = h.client();
            c.connect(SshTestClient.Offer.of(ChaChaPolyCipher.NAME, Algorithms.SSH_ED25519));
            c.login("oscar", h.clientKey);
            c.send(SshTestClient.msg(Msg.CHANNEL_DATA).u32(5).string(new byte[3]));
            assertEquals(SshDisconnect.PROTOCOL_ERROR, c.expectDisconnect());
        }
    }

    @Test
    void tooManyChannelsAreRefusedWithResourceShortage() throws Exception {
        try (Harness h = new Harness(jca(), jca().ed25519().generate(), Options.builder().add("max-channels", "2"))) {
            SshTestClient c = h.client();
            c.connect(SshTestClient.Offer.of(ChaChaPolyCipher.NAME, Algorithms.SSH_ED25519));
            c.login("oscar", h.clientKey);
            c.openSession(1, 1000, 1000);
            c.openSession(2, 1000, 1000);
            c.send(SshTestClient.msg(Msg.CHANNEL_OPEN).string("session").u32(3).u32(1000).u32(1000));
            PayloadReader r = c.expect(Msg.CHANNEL_OPEN_FAILURE);
            assertEquals(3, (int) SshTestClient.uncheck(r::u32));
            assertEquals(Msg.OPEN_RESOURCE_SHORTAGE, (int) SshTestClient.uncheck(r::u32));
            c.send(SshTestClient.msg(Msg.CHANNEL_OPEN).string("direct-tcpip").u32(4).u32(1000).u32(1000).string("h").u32(1).string("o").u32(2));
            r = c.expect(Msg.CHANNEL_OPEN_FAILURE);
            SshTestClient.uncheck(r::u32);
            assertEquals(Msg.OPEN_UNKNOWN_CHANNEL_TYPE, (int) SshTestClient.uncheck(r::u32));
        }
    }

    @Test
    void authFloodIsPacedAndEndsWithNoMoreAuthMethods() throws Exception {
        try (Harness h = new Harness(jca(), jca().ed25519().generate(),
                Options.builder().add("auth-max-attempts", "3").add("auth-failure-delay-ms", "500"))) {
            SshTestClient c = h.client();
            c.connect(SshTestClient.Offer.of(ChaChaPolyCipher.NAME, Algorithms.SSH_ED25519));
            c.requestUserAuth();
            var stranger = jca().ed25519().generate();
            // the flood: five signed requests with an unauthorised key, all at once
            for (int i = 0; i < 5; i++) {
                c.send(c.publickeyRequest("root", stranger, Algorithms.SSH_ED25519));
            }
            c.expectNothing(); // the first failure waits for the delay
            h.conn.advanceMicros(499_000);
            c.expectNothing();
            h.conn.advanceMicros(1_000);
            c.expect(Msg.USERAUTH_FAILURE);
            c.expectNothing(); // the second request is only now being read: its answer waits too
            h.conn.advanceMicros(500_000);
            c.expect(Msg.USERAUTH_FAILURE);
            // the third request is read at once and its failure reaches the limit: no delay, no answer but DISCONNECT
            assertEquals(SshDisconnect.NO_MORE_AUTH_METHODS_AVAILABLE, c.expectDisconnect());
        }
    }

    @Test
    void noneFloodIsPacedAndEndsWithNoMoreAuthMethods() throws Exception {
        try (Harness h = new Harness(jca(), jca().ed25519().generate(),
                Options.builder().add("auth-max-attempts", "2").add("auth-failure-delay-ms", "500"))) {
            SshTestClient c = h.client();
            c.connect(SshTestClient.Offer.of(ChaChaPolyCipher.NAME, Algorithms.SSH_ED25519));
            c.requestUserAuth();
            for (int i = 0; i < 5; i++) {
                c.send(SshTestClient.msg(Msg.USERAUTH_REQUEST).string("u").string("ssh-connection").string("none"));
            }
            c.expect(Msg.USERAUTH_FAILURE); // the first asks which methods exist: answered at once
            c.expectNothing(); // the second is a failure: it waits for the delay
            h.conn.advanceMicros(500_000);
            c.expect(Msg.USERAUTH_FAILURE);
            assertEquals(SshDisconnect.NO_MORE_AUTH_METHODS_AVAILABLE, c.expectDisconnect());
        }
    }

    @Test
    void hostileConnectionDoesNotDisturbAnother() throws Exception {
        // core's harness binds a protocol only to its first connection (EmbeddedConnection.accept()
        // binds none), so the second connection lives in a second harness; the point is that the
        // hostile one ends alone
        try (Harness h = new Harness(jca()); Harness other = new Harness(jca())) {
            SshTestClient good = h.client();
            good.connect(SshTestClient.Offer.of(AesGcmCipher.AES256, Algorithms.SSH_ED25519));
            good.login("alice", h.clientKey);
            SshTestClient bad = other.client();
            bad.sendRaw(ascii("SSH-2.0-x\r\n"));
            bad.readVersion();
            bad.readServerKexInit();
            bad.sendRaw(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff});
            assertEquals(SshDisconnect.PROTOCOL_ERROR, bad.expectDisconnect());
            assertFalse(bad.conn.isOpen());
            assertTrue(h.conn.isOpen());
            assertEquals("unaffected\n", good.exec("echo unaffected").out());
        }
    }

    @Test
    void noCommonCipherIsAKeyExchangeFailure() throws Exception {
        try (Harness h = new Harness(jca())) {
            SshTestClient c = h.client();
            c.hello();
            c.send(c.clientKexInit(new SshTestClient.Offer(Algorithms.CURVE25519, Algorithms.SSH_ED25519, "3des-cbc", "hmac-md5",
                    false, false)));
            assertEquals(SshDisconnect.KEY_EXCHANGE_FAILED, c.expectDisconnect());
        }
    }

    @Test
    void sha1RsaIsNotNegotiableUnlessOpsAllowIt() throws Exception {
        try (Harness h = new Harness(jca(), KexAndSessionTest.hostKey(jca(), Algorithms.RSA_SHA2_256), Options.builder())) {
            SshTestClient c = h.client();
            c.hello();
            c.send(c.clientKexInit(new SshTestClient.Offer(Algorithms.CURVE25519, Algorithms.SSH_RSA, ChaChaPolyCipher.NAME,
                    AesCtrEtmCipher.HMAC_SHA256_ETM, false, false)));
            assertEquals(SshDisconnect.KEY_EXCHANGE_FAILED, c.expectDisconnect());
        }
    }

    @Test
    void smallOrderCurvePointIsAKeyExchangeFailure() throws Exception {
        try (Harness h = new Harness(jca())) {
            SshTestClient c = h.client();
            c.hello();
            c.send(c.clientKexInit(SshTestClient.Offer.of(ChaChaPolyCipher.NAME, Algorithms.SSH_ED25519)));
            c.send(SshTestClient.msg(Msg.KEX_ECDH_INIT).string(new byte[32])); // the all-zero point
            assertEquals(SshDisconnect.KEY_EXCHANGE_FAILED, c.expectDisconnect());
        }
    }

    @Test
    void wrongSizeCurvePointIsAKeyExchangeFailure() throws Exception {
        try (Harness h = new Harness(jca())) {
            SshTestClient c = h.client();
            c.hello();
            c.send(c.clientKexInit(SshTestClient.Offer.of(ChaChaPolyCipher.NAME, Algorithms.SSH_ED25519)));
            c.send(SshTestClient.msg(Msg.KEX_ECDH_INIT).string(new byte[31]));
            assertEquals(SshDisconnect.KEY_EXCHANGE_FAILED, c.expectDisconnect());
        }
    }

    @Test
    void clientDisconnectReachesTheOps() throws Exception {
        try (Harness h = new Harness(jca())) {
            SshTestClient c = h.client();
            c.connect(SshTestClient.Offer.of(ChaChaPolyCipher.NAME, Algorithms.SSH_ED25519));
            c.send(SshTestClient.msg(Msg.DISCONNECT).u32(SshDisconnect.BY_APPLICATION).string("bye").string(""));
            h.conn.runPending();
            assertEquals(SshDisconnect.BY_APPLICATION, h.ops.lastDisconnectReason);
            assertFalse(h.conn.isOpen());
        }
    }

    @Test
    void wholeSessionDeliveredOneByteAtATime() throws Exception {
        try (Harness h = new Harness(jca())) {
            SshTestClient c = h.client();
            c.dribble = true;
            c.connect(SshTestClient.Offer.of(AesGcmCipher.AES128, Algorithms.SSH_ED25519));
            c.login("slow", h.clientKey);
            assertEquals("byte by byte\n", c.exec("echo byte by byte").out());
        }
    }

    @Test
    void randomBytesBeforeKexNeverEscapeAsExceptions() throws Exception {
        java.util.Random random = new java.util.Random(4253);
        for (int round = 0; round < 200; round++) {
            try (Harness h = new Harness(jca())) {
                SshTestClient c = h.client();
                c.hello();
                byte[] junk = new byte[1 + random.nextInt(300)];
                random.nextBytes(junk);
                c.sendRaw(junk);
                assertGracefulOutcome(h, c, "round " + round);
            }
        }
    }

    @Test
    void randomBytesAfterKexAreMacOrProtocolErrors() throws Exception {
        java.util.Random random = new java.util.Random(4344);
        for (String cipher : Algorithms.CIPHERS) {
            for (int round = 0; round < 20; round++) {
                try (Harness h = new Harness(jca())) {
                    SshTestClient c = h.client();
                    c.connect(SshTestClient.Offer.of(cipher, Algorithms.SSH_ED25519));
                    byte[] junk = new byte[40000];
                    random.nextBytes(junk);
                    c.sendRaw(junk);
                    int reason = c.expectDisconnect();
                    assertTrue(reason == SshDisconnect.MAC_ERROR || reason == SshDisconnect.PROTOCOL_ERROR,
                            cipher + " round " + round + ": reason " + reason);
                }
            }
        }
    }

    /** Either still open and waiting, or ended by a DISCONNECT; never closed by an exception. */
    private static void assertGracefulOutcome(Harness h, SshTestClient c, String what) {
        for (byte[] p = c.poll(); p != null; p = c.poll()) {
            if ((p[0] & 0xff) == Msg.DISCONNECT) {
                assertFalse(h.conn.isOpen(), what);
                return;
            }
        }
        assertTrue(h.conn.isOpen(), what + ": closed without DISCONNECT (an exception escaped?)");
    }
}
