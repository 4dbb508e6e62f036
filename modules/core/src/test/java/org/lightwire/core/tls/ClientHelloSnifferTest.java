package org.lightwire.core.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;
import org.lightwire.core.tls.ClientHelloSniffer.Verdict;

/** The first-bytes judge of a TLS port: real ClientHellos, every truncation, split records, hostile framing. */
class ClientHelloSnifferTest {

    private static final int LIMIT = 20 * 1024;

    private static byte[] hello(String sni) throws Exception {
        SSLEngine e = SSLContext.getDefault().createSSLEngine("peer", 443);
        e.setUseClientMode(true);
        SSLParameters p = e.getSSLParameters();
        p.setServerNames(sni == null ? List.of() : List.of(new SNIHostName(sni)));
        e.setSSLParameters(p);
        ByteBuffer out = ByteBuffer.allocate(e.getSession().getPacketBufferSize());
        e.wrap(ByteBuffer.allocate(0), out);
        out.flip();
        byte[] b = new byte[out.remaining()];
        out.get(b);
        return b;
    }

    private static Verdict judge(ClientHelloSniffer s, byte[] bytes) {
        return s.examine(ByteBuffer.wrap(bytes));
    }

    @Test
    void aRealClientHelloGivesItsServerName() throws Exception {
        ClientHelloSniffer s = new ClientHelloSniffer(LIMIT);

        assertEquals(Verdict.TLS, judge(s, hello("Cats.Example.COM")));
        assertEquals("cats.example.com", s.serverName());
    }

    @Test
    void aClientHelloWithoutSniHasNoServerName() throws Exception {
        ClientHelloSniffer s = new ClientHelloSniffer(LIMIT);

        assertEquals(Verdict.TLS, judge(s, hello(null)));
        assertNull(s.serverName());
    }

    @Test
    void everyTruncationNeedsMore() throws Exception {
        byte[] full = hello("a.test");
        for (int n = 0; n < full.length; n++) {
            assertEquals(Verdict.NEED_MORE, judge(new ClientHelloSniffer(LIMIT), Arrays.copyOf(full, n)), "prefix " + n);
        }
    }

    @Test
    void aClientHelloSplitOverTwoRecordsIsReassembled() throws Exception {
        byte[] full = hello("split.test");
        int body = full.length - 5;
        int first = body / 2;
        byte[] two = new byte[full.length + 5];
        System.arraycopy(full, 0, two, 0, 5 + first);
        two[3] = (byte) (first >> 8);
        two[4] = (byte) first;
        int second = body - first;
        two[5 + first] = 0x16;
        two[6 + first] = 0x03;
        two[7 + first] = 0x01;
        two[8 + first] = (byte) (second >> 8);
        two[9 + first] = (byte) second;
        System.arraycopy(full, 5 + first, two, 10 + first, second);
        ClientHelloSniffer s = new ClientHelloSniffer(LIMIT);

        assertEquals(Verdict.TLS, judge(s, two));
        assertEquals("split.test", s.serverName());
    }

    @Test
    void plainHttpAndSshAreNotTls() {
        assertEquals(Verdict.NOT_TLS, judge(new ClientHelloSniffer(LIMIT), "GET / HTTP/1.1\r\n".getBytes()));
        assertEquals(Verdict.NOT_TLS, judge(new ClientHelloSniffer(LIMIT), "SSH-2.0-OpenSSH_9.2\r\n".getBytes()));
        assertEquals(Verdict.NOT_TLS, judge(new ClientHelloSniffer(LIMIT), new byte[] {0x16, 0x02}));
        assertEquals(Verdict.NEED_MORE, judge(new ClientHelloSniffer(LIMIT), new byte[] {0x16}));
    }

    @Test
    void hostileFramingIsMalformed() {
        // a record longer than TLS allows
        assertMalformed(new byte[] {0x16, 0x03, 0x01, 0x48, 0x01}, "record of 18433 bytes");
        // an empty record
        assertMalformed(new byte[] {0x16, 0x03, 0x01, 0x00, 0x00}, "record of 0 bytes");
        // not a ClientHello
        assertMalformed(new byte[] {0x16, 0x03, 0x01, 0x00, 0x04, 0x02, 0x00, 0x00, 0x00}, "not ClientHello");
        // a ClientHello too short for its fixed fields
        assertMalformed(new byte[] {0x16, 0x03, 0x01, 0x00, 0x06, 0x01, 0x00, 0x00, 0x02, 0x03, 0x03}, "truncated");
        // a second record that is not a handshake record
        assertMalformed(new byte[] {0x16, 0x03, 0x01, 0x00, 0x04, 0x01, 0x00, 0x01, 0x00, 0x17, 0x03, 0x03, 0x00, 0x01, 0x00},
                "not a TLS handshake record");
        // a declared ClientHello larger than the limit
        assertMalformed(new byte[] {0x16, 0x03, 0x01, 0x00, 0x04, 0x01, 0x7f, 0x00, 0x00}, "declares");
    }

    @Test
    void hostileServerNamesAreMalformed() throws Exception {
        byte[] h = hello("abc.test");
        int at = indexOf(h, "abc.test".getBytes());
        byte[] bad = h.clone();
        bad[at + 1] = '\n';
        assertMalformed(bad, "holds byte 0xa");
        byte[] overrun = h.clone();
        overrun[at - 1] = (byte) 0x7f; // the name's length now runs past its list
        assertEquals(Verdict.MALFORMED, judge(new ClientHelloSniffer(LIMIT), overrun));
    }

    @Test
    void endlessTinyContinuationRecordsHitTheLimit() {
        // a ClientHello declaring 200 bytes, then sent one byte per record: 6 wire bytes per byte of message
        byte[] first = {0x16, 0x03, 0x01, 0x00, 0x04, 0x01, 0x00, 0x00, (byte) 200};
        byte[] many = new byte[first.length + 100 * 6];
        System.arraycopy(first, 0, many, 0, first.length);
        for (int i = 0; i < 100; i++) {
            int at = first.length + i * 6;
            many[at] = 0x16;
            many[at + 1] = 0x03;
            many[at + 2] = 0x01;
            many[at + 4] = 1;
        }
        ClientHelloSniffer small = new ClientHelloSniffer(256);
        assertEquals(Verdict.MALFORMED, judge(small, many));
        assertTrue(small.reason().contains("larger than 256"), small.reason());
    }

    @Test
    void oneSnifferJudgesConnectionAfterConnectionAfresh() throws Exception {
        ClientHelloSniffer s = new ClientHelloSniffer(LIMIT);
        assertEquals(Verdict.MALFORMED, judge(s, new byte[] {0x16, 0x03, 0x01, 0x00, 0x00}));

        assertEquals(Verdict.TLS, judge(s, hello(null)));
        assertNull(s.serverName());
        assertNull(s.reason());
        assertEquals(Verdict.TLS, judge(s, hello("b.test")));
        assertEquals("b.test", s.serverName());
    }

    private static void assertMalformed(byte[] bytes, String reasonPart) {
        ClientHelloSniffer s = new ClientHelloSniffer(LIMIT);
        assertEquals(Verdict.MALFORMED, judge(s, bytes));
        assertTrue(s.reason().contains(reasonPart), s.reason());
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
