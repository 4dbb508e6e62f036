package org.lightwire.it.ws;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * One browser tab driven over DevTools: navigate, evaluate JavaScript, dispatch real mouse
 * input, take screenshots, and collect what its console and log said.
 */
final class SitePage {

    /**
     * Installed before any page script (DevTools-injected scripts are not subject to the
     * page's CSP): records every Content-Security-Policy violation the page reports.
     */
    private static final String CSP_RECORDER = "window.__cspViolations = [];"
            + "document.addEventListener('securitypolicyviolation', function (e) {"
            + " window.__cspViolations.push(e.violatedDirective + ' blocked ' + e.blockedURI); });";

    private final SiteDevTools tools;
    private final String sessionId;
    final String url;

    private SitePage(SiteDevTools tools, String sessionId, String url) {
        this.tools = tools;
        this.sessionId = sessionId;
        this.url = url;
    }

    static SitePage open(SiteDevTools tools, String url) throws Exception {
        String targetId = (String) tools.call(null, "Target.createTarget", Map.of("url", "about:blank")).get("targetId");
        String session = (String) tools.call(null, "Target.attachToTarget",
                Map.of("targetId", targetId, "flatten", true)).get("sessionId");
        SitePage page = new SitePage(tools, session, url);
        page.call("Runtime.enable", Map.of());
        page.call("Log.enable", Map.of());
        page.call("Page.enable", Map.of());
        page.call("Page.addScriptToEvaluateOnNewDocument", Map.of("source", CSP_RECORDER));
        page.call("Page.navigate", Map.of("url", url));
        page.waitFor("document.readyState === 'complete' && location.href === " + SiteJson.write(url),
                Duration.ofSeconds(20), "page " + url + " loaded");
        return page;
    }

    Map<String, Object> call(String method, Map<String, Object> params) throws Exception {
        return tools.call(sessionId, method, params);
    }

    /** Evaluates {@code expression} in the page and returns its value (JSON-like). */
    Object eval(String expression) throws Exception {
        Map<String, Object> r = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        if (r.get("exceptionDetails") != null) {
            throw new AssertionError("evaluating `" + expression + "` in " + url + " threw: " + r.get("exceptionDetails"));
        }
        return SiteJson.at(r, "result", "value");
    }

    String text(String expression) throws Exception {
        return String.valueOf(eval(expression));
    }

    /** Polls until {@code expression} is truthy; fails saying what was awaited and what the page logged. */
    void waitFor(String expression, Duration timeout, String what) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<String, Object> r = call("Runtime.evaluate", Map.of("expression", "!!(" + expression + ")",
                    "returnByValue", true));
            if (Boolean.TRUE.equals(SiteJson.at(r, "result", "value"))) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + timeout + " for " + what + " in " + url + "; console: " + console());
            }
            Thread.sleep(100); // polling the browser: the page state has no event we can wait on from here
        }
    }

    /**
     * Brings the tab to the front. Headless Chromium renders and feeds input only to the front
     * tab: input events and captures aimed at a background tab stall until it comes forward.
     */
    void front() throws Exception {
        call("Page.bringToFront", Map.of());
    }

    /** A real mouse event at page coordinates (CSS pixels in the viewport); call {@link #front()} first. */
    void mouse(String type, double x, double y, String button) throws Exception {
        call("Input.dispatchMouseEvent", Map.of("type", type, "x", x, "y", y, "button", button,
                "buttons", button.equals("left") && !type.equals("mouseReleased") ? 1 : 0, "clickCount", 1));
    }

    /** Saves a PNG screenshot of the viewport. */
    Path screenshot(Path file) throws Exception {
        front();
        String data = (String) call("Page.captureScreenshot", Map.of("format", "png")).get("data");
        Files.createDirectories(file.getParent());
        return Files.write(file, Base64.getDecoder().decode(data));
    }

    /** Console messages, log entries and uncaught exceptions of this page, as text. */
    List<String> console() {
        List<String> out = new ArrayList<>();
        for (SiteDevTools.Event e : tools.events()) {
            if (!sessionId.equals(e.sessionId())) {
                continue;
            }
            switch (e.method()) {
                case "Runtime.consoleAPICalled" -> out.add("console." + e.params().get("type") + ": "
                        + e.params().get("args"));
                case "Log.entryAdded" -> out.add("log " + SiteJson.at(e.params(), "entry", "level") + " ("
                        + SiteJson.at(e.params(), "entry", "source") + "): " + SiteJson.at(e.params(), "entry", "text"));
                case "Runtime.exceptionThrown" -> out.add("exception: " + SiteJson.at(e.params(), "exceptionDetails"));
                default -> {
                }
            }
        }
        return out;
    }
}
