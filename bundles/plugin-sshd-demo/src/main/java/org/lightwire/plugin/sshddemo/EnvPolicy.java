package org.lightwire.plugin.sshddemo;

/**
 * Which client-sent environment variables ("env" requests, RFC 4254 6.4; lws
 * {@code set_env}) a child gets: LANG and LC_* only, as Debian's sshd_config AcceptEnv.
 * Anything else could change how the shell or the dynamic loader behaves (LD_PRELOAD,
 * BASH_ENV, PATH, ...), so it is refused. Values are bounded and free of NUL and newlines.
 */
final class EnvPolicy {

    static final int MAX_NAME = 64;
    static final int MAX_VALUE = 1024;

    private EnvPolicy() {
    }

    static boolean accepts(String name, String value) {
        if (name.isEmpty() || name.length() > MAX_NAME || value.length() > MAX_VALUE) {
            return false;
        }
        if (!name.equals("LANG") && !(name.startsWith("LC_") && name.length() > 3)) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'A' && c <= 'Z') && c != '_') {
                return false;
            }
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        return true;
    }
}
