package org.lightwire.config.internal;

/**
 * A document that is not the JSON the config format allows, or that exceeds one of
 * {@link JsonReader}'s limits.
 */
public final class JsonSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String problem;
    private final Position at;
    private final String path;

    JsonSyntaxException(String problem, Position at, String path) {
        super(at + ": " + (path == null ? "" : "key '" + path + "': ") + problem);
        this.problem = problem;
        this.at = at;
        this.path = path;
    }

    /** What is wrong, without the position. */
    public String problem() {
        return problem;
    }

    /** Where the offending text starts. */
    public Position at() {
        return at;
    }

    /**
     * The path of the key whose value was being read, like {@code vhosts[0].name}; null
     * when the problem is outside any key.
     */
    public String path() {
        return path;
    }
}
