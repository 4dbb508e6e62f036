package org.lightwire.plugin.sshddemo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lightwire.api.Options;

class DemoSettingsTest {

    @Test
    void defaultsAreSafe() {
        DemoSettings s = DemoSettings.read("v", Options.EMPTY);
        assertEquals(32, s.maxSessions());
        assertEquals(65_536, s.streamBufferBytes());
        assertEquals(1 << 20, s.authorizedKeysMaxBytes());
        assertEquals("/bin/sh", s.shell());
        assertTrue(s.authorizedKeys().endsWith(".ssh/authorized_keys"));
        assertEquals(1, s.hostKeys().size());
    }

    @Test
    void hostKeyRepeatsForSeveralKeys() {
        DemoSettings s = DemoSettings.read("v", Options.builder().add("host-key", "/k/ed").add("host-key", "/k/rsa").build());
        assertEquals(List.of(Path.of("/k/ed"), Path.of("/k/rsa")), s.hostKeys());
    }

    @Test
    void badValuesNameTheVhostAndTheOption() {
        for (String[] bad : new String[][] {{"max-sessions", "0"}, {"max-sessions", "lots"},
                {"stream-buffer-bytes", "-5"}, {"shell", "sh"}, {"authorized-keys", " "}, {"host-key", "a\0b"}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> DemoSettings.read("sshd", Options.builder().add(bad[0], bad[1]).build()), bad[0]);
            assertTrue(e.getMessage().contains("vhost 'sshd'") && e.getMessage().contains("'" + bad[0] + "'"), e.getMessage());
        }
    }
}
