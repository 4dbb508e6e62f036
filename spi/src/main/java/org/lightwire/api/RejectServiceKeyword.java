package org.lightwire.api;

import java.util.Objects;

/**
 * One entry of lwsws' global {@code "reject-service-keywords"}: an HTTP request whose
 * {@code User-Agent} contains {@code agentSubstring} is answered with {@code status} and
 * nothing else is served ({@code [{ "scumbot": "404 Not Found" }]}).
 *
 * @param agentSubstring the text to look for in the user agent; not empty
 * @param status         the status line to answer with: a three digit code 100..599,
 *                       optionally followed by a space and a reason, e.g. {@code "404 Not Found"}
 */
public record RejectServiceKeyword(String agentSubstring, String status) {

    public RejectServiceKeyword {
        Objects.requireNonNull(agentSubstring, "agentSubstring");
        Objects.requireNonNull(status, "status");
        if (agentSubstring.isEmpty()) {
            throw new IllegalArgumentException("reject-service-keywords: the user agent text must not be empty");
        }
        if (Header.indexOfControl(agentSubstring) >= 0) {
            throw new IllegalArgumentException("reject-service-keywords: '" + Header.printable(agentSubstring)
                    + "' must not contain CR, LF or NUL");
        }
        if (status.length() < 3 || !isDigits(status, 3)
                || status.length() > 3 && status.charAt(3) != ' '
                || Header.indexOfControl(status) >= 0) {
            throw new IllegalArgumentException("reject-service-keywords: status for '" + agentSubstring
                    + "' must be a 3-digit code optionally followed by a space and a reason, e.g. \"404 Not Found\", not '"
                    + Header.printable(status) + "'");
        }
        int code = Integer.parseInt(status.substring(0, 3));
        if (code < 100 || code > 599) {
            throw new IllegalArgumentException("reject-service-keywords: status code " + code + " for '"
                    + agentSubstring + "' must be 100..599");
        }
    }

    /** The numeric status code, e.g. 404. */
    public int statusCode() {
        return Integer.parseInt(status.substring(0, 3));
    }

    /** The reason phrase after the code; empty if none was given. */
    public String reason() {
        return status.length() > 4 ? status.substring(4) : "";
    }

    private static boolean isDigits(String s, int n) {
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
