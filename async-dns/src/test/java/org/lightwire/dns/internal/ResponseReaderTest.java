package org.lightwire.dns.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Paranoid parsing (RFC 1035 §4.1): well-formed answers read, every malformation refused. */
class ResponseReaderTest {

    /** dnsmasq 2.90's real answer to c1.lw.test/A: a compressed CNAME then the A record. */
    private static final byte[] DNSMASQ_CNAME = Packets.hex("470685800001000200000000026331026c7704746573740000010001"
            + "c00c0005000100000002000d03776562026c77047465737400c028000100010000000200047f00000a");
    /** dnsmasq's authoritative NXDOMAIN with the zone SOA (TTL 2, MINIMUM 2) in the authority section. */
    private static final byte[] DNSMASQ_NXDOMAIN = Packets.hex("edd185030001000000010000026e78026c7704746573740000010001"
            + "026c7704746573740000060001000000020034026e73026c770474657374000a686f73746d6173746572026c7704746573740000"
            + "0000010000003c0000003c0000003c00000002");

    private static DnsResponse read(byte[] m) throws MalformedResponseException {
        return ResponseReader.read(m, m.length);
    }

    private static String malformed(byte[] m) {
        return assertThrows(MalformedResponseException.class, () -> read(m)).getMessage();
    }

    @Test
    void readsARealCompressedCnameAnswer() throws Exception {
        DnsResponse r = read(DNSMASQ_CNAME);

        assertEquals(0x4706, r.id());
        assertEquals("c1.lw.test", r.questionName());
        assertEquals(RecordType.A, r.questionType());
        assertEquals(2, r.answers().size());
        assertEquals("web.lw.test", r.answers().get(0).target());
        assertEquals("web.lw.test", r.answers().get(1).name());
        assertEquals(InetAddress.getByName("127.0.0.10"), r.answers().get(1).address());
        assertEquals(2, r.answers().get(1).ttl());
    }

    @Test
    void negativeTtlIsTheSmallerOfSoaTtlAndMinimum() throws Exception {
        DnsResponse r = read(DNSMASQ_NXDOMAIN);
        assertEquals(DnsResponse.NXDOMAIN, r.rcode());
        assertEquals(2, r.negativeTtl());

        byte[] longTtl = Packets.response(1, "nx.test", 1, 3, false, List.of(), List.of(Packets.soa("test", 3600, 30)));
        assertEquals(30, read(longTtl).negativeTtl(), "RFC 2308 §5: min(SOA TTL, MINIMUM)");
        byte[] noSoa = Packets.response(1, "nx.test", 1, 3, false, List.of(), List.of());
        assertEquals(-1, read(noSoa).negativeTtl(), "no SOA: not cacheable");
    }

    @Test
    void upperCaseNamesAreNormalised() throws Exception {
        DnsResponse r = read(Packets.answer(7, "WeB.Example", 1, Packets.a("WEB.example", 5, "192.0.2.1")));
        assertEquals("web.example", r.questionName());
        assertEquals("web.example", r.answers().get(0).name());
    }

    @Test
    void ttlWithTheTopBitSetMeansZero() throws Exception {
        DnsResponse r = read(Packets.answer(7, "x.test", 1, Packets.a("x.test", 0x80000000L, "192.0.2.1")));
        assertEquals(0, r.answers().get(0).ttl(), "RFC 2181 §8");
    }

    @Test
    void compressionPointerLoopIsRefused() {
        // the answer's name is a pointer to itself
        byte[] m = Packets.answer(7, "x.test", 1, Packets.a("x.test", 5, "192.0.2.1"));
        int answerName = 12 + Packets.name("x.test").length + 4;
        byte[] loop = Arrays.copyOf(m, answerName + 2 + 14);
        loop[answerName] = (byte) (0xc0 | (answerName >>> 8));
        loop[answerName + 1] = (byte) answerName;
        System.arraycopy(m, answerName + Packets.name("x.test").length, loop, answerName + 2, 14);
        assertTrue(malformed(loop).contains("does not point backwards"), malformed(loop));
    }

    @Test
    void twoPointersBouncingBetweenEachOtherAreRefused() {
        // question name: label "a" then a pointer forward to a second pointer that points back to offset 12
        byte[] m = Packets.hex("0007818000010000000000000161c012c00c00010001");
        assertTrue(malformed(m).contains("does not point backwards"), malformed(m));
    }

    @Test
    void aLoopThroughAnEarlierLabelIsRefused() {
        // offset 12: label "a", then at 14 a pointer to 12: the name would be a.a.a.a...
        byte[] m = Packets.hex("0007818000010000000000000161c00c00010001");
        assertTrue(malformed(m).contains("does not point backwards"), malformed(m));
    }

    @Test
    void countsThatCannotFitAreRefused() {
        byte[] m = Packets.answer(7, "x.test", 1, Packets.a("x.test", 5, "192.0.2.1"));
        m[6] = (byte) 0xff; // ANCOUNT 65280
        m[7] = 0;
        assertTrue(malformed(m).contains("counts"), malformed(m));
    }

    @Test
    void recordsCutShortAreRefused() {
        byte[] m = Packets.answer(7, "x.test", 1, Packets.a("x.test", 5, "192.0.2.1"));
        for (int cut = 0; cut < m.length; cut++) {
            byte[] part = Arrays.copyOf(m, cut);
            assertThrows(MalformedResponseException.class, () -> read(part), "cut at " + cut);
        }
    }

    @Test
    void everySingleByteCorruptionIsEitherParsedOrRefusedNeverThrownOtherwise() throws Exception {
        byte[] m = DNSMASQ_CNAME.clone();
        for (int i = 0; i < m.length; i++) {
            for (int v : new int[] {0, 0x3f, 0x40, 0x80, 0xc0, 0xff}) {
                byte[] bad = m.clone();
                bad[i] = (byte) v;
                try {
                    read(bad);
                } catch (MalformedResponseException expected) {
                    // refused cleanly
                }
            }
        }
    }

    @Test
    void addressRecordsWithTheWrongLengthAreRefused() {
        Packets.Rr shortA = new Packets.Rr("x.test", RecordType.A, 5, new byte[] {1, 2, 3});
        assertTrue(malformed(Packets.answer(7, "x.test", 1, shortA)).contains("expected 4"));
        Packets.Rr longAaaa = new Packets.Rr("x.test", RecordType.AAAA, 5, new byte[17]);
        assertTrue(malformed(Packets.answer(7, "x.test", 28, longAaaa)).contains("expected 16"));
    }

    @Test
    void labelsLongerThan63AreRefusedAsReservedLabelTypes() {
        // a length octet of 64 has the 0x40 bit set: an extended label type, not supported
        byte[] m = Packets.hex("000781800001000000000000" + "40" + "61".repeat(64) + "0000010001");
        assertTrue(malformed(m).contains("label type"), malformed(m));
    }

    @Test
    void namesLongerThan255BytesAreRefused() {
        StringBuilder hex = new StringBuilder("000781800001000000000000");
        for (int i = 0; i < 5; i++) {
            hex.append("3f").append("61".repeat(63));
        }
        hex.append("0000010001");
        assertTrue(malformed(Packets.hex(hex.toString())).contains("longer than 255"));
    }

    @Test
    void queriesAndOtherOpcodesAreRefused() {
        byte[] m = Packets.answer(7, "x.test", 1);
        m[2] = 0x01; // QR clear
        assertTrue(malformed(m).contains("QR"));
        byte[] notify = Packets.answer(7, "x.test", 1);
        notify[2] = (byte) (0x80 | (4 << 3));
        assertTrue(malformed(notify).contains("opcode"));
    }

    @Test
    void responsesWithoutExactlyOneQuestionAreRefused() {
        byte[] m = Packets.answer(7, "x.test", 1);
        m[5] = 2;
        assertTrue(malformed(m).contains("QDCOUNT"));
        m[5] = 0;
        assertTrue(malformed(m).contains("QDCOUNT"));
    }

    @Test
    void cnameTargetRunningPastItsRdataIsRefused() {
        Packets.Rr bad = new Packets.Rr("x.test", RecordType.CNAME, 5, Packets.hex("0378797a"));
        assertThrows(MalformedResponseException.class, () -> read(Packets.answer(7, "x.test", 1, bad)));
    }

    @Test
    void truncatedResponsesNeedOnlyTheirQuestion() throws Exception {
        byte[] m = Packets.response(7, "big.test", 1, 0, true, List.of(), List.of());
        m[7] = 40; // claims 40 answers that were cut off
        DnsResponse r = read(m);
        assertTrue(r.truncated());
        assertEquals("big.test", r.questionName());
    }

    @Test
    void queriesWeWriteReadBackAsTheirQuestion() throws Exception {
        byte[] q = new byte[QueryWriter.MAX_QUERY];
        int n = QueryWriter.write(q, 0, 0xbeef, "www.example.org", RecordType.AAAA);
        q[2] |= (byte) 0x80; // make it look like a response
        DnsResponse r = ResponseReader.read(q, n);
        assertEquals(0xbeef, r.id());
        assertEquals("www.example.org", r.questionName());
        assertEquals(RecordType.AAAA, r.questionType());
        assertEquals(RecordType.CLASS_IN, r.questionClass());
    }
}
