package org.lightwire.plugin.sshddemo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lightwire.ssh.SshPty;

/**
 * What a session channel runs: argv and environment for a "shell" or "exec" request, with
 * or without a pty (lws' demo forks a shell through its CGI helper).
 *
 * <p>A JVM cannot open a pseudo-terminal, so a pty request is honoured by running the
 * command under util-linux {@code script -qfec CMD /dev/null}: script owns a real pty, the
 * child sees a terminal (line editing, echo of typed input, job control, ^C as SIGINT),
 * and script's own stdin/stdout are our pipes. The size from the pty request is applied
 * with {@code stty} before the command starts; later window changes are applied with
 * {@code stty -F /dev/pts/N} ({@link DemoChannel#windowChange}). Without a pty, a shell is {@code sh -i} and
 * a command {@code sh -c CMD}, stderr kept apart as SSH extended data.
 *
 * <p>The command text never passes through a second layer of quoting: without a pty it is
 * one argv element of {@code sh -c}; under script it travels in the environment as
 * {@code SSH_ORIGINAL_COMMAND} (the variable OpenSSH uses for it) and the wrapper runs
 * {@code exec "$SHELL" -c "$SSH_ORIGINAL_COMMAND"}.
 */
record ChildCommand(List<String> argv, Map<String, String> environment) {

    /**
     * @param shell the shell (absolute path)
     * @param command the exec command, or null for an interactive shell
     * @param pty the channel's pty request, or null
     * @param ptyWrapper path of util-linux script, or null when there is none (pty then ignored)
     * @param base environment common to all children (PATH, HOME, USER, ...)
     * @param requested variables the client set and the ops accepted
     */
    static ChildCommand of(String shell, String command, SshPty pty, String ptyWrapper, Map<String, String> base,
            Map<String, String> requested) {
        Map<String, String> env = new LinkedHashMap<>(base);
        env.putAll(requested);
        env.put("SHELL", shell);
        if (command != null) {
            env.put("SSH_ORIGINAL_COMMAND", command);
        }
        if (pty == null || ptyWrapper == null) {
            // the command is one argv element: no quoting layer between the client and the shell
            List<String> argv = command == null ? List.of(shell, "-i") : List.of(shell, "-c", command);
            return new ChildCommand(argv, Map.copyOf(env));
        }
        env.put("TERM", pty.term().isEmpty() ? "dumb" : pty.term());
        // the sizes are integers from the request, so this inner script contains no client text
        String size = pty.columns() > 0 && pty.rows() > 0
                ? "stty cols " + pty.columns() + " rows " + pty.rows() + " 2>/dev/null; " : "";
        String run = command == null ? "exec \"$SHELL\" -i" : "exec \"$SHELL\" -c \"$SSH_ORIGINAL_COMMAND\"";
        // -q no banner, -f flush at once (interactive echo), -e the child's exit status, -c the command
        return new ChildCommand(List.of(ptyWrapper, "-qfec", size + run, "/dev/null"), Map.copyOf(env));
    }
}
