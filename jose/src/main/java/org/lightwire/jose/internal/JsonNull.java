package org.lightwire.jose.internal;

/** The JSON literal {@code null} (Java null means "member absent"). */
public enum JsonNull {
    INSTANCE;

    @Override
    public String toString() {
        return "null";
    }
}
