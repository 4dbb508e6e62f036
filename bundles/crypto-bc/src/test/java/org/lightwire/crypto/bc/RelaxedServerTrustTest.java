package org.lightwire.crypto.bc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;
import org.lightwire.api.crypto.CertificateTemplate;
import org.lightwire.api.crypto.EcCurve;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.TlsContext;
import org.lightwire.api.crypto.TlsSettings;
import org.lightwire.api.crypto.TlsSettings.PeerRelaxation;
import org.lightwire.tls.verify.RelaxedServerTrust;

/**
 * Each {@link PeerRelaxation} accepts exactly its one failure, end to end through
 * handshakes with this backend's (BCJSSE) contexts; {@link RelaxedServerTrust}
 * on its own is tested in the tls-verify module.
 */
class RelaxedServerTrustTest {

    private static final BcCryptoBackend BC = new BcCryptoBackend();
    private static final Instant NOW = Instant.now();
    private static final Duration DAY = Duration.ofDays(1);

    private static final KeyElements CA_KEY = BC.ec().generate(EcCurve.P_256);
    private static final X509Certificate CA = BC.x509().selfSigned(CertificateTemplate.builder("CN=Relaxed Test CA")
            .certificateAuthority(true).validity(NOW.minus(DAY.multipliedBy(30)), NOW.plus(DAY.multipliedBy(30))).build(), CA_KEY);
    private static final KeyElements STRANGER_KEY = BC.ec().generate(EcCurve.P_256);
    private static final X509Certificate STRANGER = BC.x509().selfSigned(CertificateTemplate.builder("CN=Stranger CA")
            .certificateAuthority(true).validity(NOW.minus(DAY.multipliedBy(30)), NOW.plus(DAY.multipliedBy(30))).build(),
            STRANGER_KEY);
    private static final KeyElements KEY = BC.ec().generate(EcCurve.P_256);

    private static X509Certificate issued(String host, X509Certificate ca, KeyElements caKey, Instant from, Instant until) {
        return BC.x509().issue(CertificateTemplate.builder("CN=" + host).dnsName(host).validity(from, until).build(),
                KEY.publicKey(), ca, caKey);
    }

    private static X509Certificate selfSigned(String host, Instant from, Instant until) {
        return BC.x509().selfSigned(CertificateTemplate.builder("CN=" + host).dnsName(host).validity(from, until).build(), KEY);
    }

    private static final X509Certificate VALID = issued("localhost", CA, CA_KEY, NOW.minus(DAY), NOW.plus(DAY));
    private static final X509Certificate EXPIRED = issued("localhost", CA, CA_KEY, NOW.minus(DAY.multipliedBy(10)),
            NOW.minus(DAY.multipliedBy(5)));
    private static final X509Certificate NOT_YET_VALID = issued("localhost", CA, CA_KEY, NOW.plus(DAY.multipliedBy(5)),
            NOW.plus(DAY.multipliedBy(10)));
    private static final X509Certificate STRANGERS = issued("localhost", STRANGER, STRANGER_KEY, NOW.minus(DAY), NOW.plus(DAY));
    private static final X509Certificate STRANGERS_EXPIRED = issued("localhost", STRANGER, STRANGER_KEY,
            NOW.minus(DAY.multipliedBy(10)), NOW.minus(DAY.multipliedBy(5)));
    private static final X509Certificate SELF = selfSigned("localhost", NOW.minus(DAY), NOW.plus(DAY));
    private static final X509Certificate SELF_WRONG_NAME = selfSigned("wrong.test", NOW.minus(DAY), NOW.plus(DAY));
    private static final X509Certificate SELF_EXPIRED = selfSigned("localhost", NOW.minus(DAY.multipliedBy(10)),
            NOW.minus(DAY.multipliedBy(5)));

    private static byte[] pem(X509Certificate... certs) throws Exception {
        StringBuilder b = new StringBuilder();
        for (X509Certificate c : certs) {
            b.append(BC.x509().pem("CERTIFICATE", c.getEncoded()));
        }
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] keyPem(KeyElements key) {
        return BC.x509().pem("PRIVATE KEY", BC.x509().encodePrivateKey(key)).getBytes(StandardCharsets.US_ASCII);
    }

    /** Whether a client trusting {@link #CA} with {@code relaxations} completes a handshake with a server presenting {@code chain}. */
    private static boolean accepts(String host, X509Certificate[] chain, PeerRelaxation... relaxations) throws Exception {
        Set<PeerRelaxation> r = relaxations.length == 0 ? Set.of() : EnumSet.of(relaxations[0], relaxations);
        TlsContext client = BC.tls().create(TlsSettings.client().trustAnchorsPem(pem(CA)).peerRelaxations(r).build());
        TlsContext server = BC.tls().create(TlsSettings.server(pem(chain), keyPem(KEY)).build());
        SSLEngine c = client.clientEngine(host, 443);
        try {
            handshake(c, server.serverEngine());
        } catch (SSLException refused) {
            return false;
        }
        assertEquals(chain[0], c.getSession().getPeerCertificates()[0]);
        return true;
    }

    private static X509Certificate[] chain(X509Certificate... c) {
        return c;
    }

    static void handshake(SSLEngine client, SSLEngine server) throws SSLException {
        ByteBuffer c2s = ByteBuffer.allocate(1 << 16);
        ByteBuffer s2c = ByteBuffer.allocate(1 << 16);
        ByteBuffer app = ByteBuffer.allocate(1 << 16);
        ByteBuffer empty = ByteBuffer.allocate(0);
        client.beginHandshake();
        server.beginHandshake();
        for (int i = 0; i < 100; i++) {
            client.wrap(empty, c2s);
            c2s.flip();
            server.unwrap(c2s, app);
            c2s.compact();
            runTasks(server);
            server.wrap(empty, s2c);
            s2c.flip();
            client.unwrap(s2c, app);
            s2c.compact();
            runTasks(client);
            if (client.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING
                    && server.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING) {
                return;
            }
        }
        throw new AssertionError("handshake did not finish");
    }

    private static void runTasks(SSLEngine e) {
        Runnable r;
        while ((r = e.getDelegatedTask()) != null) {
            r.run();
        }
    }

    @Test
    void aTrustedValidServerNeedsNoRelaxation() throws Exception {
        assertTrue(accepts("localhost", chain(VALID)));
        assertTrue(accepts("localhost", chain(VALID), PeerRelaxation.SELF_SIGNED, PeerRelaxation.EXPIRED));
    }

    @Test
    void selfSignedAcceptsOnlyASelfSignedCertificateNamingTheHost() throws Exception {
        assertTrue(!accepts("localhost", chain(SELF)), "refused by default");
        assertTrue(accepts("localhost", chain(SELF), PeerRelaxation.SELF_SIGNED));
        assertTrue(!accepts("localhost", chain(SELF), PeerRelaxation.EXPIRED), "it is not a date problem");
        assertTrue(!accepts("localhost", chain(SELF_WRONG_NAME), PeerRelaxation.SELF_SIGNED), "the host is still checked");
        assertTrue(accepts("localhost", chain(SELF_WRONG_NAME), PeerRelaxation.SELF_SIGNED, PeerRelaxation.SKIP_HOSTNAME_CHECK));
        assertTrue(!accepts("127.0.0.1", chain(SELF), PeerRelaxation.SELF_SIGNED), "a dNSName does not name an address");
    }

    @Test
    void selfSignedStillChecksTheDatesUnlessExpiredIsAllowedToo() throws Exception {
        assertTrue(!accepts("localhost", chain(SELF_EXPIRED), PeerRelaxation.SELF_SIGNED));
        assertTrue(accepts("localhost", chain(SELF_EXPIRED), PeerRelaxation.SELF_SIGNED, PeerRelaxation.EXPIRED));
    }

    @Test
    void selfSignedRefusesCaIssuedAndLongerChains() throws Exception {
        assertTrue(!accepts("localhost", chain(STRANGERS), PeerRelaxation.SELF_SIGNED));
        assertTrue(!accepts("localhost", chain(STRANGERS, STRANGER), PeerRelaxation.SELF_SIGNED), "two certificates");
    }

    @Test
    void expiredAcceptsOnlyDateFailuresOfATrustedChainNamingTheHost() throws Exception {
        assertTrue(!accepts("localhost", chain(EXPIRED)), "refused by default");
        assertTrue(accepts("localhost", chain(EXPIRED), PeerRelaxation.EXPIRED));
        assertTrue(accepts("localhost", chain(NOT_YET_VALID), PeerRelaxation.EXPIRED));
        assertTrue(!accepts("localhost", chain(EXPIRED), PeerRelaxation.SELF_SIGNED), "it is not self-signed");
        assertTrue(!accepts("other.test", chain(EXPIRED), PeerRelaxation.EXPIRED), "the host is still checked");
        assertTrue(accepts("other.test", chain(EXPIRED), PeerRelaxation.EXPIRED, PeerRelaxation.SKIP_HOSTNAME_CHECK));
    }

    @Test
    void anUntrustedCaStaysRefusedWhateverIsRelaxed() throws Exception {
        assertTrue(!accepts("localhost", chain(STRANGERS), PeerRelaxation.EXPIRED));
        assertTrue(!accepts("localhost", chain(STRANGERS, STRANGER), PeerRelaxation.EXPIRED));
        assertTrue(!accepts("localhost", chain(STRANGERS_EXPIRED, STRANGER), PeerRelaxation.EXPIRED));
        assertTrue(!accepts("localhost", chain(STRANGERS), PeerRelaxation.SELF_SIGNED, PeerRelaxation.EXPIRED,
                PeerRelaxation.SKIP_HOSTNAME_CHECK));
    }

    @Test
    void skipHostnameCheckAloneKeepsTheChainCheck() throws Exception {
        assertTrue(!accepts("other.test", chain(VALID)));
        assertTrue(accepts("other.test", chain(VALID), PeerRelaxation.SKIP_HOSTNAME_CHECK));
        assertTrue(!accepts("other.test", chain(STRANGERS), PeerRelaxation.SKIP_HOSTNAME_CHECK));
    }
}
