package org.lightwire.it.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lightwire.it.LauncherProcess;

/**
 * lws-server-status' per-vhost traffic figures (lws {@code conn_stats}: rx, tx, h1_conn,
 * h1_trans, ws_upg, rejected) from the launcher's embedded default config on
 * 127.0.0.1:7681, after real HTTP requests and a real WebSocket connection.
 */
class ServerStatusIT {

    @Test
    void theReportCountsTheLocalhostVhostsTraffic() throws Exception {
        try (LauncherProcess launcher = LauncherProcess.start()) {
            launcher.awaitLine("vhost 'localhost' listening on /127.0.0.1:7681", Duration.ofSeconds(30));
            launcher.awaitLine("vhost 'localhost': protocol 'dumb-increment-protocol' available", Duration.ofSeconds(30));
            launcher.awaitLine("vhost 'localhost': protocol 'lws-server-status' available", Duration.ofSeconds(30));

            // HTTP/1.1 only: the JDK client would otherwise ask for an h2c upgrade
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            for (int i = 0; i < 3; i++) {
                HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:7681/"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, r.statusCode(), "GET / of the test site");
                assertTrue(r.body().length > 0, "the test site's index page has a body");
            }
            try (SiteWsClient dumb = SiteWsClient.open("ws://127.0.0.1:7681/", "dumb-increment-protocol")) {
                dumb.await(m -> m.matches("\\d+"), 1, Duration.ofSeconds(10), "a counter value");
            }

            try (SiteWsClient status = SiteWsClient.open("ws://127.0.0.1:7681/", "lws-server-status")) {
                assertEquals("lws-server-status", status.subprotocol());
                String report = status.await(m -> m.startsWith("{"), 1, Duration.ofSeconds(15),
                        "an lws-server-status report").get(0);
                Map<String, Object> lh = vhost(SiteJson.object(report), "localhost");
                assertTrue(figure(lh, "rx") > 0, report);
                assertTrue(figure(lh, "tx") > 0, report);
                // the JDK client may keep one connection alive for all 3 requests: 1 HTTP + 2 WebSocket at least
                assertTrue(figure(lh, "h1_conn") >= 3, report);
                assertTrue(figure(lh, "h1_trans") >= 3, report);
                assertTrue(figure(lh, "ws_upg") >= 1, report);
                assertEquals(0, figure(lh, "rejected"), report);
                assertEquals(3, loopFigureSum(SiteJson.object(report), "listen_fds"),
                        "the default config listens on 7681, 7682 and 7690: " + report);
                assertTrue(loopFigureSum(SiteJson.object(report), "conn_fds") >= 1, "this client at least: " + report);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> vhost(Map<String, Object> report, String name) {
        List<Map<String, Object>> contexts = (List<Map<String, Object>>) SiteJson.at(report, "i", "contexts");
        List<Map<String, Object>> vhosts = (List<Map<String, Object>>) contexts.get(0).get("vhosts");
        return vhosts.stream().filter(v -> name.equals(v.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no vhost '" + name + "' in the report: " + vhosts));
    }

    /** The sum over the service loops ("pt") of one figure; each loop's fds_count must be listeners + connections. */
    @SuppressWarnings("unchecked")
    private static long loopFigureSum(Map<String, Object> report, String key) {
        List<Map<String, Object>> contexts = (List<Map<String, Object>>) SiteJson.at(report, "i", "contexts");
        long sum = 0;
        for (Map<String, Object> pt : (List<Map<String, Object>>) contexts.get(0).get("pt")) {
            assertEquals(figure(pt, "fds_count"), figure(pt, "listen_fds") + figure(pt, "conn_fds"), pt.toString());
            sum += figure(pt, key);
        }
        return sum;
    }

    /** lws quotes every figure: {@code "rx":"1234"}. */
    private static long figure(Map<String, Object> vhost, String key) {
        Object v = vhost.get(key);
        if (!(v instanceof String s)) {
            throw new AssertionError("vhost figure '" + key + "' missing or not a quoted number: " + vhost);
        }
        return Long.parseLong(s);
    }
}
