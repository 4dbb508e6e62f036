package org.lightwire.ssh.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.lightwire.ssh.SshDisconnect;

/**
 * OpenSSH's strict key exchange (kex-strict-c/s-v00@openssh.com), the countermeasure to the
 * Terrapin prefix-truncation attack: with both sides strict, KEXINIT must be the first
 * packet, nothing but kex messages may arrive during the initial exchange, and sequence
 * numbers restart at every NEWKEYS.
 */
class StrictKexTest {

    private static Harness harness() {
        return new Harness(Backends.named("jca"));
    }

    @Test
    void ignoreBeforeKexInitIsAViolationWhenStrict() throws Exception {
        try (Harness h = harness()) {
            SshTestClient c = h.client();
            c.hello();
            c.send(SshTestClient.msg(Msg.IGNORE).string("terrapin"));
            c.send(c.clientKexInit(SshTestClient.Offer.of(ChaChaPolyCipher.NAME, Algorithms.SSH_ED25519)));
            assertEquals(SshDisconnect.PROTOCOL_ERROR, c.expectDisconnect());
        }
    }

    @Test
    void ignoreBeforeKexInitIsFineWithoutStrictKex() throws Exception {
        try (Harness h = harness()) {
            SshTestClient c = h.client();
            c.hello();
            c.send(SshTestClient.msg(Msg.IGNORE).string("harmless"));
            SshTestClient.Offer o = new SshTestClient.Offer(Algorithms.CURVE25519, Algorithms.SSH_ED25519, ChaChaPolyCipher.NAME,
                    AesCtrEtmCipher.HMAC_SHA256_ETM, false, false);
            c.kex(o);
            c.login("u", h.clientKey);
            assertTrue(h.conn.isOpen());
        }
    }

    @Test
    void ignoreDuringInitialKexIsAViolationWhenStrict() throws Exception {
        try (Harness h = harness()) {
            SshTestClient c = h.client();
            c.hello();
            c.send(c.clientKexInit(SshTestClient.Offer.of(ChaChaPolyCipher.NAME, Algorithms.SSH_ED25519)));
            c.send(SshTestClient.msg(Msg.IGNORE).string("injected"));
            assertEquals(SshDisconnect.PROTOCOL_ERROR, c.expectDisconnect());
        }
    }

    @Test
    void sequenceNumbersRestartAfterNewKeys() throws Exception {
        try (Harness h = harness()) {
            SshTestClient c = h.client();
            c.connect(SshTestClient.Offer.of(AesCtrEtmCipher.AES128_CTR, Algorithms.SSH_ED25519));
            // the client restarted at 0 after NEWKEYS: its first message verifies only if the
            // server restarted too (the MAC covers the sequence number)
            assertEquals(0, c.outSeq);
            c.requestUserAuth();
            assertTrue(h.conn.isOpen());
        }
    }

    @Test
    void nonStrictClientKeepsCountingSequenceNumbers() throws Exception {
        try (Harness h = harness()) {
            SshTestClient c = h.client();
            SshTestClient.Offer o = new SshTestClient.Offer(Algorithms.CURVE25519, Algorithms.SSH_ED25519, AesCtrEtmCipher.AES128_CTR,
                    AesCtrEtmCipher.HMAC_SHA256_ETM, false, false);
            c.hello();
            c.kex(o);
            assertEquals(3, c.outSeq); // KEXINIT, ECDH_INIT, NEWKEYS
            c.requestUserAuth();
            assertTrue(h.conn.isOpen());
        }
    }

    @Test
    void serviceRequestBeforeNewKeysIsAViolation() throws Exception {
        try (Harness h = harness()) {
            SshTestClient c = h.client();
            c.hello();
            c.send(c.clientKexInit(SshTestClient.Offer.of(ChaChaPolyCipher.NAME, Algorithms.SSH_ED25519)));
            c.send(SshTestClient.msg(Msg.SERVICE_REQUEST).string("ssh-userauth"));
            assertEquals(SshDisconnect.PROTOCOL_ERROR, c.expectDisconnect());
        }
    }

    @Test
    void newKeysBeforeTheReplyIsAProtocolError() throws Exception {
        try (Harness h = harness()) {
            SshTestClient c = h.client();
            c.hello();
            c.send(c.clientKexInit(SshTestClient.Offer.of(ChaChaPolyCipher.NAME, Algorithms.SSH_ED25519)));
            c.send(SshTestClient.msg(Msg.NEWKEYS));
            assertEquals(SshDisconnect.PROTOCOL_ERROR, c.expectDisconnect());
        }
    }

    @Test
    void wronglyGuessedFirstKexPacketIsIgnored() throws Exception {
        try (Harness h = harness()) {
            SshTestClient c = h.client();
            c.hello();
            // RFC 4253 7: the client guesses a method the server lacks and sends its packet early
            byte[] ci = new PayloadWriter(512).u8(Msg.KEXINIT).raw(new byte[16])
                    .string("sntrup761x25519-sha512@openssh.com," + Algorithms.CURVE25519).string(Algorithms.SSH_ED25519)
                    .string(ChaChaPolyCipher.NAME).string(ChaChaPolyCipher.NAME).string(AesCtrEtmCipher.HMAC_SHA256_ETM)
                    .string(AesCtrEtmCipher.HMAC_SHA256_ETM).string("none").string("none").string("").string("").bool(true).u32(0)
                    .toBytes();
            c.send(ci);
            c.send(SshTestClient.msg(Msg.KEX_ECDH_INIT).string(new byte[1158])); // the guessed method's packet: dropped
            c.expectNothing();
            SshTestClient.Offer o = new SshTestClient.Offer(Algorithms.CURVE25519, Algorithms.SSH_ED25519, ChaChaPolyCipher.NAME,
                    AesCtrEtmCipher.HMAC_SHA256_ETM, false, false);
            c.finishKex(o, ci);
            c.login("u", h.clientKey);
            assertTrue(h.conn.isOpen());
        }
    }
}
