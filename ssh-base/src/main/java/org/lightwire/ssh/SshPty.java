package org.lightwire.ssh;

/**
 * A pseudo-terminal request ({@code pty-req}, RFC 4254 6.2; lws {@code struct lws_ssh_pty}).
 *
 * @param term the TERM value, e.g. "xterm-256color"
 * @param columns width in characters
 * @param rows height in rows
 * @param widthPixels width in pixels (0 if unknown)
 * @param heightPixels height in pixels (0 if unknown)
 * @param modes the encoded terminal modes (RFC 4254 8), as the client sent them
 */
public record SshPty(String term, int columns, int rows, int widthPixels, int heightPixels, byte[] modes) {
    public SshPty {
        modes = modes.clone();
    }

    @Override
    public byte[] modes() {
        return modes.clone();
    }
}
