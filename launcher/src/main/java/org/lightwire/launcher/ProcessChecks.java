package org.lightwire.launcher;

import java.util.Optional;

import org.lightwire.api.ContextSettings;

/**
 * What the launcher checks about its own process before serving: the config keys lws acts
 * on with system calls a JVM cannot make ({@code setuid}/{@code setgid} for the privilege
 * keys, {@code setrlimit} for {@code rlimit-nofile}) are turned into checks that the
 * process was started that way, so a config is never silently half-applied.
 */
final class ProcessChecks {

    private ProcessChecks() {
    }

    /** Why this process must not serve {@code settings}, or empty if it may. */
    static Optional<String> refusal(ContextSettings settings) {
        return RunAsCheck.refusal(settings.privileges(), RunAsCheck.PROC_SELF)
                .or(() -> OpenFileLimit.refusal(settings.rlimitNofile(), OpenFileLimit.PROC_SELF_LIMITS));
    }
}
