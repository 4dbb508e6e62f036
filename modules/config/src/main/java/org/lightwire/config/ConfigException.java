package org.lightwire.config;

/**
 * A config that cannot be used, and where: file, line, column and key. lwsws refuses to
 * start on a bad config rather than run with part of it; the launcher prints
 * {@link #getMessage()} (one line, {@code file:line:column: what is wrong}) and exits.
 */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;
    private final String key;

    /** A problem at a place in a file; {@code detail} is everything after the position. */
    ConfigException(String file, int line, int column, String key, String detail) {
        super(MessageText.oneLine(file + ":" + line + ":" + column + ": " + detail));
        this.file = file;
        this.line = line;
        this.column = column;
        this.key = key;
    }

    /** A problem with a file as a whole: missing, unreadable or too large. */
    ConfigException(String file, String problem, Throwable cause) {
        super(MessageText.oneLine(file + ": " + problem), cause);
        this.file = file;
        this.line = 0;
        this.column = 0;
        this.key = null;
    }

    /** The file, as the caller named it (for {@link ConfigLoader#load} the config dir resolved). */
    public String file() {
        return file;
    }

    /** The 1-based line, or 0 when the problem is with the file as a whole. */
    public int line() {
        return line;
    }

    /** The 1-based column in code points, or 0 when the problem is with the file as a whole. */
    public int column() {
        return column;
    }

    /**
     * The path of the offending key, like {@code global.count-threads} or
     * {@code vhosts[0].port}; null when the problem is not inside any key (for example a
     * missing file, or a syntax error at the top level).
     */
    public String key() {
        return key;
    }
}
