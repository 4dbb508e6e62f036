package org.lightwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** With no config the launcher serves its embedded default: raw-test echo on 127.0.0.1:7681. */
class DefaultConfigIT {

    @Test
    void embeddedDefaultConfigEchoesOn7681AndLogsWhatIsActive() throws Exception {
        try (LauncherProcess launcher = LauncherProcess.start()) {
            launcher.awaitLine("vhost 'localhost' listening on /127.0.0.1:7681", Duration.ofSeconds(20));
            Net.awaitRoundTrip(7681, "default", "default", Duration.ofSeconds(20));
            try (Socket s = Net.connect(7681)) {
                assertEquals("one", Net.roundTrip(s, "one"));
                assertEquals("two", Net.roundTrip(s, "two"));
            }
            String log = launcher.log();
            assertTrue(log.contains("bundle org.lightwire.core 0.1.0: active"), log);
            assertTrue(log.contains("bundle org.lightwire.role.raw 0.1.0: active"), log);
            assertTrue(log.contains("watching plugin dir(s): "), log);
        }
    }
}
