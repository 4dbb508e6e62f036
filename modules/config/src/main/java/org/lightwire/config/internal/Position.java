package org.lightwire.config.internal;

/**
 * Where something starts in a config document: 1-based line and 1-based column, counted
 * in Unicode code points so that an editor's cursor lands on it.
 */
public record Position(int line, int column) {

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
