package org.lightwire.plugin.postdemo;

/**
 * Turns a client's file name into one safe to show or store: never a path. The demo
 * stores uploads under names of its own, so this name is only ever displayed, but it is
 * made safe to use as a single file name anyway, so no later change can let a client
 * choose where a file lands.
 */
final class FileNames {

    /** The longest name kept, in characters. */
    static final int MAX_LENGTH = 200;
    /** What an empty or entirely unsafe name becomes. */
    static final String FALLBACK = "upload";

    private FileNames() {
    }

    /**
     * Keeps the last path segment (after '/' or '\', as browsers on Windows once sent
     * whole paths), drops control characters (NUL included) and characters that are
     * special in file systems or shells, strips leading and trailing dots and spaces (no
     * hidden files, no "..") and caps the length.
     */
    static String sanitize(String clientName) {
        String name = clientName;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        StringBuilder sb = new StringBuilder(Math.min(name.length(), MAX_LENGTH));
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            i += Character.charCount(cp);
            if (sb.length() + Character.charCount(cp) > MAX_LENGTH) {
                break;
            }
            if (Character.isLetterOrDigit(cp) || cp == '.' || cp == '-' || cp == '_' || cp == ' ' || cp == '+'
                    || cp == ',' || cp == '(' || cp == ')' || cp == '@' || cp == '=') {
                sb.appendCodePoint(cp);
            } else if (!Character.isISOControl(cp) && Character.getType(cp) != Character.FORMAT) {
                sb.append('_'); // visible but unsafe (: * ? " < > | ...): keep the gap visible
            }
        }
        int start = 0;
        int end = sb.length();
        while (start < end && (sb.charAt(start) == '.' || sb.charAt(start) == ' ')) {
            start++;
        }
        while (end > start && (sb.charAt(end - 1) == '.' || sb.charAt(end - 1) == ' ')) {
            end--;
        }
        return start == end ? FALLBACK : sb.substring(start, end);
    }
}
