package org.lightwire.dns.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lightwire.dns.DnsStatus;

/** What a response means for the question asked: addresses, alias to chase, negative, failure. */
class ResponseInterpreterTest {

    private static ResponseInterpreter.Outcome interpret(byte[] m, String asked, int type, int cnamesSoFar)
            throws Exception {
        return ResponseInterpreter.interpret(ResponseReader.read(m, m.length), asked, type, cnamesSoFar);
    }

    @Test
    void cnameChainInsideTheResponseIsFollowedAndTtlIsTheChainMinimum() throws Exception {
        byte[] m = Packets.answer(1, "a.test", 1, Packets.cname("a.test", 50, "b.test"), Packets.cname("b.test", 20, "c.test"),
                Packets.a("c.test", 30, "192.0.2.7"), Packets.a("other.test", 1, "192.0.2.99"));
        var a = assertInstanceOf(ResponseInterpreter.Addresses.class, interpret(m, "a.test", RecordType.A, 0));
        assertEquals(List.of(InetAddress.getByName("192.0.2.7")), a.addresses());
        assertEquals("c.test", a.canonicalName());
        assertEquals(20, a.ttl());
        assertEquals(2, a.cnames());
    }

    @Test
    void aFourthCnameIsOneTooMany() throws Exception {
        byte[] m = Packets.answer(1, "a.test", 1, Packets.cname("a.test", 5, "b.test"), Packets.cname("b.test", 5, "c.test"),
                Packets.cname("c.test", 5, "d.test"), Packets.cname("d.test", 5, "e.test"), Packets.a("e.test", 5, "192.0.2.7"));
        var f = assertInstanceOf(ResponseInterpreter.Failure.class, interpret(m, "a.test", RecordType.A, 0));
        assertEquals(DnsStatus.CNAME_TOO_DEEP, f.status());
    }

    @Test
    void cnamesFollowedInEarlierResponsesCount() throws Exception {
        byte[] m = Packets.answer(1, "c.test", 1, Packets.cname("c.test", 5, "d.test"), Packets.a("d.test", 5, "192.0.2.7"));
        assertInstanceOf(ResponseInterpreter.Addresses.class, interpret(m, "c.test", RecordType.A, 2));
        assertInstanceOf(ResponseInterpreter.Failure.class, interpret(m, "c.test", RecordType.A, 3));
    }

    @Test
    void anUnresolvedAliasMeansAskingForItsTarget() throws Exception {
        byte[] m = Packets.answer(1, "a.test", 1, Packets.cname("a.test", 40, "elsewhere.example"));
        var alias = assertInstanceOf(ResponseInterpreter.Alias.class, interpret(m, "a.test", RecordType.A, 0));
        assertEquals("elsewhere.example", alias.target());
        assertEquals(40, alias.ttl());
        assertEquals(1, alias.cnames());
    }

    @Test
    void aCnameCycleEndsAsTooDeep() throws Exception {
        byte[] m = Packets.answer(1, "a.test", 1, Packets.cname("a.test", 5, "b.test"), Packets.cname("b.test", 5, "a.test"));
        var f = assertInstanceOf(ResponseInterpreter.Failure.class, interpret(m, "a.test", RecordType.A, 0));
        assertEquals(DnsStatus.CNAME_TOO_DEEP, f.status());
    }

    @Test
    void addressesOfAnotherTypeOrOwnerAreNotTaken() throws Exception {
        byte[] m = Packets.response(1, "a.test", 1, 0, false,
                List.of(Packets.aaaa("a.test", 5, "2001:db8::1"), Packets.a("b.test", 5, "192.0.2.1")),
                List.of(Packets.soa("test", 10, 5)));
        var n = assertInstanceOf(ResponseInterpreter.Negative.class, interpret(m, "a.test", RecordType.A, 0));
        assertEquals(DnsStatus.NO_DATA, n.status());
        assertEquals(5, n.ttl());
    }

    @Test
    void nxdomainWithoutSoaIsNotCacheable() throws Exception {
        byte[] m = Packets.response(1, "nx.test", 1, DnsResponse.NXDOMAIN, false, List.of(), List.of());
        var n = assertInstanceOf(ResponseInterpreter.Negative.class, interpret(m, "nx.test", RecordType.A, 0));
        assertEquals(DnsStatus.NXDOMAIN, n.status());
        assertEquals(-1, n.ttl());
    }

    @Test
    void errorCodesAreFailures() throws Exception {
        for (int[] c : new int[][] {{DnsResponse.SERVFAIL, 0}, {DnsResponse.REFUSED, 1}, {DnsResponse.FORMERR, 0},
                {DnsResponse.NOTIMP, 0}}) {
            byte[] m = Packets.response(1, "a.test", 1, c[0], false, List.of(), List.of());
            var f = assertInstanceOf(ResponseInterpreter.Failure.class, interpret(m, "a.test", RecordType.A, 0));
            assertEquals(c[1] == 1 ? DnsStatus.REFUSED : DnsStatus.SERVER_FAILURE, f.status());
        }
    }
}
