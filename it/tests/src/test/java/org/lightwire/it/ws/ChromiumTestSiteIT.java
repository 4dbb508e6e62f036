package org.lightwire.it.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.lightwire.it.LauncherProcess;

/**
 * Headless Chromium against the bundled test site, served by the launcher's embedded default
 * config (127.0.0.1:7681): the dumb-increment counter counts, a stroke drawn with the mouse
 * on one page's mirror canvas shows up on a second page, the server-status page renders the
 * lws-server-status report, the strict CSP is never violated, and the pages dim when the
 * server goes away. Screenshots are saved under target/.
 */
class ChromiumTestSiteIT {

    private static final String SITE = "http://127.0.0.1:7681";
    private static final Path SHOTS = Path.of("target", "chromium-test-site");

    @Test
    void theTestSiteWorksInChromiumUnderItsStrictCsp() throws Exception {
        LauncherProcess launcher = LauncherProcess.start();
        try (SiteChromium chromium = SiteChromium.start(); SiteDevTools tools = SiteDevTools.connect(chromium.endpoint)) {
            launcher.awaitLine("vhost 'localhost' listening on /127.0.0.1:7681", Duration.ofSeconds(30));
            for (String p : List.of("dumb-increment-protocol", "lws-mirror-protocol", "lws-status", "lws-server-status")) {
                launcher.awaitLine("vhost 'localhost': protocol '" + p + "' available", Duration.ofSeconds(30));
            }

            // the counter: a number that goes up while we watch
            SitePage drawer = SitePage.open(tools, SITE + "/");
            drawer.waitFor("document.getElementById('di-status').classList.contains('open')", Duration.ofSeconds(15),
                    "the dumb-increment link to open");
            drawer.waitFor("/^[0-9]+$/.test(document.getElementById('number').textContent)", Duration.ofSeconds(15),
                    "a first counter value");
            long first = Long.parseLong(drawer.text("document.getElementById('number').textContent"));
            drawer.waitFor("Number(document.getElementById('number').textContent) >= " + (first + 5),
                    Duration.ofSeconds(15), "the counter to pass " + (first + 5));

            // the mirror: draw on one page with real mouse input, see it on another
            SitePage viewer = SitePage.open(tools, SITE + "/");
            for (SitePage p : List.of(drawer, viewer)) {
                p.waitFor("document.getElementById('lm-status').classList.contains('open')", Duration.ofSeconds(15),
                        "the mirror link to open");
            }
            drawer.front();
            drawer.eval("document.getElementById('lm-colour').value = '#d62728'");
            drawer.eval("document.getElementById('lm-canvas').scrollIntoView({block: 'center'})");
            @SuppressWarnings("unchecked")
            Map<String, Object> box = (Map<String, Object>) drawer.eval("(function () {"
                    + " var r = document.getElementById('lm-canvas').getBoundingClientRect();"
                    + " return {x: r.left + 1, y: r.top + 1}; })()");
            double left = ((Number) box.get("x")).doubleValue();
            double top = ((Number) box.get("y")).doubleValue();
            drawer.mouse("mouseMoved", left + 40, top + 60, "none");
            drawer.mouse("mousePressed", left + 40, top + 60, "left");
            for (int step = 1; step <= 10; step++) {
                drawer.mouse("mouseMoved", left + 40 + step * 30, top + 60 + step * 15, "left");
            }
            drawer.mouse("mouseReleased", left + 340, top + 210, "left");
            viewer.waitFor("Number(document.getElementById('lm-count').textContent) >= 10", Duration.ofSeconds(15),
                    "the ten strokes drawn on the other page");
            drawer.waitFor("Number(document.getElementById('lm-count').textContent) >= 10", Duration.ofSeconds(15),
                    "the strokes relayed back to the page that drew them");
            // a red pixel where the stroke is, on the page that did not draw it: sample along the stroke
            String redOnViewer = "(function () { var c = document.getElementById('lm-canvas').getContext('2d');"
                    + " for (var s = 0; s <= 300; s++) { var d = c.getImageData(40 + s, 60 + s / 2, 1, 1).data;"
                    + " if (d[3] > 0 && d[0] > 150 && d[1] < 100) return true; } return false; })()";
            assertEquals(Boolean.TRUE, viewer.eval(redOnViewer), "the relayed stroke is drawn on the viewer's canvas");

            // lws-status lists both pages' connections
            viewer.waitFor("Number(document.getElementById('st-count').textContent) >= 2", Duration.ofSeconds(15),
                    "lws-status to list both pages");

            // server status renders a report with real figures
            SitePage status = SitePage.open(tools, SITE + "/server-status/");
            status.waitFor("Number(document.getElementById('ss-reports').textContent) >= 1", Duration.ofSeconds(20),
                    "a server-status report");
            String process = status.text("document.getElementById('ss-process').textContent");
            assertTrue(process.contains("lightwire"), process);
            String vhosts = status.text("document.getElementById('ss-vhosts').textContent");
            assertTrue(vhosts.contains("localhost") && vhosts.contains("dumb-increment-protocol"), vhosts);
            int alive = Integer.parseInt(status.text(
                    "document.querySelector('#ss-process tr:nth-child(7) td').textContent"));
            assertTrue(alive >= 7, "at least the seven WebSocket connections of the three pages: " + alive);

            drawer.screenshot(SHOTS.resolve("index-drawer.png"));
            viewer.screenshot(SHOTS.resolve("index-viewer.png"));
            status.screenshot(SHOTS.resolve("server-status.png"));

            // nothing broke the Content-Security-Policy, and the pages logged no errors
            for (SitePage p : List.of(drawer, viewer, status)) {
                assertEquals(List.of(), p.eval("window.__cspViolations"), () -> p.url + " console: " + p.console());
                List<String> problems = p.console().stream()
                        .filter(line -> line.contains("Content Security Policy") || line.startsWith("exception")
                                || line.startsWith("console.error") || line.startsWith("log error"))
                        .collect(Collectors.toList());
                assertEquals(List.of(), problems, p.url + " console: " + p.console());
            }

            // the link drops: the pages dim, as lws' pages grey out
            launcher.close();
            for (SitePage p : List.of(drawer, status)) {
                p.waitFor("document.body.classList.contains('disconnected') && !document.getElementById('link-down').hidden",
                        Duration.ofSeconds(20), "the page to dim after the server went away");
            }
            drawer.screenshot(SHOTS.resolve("index-disconnected.png"));
            assertTrue(Files.size(SHOTS.resolve("index-drawer.png")) > 1000);
        } finally {
            launcher.close();
        }
    }
}
