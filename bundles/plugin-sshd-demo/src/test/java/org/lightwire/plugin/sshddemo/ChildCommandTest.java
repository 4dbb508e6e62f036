package org.lightwire.plugin.sshddemo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lightwire.ssh.SshPty;

class ChildCommandTest {

    private static final Map<String, String> BASE = Map.of("PATH", "/usr/bin:/bin", "HOME", "/home/u");
    private static final String HOSTILE = "x'; rm -rf / #\"$(id)`id`";

    @Test
    void withoutPtyTheCommandIsOneArgumentOfShC() {
        ChildCommand c = ChildCommand.of("/bin/sh", HOSTILE, null, "/usr/bin/script", BASE, Map.of());
        assertEquals(List.of("/bin/sh", "-c", HOSTILE), c.argv());
        assertEquals("/bin/sh", c.environment().get("SHELL"));
    }

    @Test
    void shellWithoutPtyIsInteractiveSh() {
        assertEquals(List.of("/bin/sh", "-i"), ChildCommand.of("/bin/sh", null, null, "/usr/bin/script", BASE, Map.of()).argv());
    }

    @Test
    void withPtyScriptRunsAnInnerScriptWithoutClientTextAndTheCommandTravelsInTheEnvironment() {
        SshPty pty = new SshPty("xterm-256color", 120, 40, 0, 0, new byte[0]);
        ChildCommand c = ChildCommand.of("/bin/sh", HOSTILE, pty, "/usr/bin/script", BASE, Map.of("LANG", "C.UTF-8"));
        assertEquals("/usr/bin/script", c.argv().get(0));
        assertEquals("-qfec", c.argv().get(1));
        assertEquals("stty cols 120 rows 40 2>/dev/null; exec \"$SHELL\" -c \"$SSH_ORIGINAL_COMMAND\"", c.argv().get(2));
        assertEquals("/dev/null", c.argv().get(3));
        assertFalse(String.join(" ", c.argv()).contains("rm -rf"));
        assertEquals(HOSTILE, c.environment().get("SSH_ORIGINAL_COMMAND"));
        assertEquals("xterm-256color", c.environment().get("TERM"));
        assertEquals("C.UTF-8", c.environment().get("LANG"));
    }

    @Test
    void ptyWithoutScriptRunsWithoutATerminal() {
        SshPty pty = new SshPty("xterm", 80, 24, 0, 0, new byte[0]);
        assertEquals(List.of("/bin/sh", "-i"), ChildCommand.of("/bin/sh", null, pty, null, BASE, Map.of()).argv());
    }
}
