package org.lightwire.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real socat (Debian package, installed by the test command) as a client peer. */
final class Socat {

    private Socat() {
    }

    /**
     * Sends {@code input} to {@code address} (a socat address such as
     * {@code TCP:127.0.0.1:7681}), half-closes, and returns what came back within the
     * timeout.
     */
    static String exchange(String address, String input, int timeoutSeconds) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("socat", "-t", String.valueOf(timeoutSeconds), "-", address));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        if (!p.waitFor(timeoutSeconds + 10L, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("socat did not finish");
        }
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
