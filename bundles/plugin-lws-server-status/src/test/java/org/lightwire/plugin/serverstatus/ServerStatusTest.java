package org.lightwire.plugin.serverstatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightwire.api.Mount;
import org.lightwire.api.Options;
import org.lightwire.api.ServiceLoop;
import org.lightwire.api.Vhost;
import org.lightwire.api.VhostSettings;
import org.lightwire.api.VhostStats;
import org.lightwire.api.ws.WsProtocol;
import org.lightwire.testkit.FakeContext;
import org.lightwire.testkit.FakeLoop;
import org.lightwire.testkit.FakeVhost;
import org.lightwire.testkit.JsonCheck;
import org.lightwire.testkit.Peer;

class ServerStatusTest {

    @TempDir
    Path dir;

    private FakeLoop loop;
    private FakeLoop loop2;
    private FakeVhost vhost;
    private FakeVhost other;
    private FakeContext context;

    @BeforeEach
    void setUp() {
        loop = new FakeLoop(0);
        loop2 = new FakeLoop(1);
        vhost = new FakeVhost(VhostSettings.builder("localhost").port(7681).sts(true)
                .mount(Mount.builder("/", "file:///srv/site").defaultDocument("index.html").cacheMaxAge(60).build())
                .mount(Mount.builder("/formtest", "callback://protocol-post-demo").build())
                .protocol("lws-server-status", Options.EMPTY).protocol("dumb-increment-protocol", Options.EMPTY).build());
        vhost.setListenAddresses(List.of(new InetSocketAddress("127.0.0.1", 7681)));
        other = new FakeVhost(VhostSettings.builder("secret-admin").port(7700).build());
        context = new FakeContext(List.<ServiceLoop>of(loop, loop2), List.<Vhost>of(vhost, other));
        vhost.setContext(context);
        other.setContext(context);
    }

    private WsProtocol protocol(Options options) {
        return (WsProtocol) new ServerStatusProvider().create(vhost, options);
    }

    private static Map<String, Object> last(Peer p) {
        List<String> m = p.socket().messages();
        return JsonCheck.object(m.get(m.size() - 1));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> ctx(Map<String, Object> report) {
        Map<String, Object> i = (Map<String, Object>) report.get("i");
        return ((List<Map<String, Object>>) i.get("contexts")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> vhosts(Map<String, Object> report) {
        return (List<Map<String, Object>>) ctx(report).get("vhosts");
    }

    @Test
    void aClientGetsAReportAtOnceWithRealFigures() throws Exception {
        loop.setConnectionCount(2);
        loop.setListenerCount(2);
        loop2.setConnectionCount(3);
        Peer p = Peer.open(protocol(Options.EMPTY), vhost, loop);
        assertEquals(1, p.pump());
        Map<String, Object> r = last(p);
        @SuppressWarnings("unchecked")
        Map<String, Object> i = (Map<String, Object>) r.get("i");
        assertTrue(i.get("version").toString().startsWith("lightwire"));
        assertTrue(((Number) i.get("heap")).longValue() > 0);
        assertTrue(Long.parseLong(i.get("uptime").toString()) >= 0);
        if (Files.exists(Path.of("/proc/loadavg"))) {
            Double.parseDouble(i.get("l1").toString());
            assertTrue(i.get("statm").toString().matches("[0-9 ]+"), i.get("statm").toString());
        }
        Map<String, Object> c = ctx(r);
        assertEquals("6", c.get("wsi_alive"), "connections of every loop (the peer's own included)");
        assertEquals("0", c.get("deprecated"));
        assertEquals("1", c.get("listen_wsi"));
        List<?> pt = (List<?>) c.get("pt");
        assertEquals(2, pt.size());
        assertEquals(Map.of("fds_count", "5", "listen_fds", "2", "conn_fds", "3", "wakeups", "0"), pt.get(0),
                "loop 0: two listeners and three connections (the peer's own included)");
        assertEquals(Map.of("fds_count", "3", "listen_fds", "0", "conn_fds", "3", "wakeups", "0"), pt.get(1));
        assertEquals(List.of(), r.get("files"));
    }

    @Test
    void vhostTrafficIsReportedUnderLwsNames() throws Exception {
        vhost.setStats(new VhostStats(1234, 5678, 9, 21, 4, 2));
        Peer p = Peer.open(protocol(Options.EMPTY), vhost, loop);
        p.pump();
        List<Map<String, Object>> vh = vhosts(last(p));
        Map<String, Object> lh = vh.get(0);
        assertEquals("1234", lh.get("rx"));
        assertEquals("5678", lh.get("tx"));
        assertEquals("9", lh.get("h1_conn"));
        assertEquals("21", lh.get("h1_trans"));
        assertEquals("4", lh.get("ws_upg"));
        assertEquals("2", lh.get("rejected"));
        assertNull(lh.get("h2_trans"), "no h2 role: no h2 figure is invented");
        Map<String, Object> quiet = vh.get(1);
        assertEquals("0", quiet.get("rx"), "a vhost without traffic reports zeros");
        assertEquals("0", quiet.get("h1_conn"));
    }

    @Test
    void vhostsListMountsAndProtocolsAsLwsDoes() throws Exception {
        Peer p = Peer.open(protocol(Options.EMPTY), vhost, loop);
        p.pump();
        List<Map<String, Object>> vh = vhosts(last(p));
        assertEquals(2, vh.size());
        Map<String, Object> lh = vh.get(0);
        assertEquals("localhost", lh.get("name"));
        assertEquals("7681", lh.get("port"));
        assertEquals("0", lh.get("use_ssl"));
        assertEquals("1", lh.get("sts"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> mounts = (List<Map<String, Object>>) lh.get("mounts");
        assertEquals("/", mounts.get(0).get("mountpoint"));
        assertEquals("file:///srv/site", mounts.get(0).get("origin"));
        assertEquals("60", mounts.get(0).get("cache_max_age"));
        assertEquals("index.html", mounts.get(0).get("default"));
        assertEquals("callback://protocol-post-demo", mounts.get(1).get("origin"));
        assertNull(mounts.get(1).get("default"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> protocols = (List<Map<String, Object>>) lh.get("ws-protocols");
        assertEquals(Map.of("status", "ok"), protocols.get(0).get("lws-server-status"));
        assertEquals(Map.of("status", "ok"), protocols.get(1).get("dumb-increment-protocol"));
        assertEquals("0", vh.get(1).get("listening"));
    }

    @Test
    void hideVhostsLeavesThemOut() throws Exception {
        Peer p = Peer.open(protocol(Options.builder().add("hide-vhosts", "1").build()), vhost, loop);
        p.pump();
        String raw = p.socket().messages().get(0);
        assertFalse(raw.contains("secret-admin") || raw.contains("/srv/site"), raw);
        assertEquals(List.of(), vhosts(last(p)));
        assertEquals("1", ctx(last(p)).get("listen_wsi"), "the listener count stays");
    }

    @Test
    void updatesComeEveryUpdateMsAndStopWithTheClient() throws Exception {
        ServerStatusProtocol proto = (ServerStatusProtocol) protocol(Options.builder().add("update-ms", "1000").build());
        Peer p = Peer.open(proto, vhost, loop);
        p.pump();
        loop.scheduler().advance(999_000);
        assertEquals(0, p.pump());
        loop.scheduler().advance(1_000);
        assertEquals(1, p.pump());
        loop.scheduler().advance(3_000_000);
        assertEquals(1, p.pump(), "ticks coalesce while a client is slow");
        p.close();
        assertEquals(0, loop.scheduler().pendingCount());
    }

    @Test
    void oneReportIsSharedByAllClientsOfAPeriod() throws Exception {
        ServerStatusProtocol proto = (ServerStatusProtocol) protocol(Options.EMPTY);
        Peer a = Peer.open(proto, vhost, loop);
        a.pump();
        long afterFirst = proto.builds();
        Peer[] more = new Peer[50];
        for (int i = 0; i < more.length; i++) {
            more[i] = Peer.open(proto, vhost, loop);
        }
        loop.scheduler().advance(5_000_000);
        a.pump();
        long before = proto.builds();
        for (Peer p : more) {
            p.pump();
        }
        // each newcomer gets a fresh report, as lws builds one per ESTABLISHED; periodic ones are shared
        assertTrue(proto.builds() - before <= more.length, "builds: " + (proto.builds() - before));
        assertTrue(afterFirst >= 1);
    }

    @Test
    void filespathFilesAreIncludedEscapedAndBounded() throws Exception {
        Path temp = Files.writeString(dir.resolve("temp"), "42000\n\"<b>\"\u0001");
        Path big = Files.write(dir.resolve("big"), "x".repeat(10_000).getBytes());
        Path missing = dir.resolve("missing");
        Path fifo = dir.resolve("fifo");
        boolean haveFifo = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
        Options o = Options.builder().add("filespath", temp.toString()).add("filepath", big.toString())
                .add("filespath", missing.toString()).add("filespath", fifo.toString()).build();
        Peer p = Peer.open(protocol(o), vhost, loop);
        p.pump(); // a FIFO without a writer would block here if it were opened
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> files = (List<Map<String, Object>>) last(p).get("files");
        assertEquals(2, files.size(), "missing files and non-regular ones are left out; fifo made: " + haveFifo);
        assertEquals(temp.toString(), files.get(0).get("path"));
        assertEquals("42000\n\"<b>\"\u0001", files.get(0).get("val"));
        assertEquals(255, files.get(1).get("val").toString().length());
        assertFalse(p.socket().messages().get(0).contains("<b>"));
    }

    @Test
    void deprecatedContextsSaySo() throws Exception {
        context.deprecate(() -> { });
        Peer p = Peer.open(protocol(Options.EMPTY), vhost, loop);
        p.pump();
        assertEquals("1", ctx(last(p)).get("deprecated"));
    }

    @Test
    void clientMessagesAreIgnoredAndBadOptionsRefused() throws Exception {
        Peer p = Peer.open(protocol(Options.EMPTY), vhost, loop);
        p.pump();
        p.receive("hello");
        assertEquals(0, p.pump());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> protocol(Options.builder().add("update-ms", "5").build()));
        assertTrue(e.getMessage().contains("localhost") && e.getMessage().contains("update-ms"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> protocol(Options.builder().add("filespath", " ").build()));
        Options.Builder many = Options.builder();
        for (int i = 0; i < 33; i++) {
            many.add("filespath", "/tmp/f" + i);
        }
        assertThrows(IllegalArgumentException.class, () -> protocol(many.build()));
    }
}
