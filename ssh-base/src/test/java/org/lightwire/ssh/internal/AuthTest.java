package org.lightwire.ssh.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.ssh.keys.SshPublicKey;

/** User authentication (RFC 4252, RFC 4256) as ssh-base runs it for the ops. */
class AuthTest {

    private static CryptoBackend jca() {
        return Backends.named("jca");
    }

    private static SshTestClient connected(Harness h) {
        SshTestClient c = h.client();
        c.connect(SshTestClient.Offer.of(ChaChaPolyCipher.NAME, Algorithms.SSH_ED25519));
        c.requestUserAuth();
        return c;
    }

    private static String methods(byte[] failure) {
        PayloadReader r = SshTestClient.reader(failure);
        return SshTestClient.uncheck(() -> r.ascii(256));
    }

    @Test
    void noneListsOnlyPublickeyWhenOpsOfferNoPassword() throws Exception {
        try (Harness h = new Harness(jca())) {
            SshTestClient c = connected(h);
            c.send(SshTestClient.msg(Msg.USERAUTH_REQUEST).string("u").string("ssh-connection").string("none"));
            byte[] p = c.next();
            assertEquals(Msg.USERAUTH_FAILURE, p[0] & 0xff);
            assertEquals("publickey", methods(p));
        }
    }

    @Test
    void bannerComesBeforeTheFirstAnswer() throws Exception {
        try (Harness h = new Harness(jca())) {
            h.ops.banner = "authorised use only\r\n";
            SshTestClient c = connected(h);
            c.send(SshTestClient.msg(Msg.USERAUTH_REQUEST).string("u").string("ssh-connection").string("none"));
            PayloadReader r = c.expect(Msg.USERAUTH_BANNER);
            assertEquals("authorised use only\r\n", SshTestClient.uncheck(() -> r.utf8(100)));
            c.expect(Msg.USERAUTH_FAILURE);
        }
    }

    @Test
    void publickeyQueryForAnAuthorisedKeyGetsPkOk() throws Exception {
        try (Harness h = new Harness(jca())) {
            SshTestClient c = connected(h);
            byte[] blob = SshPublicKey.of(h.clientKey).blob();
            c.send(SshTestClient.msg(Msg.USERAUTH_REQUEST).string("u").string("ssh-connection").string("publickey").bool(false)
                    .string("ssh-ed25519").string(blob));
            PayloadReader r = c.expect(Msg.USERAUTH_PK_OK);
            assertEquals("ssh-ed25519", SshTestClient.uncheck(() -> r.ascii(64)));
            assertTrue(Arrays.equals(blob, SshTestClient.uncheck(r::string)));
        }
    }

    @Test
    void signatureByAnotherKeyFails() throws Exception {
        try (Harness h = new Harness(jca())) {
            SshTestClient c = connected(h);
            KeyElements other = jca().ed25519().generate();
            byte[] good = c.publickeyRequest("u", other, Algorithms.SSH_ED25519);
            // the authorised public key with a signature made by another key
            byte[] forged = c.publickeyRequest("u", h.clientKey, Algorithms.SSH_ED25519);
            byte[] otherSig = Arrays.copyOfRange(good, good.length - (4 + 4 + 11 + 4 + 64), good.length);
            System.arraycopy(otherSig, 0, forged, forged.length - otherSig.length, otherSig.length);
            c.send(forged);
            c.expect(Msg.USERAUTH_FAILURE);
            assertTrue(h.conn.isOpen());
        }
    }

    @Test
    void signatureForAnotherUserFails() throws Exception {
        try (Harness h = new Harness(jca())) {
            SshTestClient c = connected(h);
            byte[] req = c.publickeyRequest("alice", h.clientKey, Algorithms.SSH_ED25519);
            byte[] forBob = c.publickeyRequest("bobby", h.clientKey, Algorithms.SSH_ED25519);
            // "alice" and "bobby" have the same length: swap in bobby's name, keep alice's signature
            System.arraycopy(forBob, 5, req, 5, 5);
            c.send(req);
            c.expect(Msg.USERAUTH_FAILURE);
        }
    }

    @Test
    void unauthorisedKeyFailsWithoutSignatureCheck() throws Exception {
        try (Harness h = new Harness(jca())) {
            SshTestClient c = connected(h);
            c.send(c.publickeyRequest("u", jca().ed25519().generate(), Algorithms.SSH_ED25519));
            c.expect(Msg.USERAUTH_FAILURE);
        }
    }

    @Test
    void passwordWorksOnlyWhenOffered() throws Exception {
        try (Harness h = new Harness(jca())) {
            SshTestClient c = connected(h);
            c.send(SshTestClient.msg(Msg.USERAUTH_REQUEST).string("u").string("ssh-connection").string("password").bool(false)
                    .string("secret"));
            c.expect(Msg.USERAUTH_FAILURE);
        }
        try (Harness h = new Harness(jca())) {
            h.ops.password = "secret";
            SshTestClient c = connected(h);
            c.send(SshTestClient.msg(Msg.USERAUTH_REQUEST).string("u").string("ssh-connection").string("password").bool(false)
                    .string("wrong"));
            byte[] p = c.next();
            assertEquals("publickey,password,keyboard-interactive", methods(p));
            c.send(SshTestClient.msg(Msg.USERAUTH_REQUEST).string("u").string("ssh-connection").string("password").bool(false)
                    .string("secret"));
            c.expect(Msg.USERAUTH_SUCCESS);
        }
    }

    @Test
    void keyboardInteractiveAsksOnePasswordPrompt() throws Exception {
        try (Harness h = new Harness(jca())) {
            h.ops.password = "pw";
            SshTestClient c = connected(h);
            c.send(SshTestClient.msg(Msg.USERAUTH_REQUEST).string("u").string("ssh-connection").string("keyboard-interactive")
                    .string("").string(""));
            PayloadReader r = c.expect(Msg.USERAUTH_INFO_REQUEST);
            SshTestClient.uncheck(r::string);
            SshTestClient.uncheck(r::string);
            SshTestClient.uncheck(r::string);
            assertEquals(1, (int) SshTestClient.uncheck(r::u32));
            assertEquals("Password: ", SshTestClient.uncheck(() -> r.utf8(64)));
            assertFalse(SshTestClient.uncheck(r::bool), "no echo");
            c.send(SshTestClient.msg(Msg.USERAUTH_INFO_RESPONSE).u32(1).string("pw"));
            c.expect(Msg.USERAUTH_SUCCESS);
        }
    }

    @Test
    void infoResponseWithoutARequestIsUnimplemented() throws Exception {
        try (Harness h = new Harness(jca())) {
            SshTestClient c = connected(h);
            c.send(SshTestClient.msg(Msg.USERAUTH_INFO_RESPONSE).u32(1).string("pw"));
            c.expect(Msg.UNIMPLEMENTED);
        }
    }

    @Test
    void requestsAfterSuccessAreIgnored() throws Exception {
        try (Harness h = new Harness(jca())) {
            SshTestClient c = h.client();
            c.connect(SshTestClient.Offer.of(ChaChaPolyCipher.NAME, Algorithms.SSH_ED25519));
            c.login("u", h.clientKey);
            c.send(SshTestClient.msg(Msg.USERAUTH_REQUEST).string("root").string("ssh-connection").string("none"));
            c.expectNothing();
        }
    }

    @Test
    void loginGraceTimeClosesAnUnauthenticatedConnection() throws Exception {
        try (Harness h = new Harness(jca())) {
            SshTestClient c = connected(h);
            h.conn.advanceSeconds(119);
            assertTrue(h.conn.isOpen());
            h.conn.advanceSeconds(2);
            assertFalse(h.conn.isOpen());
        }
    }

    @Test
    void sha1RsaSignaturesOnlyWhenOpsAllowThem() throws Exception {
        KeyElements rsa = KexAndSessionTest.hostKey(jca(), Algorithms.RSA_SHA2_256);
        try (Harness h = new Harness(jca())) {
            h.ops.authorized.add(SshPublicKey.of(rsa));
            SshTestClient c = connected(h);
            c.send(c.publickeyRequest("u", rsa, Algorithms.SSH_RSA));
            c.expect(Msg.USERAUTH_FAILURE);
        }
        try (Harness h = new Harness(jca())) {
            h.ops.authorized.add(SshPublicKey.of(rsa));
            h.ops.sshRsa = true;
            SshTestClient c = connected(h);
            c.send(c.publickeyRequest("u", rsa, Algorithms.SSH_RSA));
            c.expect(Msg.USERAUTH_SUCCESS);
        }
    }

    @Test
    void signatureBlobNamingAnotherAlgorithmFails() throws Exception {
        KeyElements rsa = KexAndSessionTest.hostKey(jca(), Algorithms.RSA_SHA2_256);
        try (Harness h = new Harness(jca())) {
            h.ops.authorized.add(SshPublicKey.of(rsa));
            SshTestClient c = connected(h);
            // signed with rsa-sha2-256 but the request claims rsa-sha2-512
            byte[] req = c.publickeyRequest("u", rsa, Algorithms.RSA_SHA2_256);
            byte[] claimed = c.publickeyRequest("u", rsa, Algorithms.RSA_SHA2_512);
            int sigLen = 4 + 4 + 12 + 4 + 256;
            System.arraycopy(req, req.length - sigLen, claimed, claimed.length - sigLen, sigLen);
            c.send(claimed);
            c.expect(Msg.USERAUTH_FAILURE);
        }
    }
}
