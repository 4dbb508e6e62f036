package org.lightwire.plugin.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lightwire.api.Options;
import org.lightwire.api.ws.WsProtocol;
import org.lightwire.testkit.FakeLoop;
import org.lightwire.testkit.FakeVhost;
import org.lightwire.testkit.JsonCheck;
import org.lightwire.testkit.Peer;

class StatusTest {

    // JUnit makes a new instance per test: every test starts on a fresh loop, vhost and protocol
    private final FakeLoop loop = new FakeLoop(0);
    private final FakeVhost vhost = new FakeVhost("localhost");
    private final WsProtocol protocol = (WsProtocol) new StatusProvider().create(vhost, Options.EMPTY);

    private Peer open(String ip, String ua) throws Exception {
        return ua == null ? Peer.open(protocol, vhost, loop, ip, "/")
                : Peer.open(protocol, vhost, loop, ip, "/", "User-Agent", ua);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> conns(Map<String, Object> status) {
        return (List<Map<String, Object>>) status.get("conns");
    }

    private static Map<String, Object> last(Peer p) {
        List<String> m = p.socket().messages();
        return JsonCheck.object(m.get(m.size() - 1));
    }

    @Test
    void aClientReceivesTheListWithItselfOnConnecting() throws Exception {
        long before = System.currentTimeMillis() / 1000;
        Peer a = open("127.0.0.1", "TestAgent/1.0");
        a.pump();
        Map<String, Object> s = last(a);
        assertEquals("1", s.get("wsi"));
        assertEquals("0", s.get("wss_over_h2"));
        assertTrue(s.get("version").toString().startsWith("lightwire"), s.toString());
        assertFalse(s.get("hostname").toString().isEmpty());
        assertEquals(1, conns(s).size());
        Map<String, Object> me = conns(s).get(0);
        assertEquals("127.0.0.1", me.get("peer"));
        assertEquals("TestAgent/1.0", me.get("ua"));
        long t = Long.parseLong(me.get("time").toString());
        assertTrue(t >= before && t <= before + 5, "time " + t);
    }

    @Test
    void everyoneGetsTheNewListWhenAClientComesOrGoes() throws Exception {
        Peer a = open("127.0.0.1", "first");
        a.pump();
        Peer b = open("127.0.0.2", "second");
        a.pump();
        b.pump();
        assertEquals("2", last(a).get("wsi"));
        assertEquals("2", last(b).get("wsi"));
        assertEquals("second", conns(last(a)).get(0).get("ua"), "newest first, as lws");
        b.close();
        a.pump();
        assertEquals("1", last(a).get("wsi"));
        assertEquals(3, a.socket().messages().size());
    }

    @Test
    void missingOrOverlongUserAgentsAreUnknownAsInLws() throws Exception {
        Peer a = open("127.0.0.1", null);
        Peer b = open("127.0.0.1", "x".repeat(256));
        Peer c = open("127.0.0.1", "y".repeat(255));
        c.pump();
        List<Map<String, Object>> list = conns(last(c));
        assertEquals("y".repeat(255), list.get(0).get("ua"));
        assertEquals("unknown", list.get(1).get("ua"));
        assertEquals("unknown", list.get(2).get("ua"));
        a.pump();
        b.pump();
    }

    @Test
    void hostileUserAgentsCannotBreakTheJson() throws Exception {
        String evil = "\"},{\"peer\":\"6.6.6.6\"}]}</script><script>alert(1)</script>\\\t\u00ff\u2028";
        Peer a = open("127.0.0.1", evil);
        a.pump();
        String raw = a.socket().messages().get(0);
        assertFalse(raw.contains("<") || raw.contains(">"), raw);
        Map<String, Object> s = JsonCheck.object(raw);
        assertEquals(1, conns(s).size());
        assertEquals(evil, conns(s).get(0).get("ua"));
    }

    @Test
    void manyClientsGetABoundedListInFragments() throws Exception {
        List<Peer> peers = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            peers.add(open("10.0." + (i / 250) + "." + (i % 250), "agent-" + i));
        }
        Peer watcher = peers.get(0);
        int events = watcher.pump();
        List<String> messages = watcher.socket().messages();
        assertEquals(1, messages.size(), "changes while idle coalesce into one list");
        Map<String, Object> s = JsonCheck.object(messages.get(0));
        assertEquals("3000", s.get("wsi"));
        assertEquals(StatusProtocol.DEFAULT_MAX_LISTED, conns(s).size());
        assertTrue(events > 1, "a long list goes out in several fragments");
        assertTrue(watcher.socket().sent().stream().allMatch(f -> f.payload().length <= StatusSession.FRAGMENT_BYTES));
        for (Peer p : peers) {
            p.close();
        }
        assertEquals(0, ((StatusProtocol) protocol).liveCount());
    }

    @Test
    void aChangeWhileTheListIsGoingOutIsFollowedByTheNewList() throws Exception {
        for (int i = 0; i < 200; i++) {
            open("127.0.0.1", "agent-" + "z".repeat(100) + i);
        }
        Peer watcher = open("127.0.0.1", "watcher");
        watcher.pump(1); // first fragment of the 201-client list
        open("127.0.0.1", "late");
        watcher.pump();
        List<String> messages = watcher.socket().messages();
        assertEquals(2, messages.size());
        assertEquals("201", JsonCheck.object(messages.get(0)).get("wsi"));
        assertEquals("202", JsonCheck.object(messages.get(1)).get("wsi"));
    }

    @Test
    void whatClientsSendIsIgnored() throws Exception {
        Peer a = open("127.0.0.1", "a");
        a.pump();
        a.receive("anything at all");
        a.receive(new byte[512], org.lightwire.api.ws.WsMessageType.BINARY);
        assertEquals(0, a.pump());
        assertEquals(0, a.socket().closeCode());
    }

    @Test
    void maxListedIsConfigurableAndChecked() throws Exception {
        WsProtocol small = (WsProtocol) new StatusProvider().create(vhost, Options.builder().add("max-listed", "1").build());
        Peer a = Peer.open(small, vhost, loop, "127.0.0.1", "/");
        Peer b = Peer.open(small, vhost, loop, "127.0.0.1", "/");
        b.pump();
        assertEquals(1, conns(last(b)).size());
        assertEquals("2", last(b).get("wsi"));
        a.pump();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new StatusProvider()
                .create(vhost, Options.builder().add("max-listed", "-1").build()));
        assertTrue(e.getMessage().contains("localhost") && e.getMessage().contains("max-listed"), e.getMessage());
    }
}
