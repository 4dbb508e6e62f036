package org.lightwire.http.internal;

import org.lightwire.api.http.HttpFields;

/**
 * Whether a request's Accept-Encoding (RFC 9110 section 12.5.3) admits gzip: an explicit
 * {@code gzip} or {@code x-gzip} with a non-zero weight, or else a {@code *} with a
 * non-zero weight. Decides between sending a zip member's deflate data as gzip and
 * inflating it (lws fops-zip checks the same header).
 */
public final class AcceptEncoding {

    private AcceptEncoding() {
    }

    /** Whether gzip may be sent to the client that sent {@code headers}. */
    public static boolean acceptsGzip(HttpFields headers) {
        int gzip = -1;
        int star = -1;
        for (String value : headers.getAll("accept-encoding")) {
            for (String item : value.split(",")) {
                int semi = item.indexOf(';');
                String coding = (semi < 0 ? item : item.substring(0, semi)).strip();
                int weight = semi < 0 ? 1000 : weight(item.substring(semi + 1));
                if (coding.equalsIgnoreCase("gzip") || coding.equalsIgnoreCase("x-gzip")) {
                    gzip = Math.max(gzip, weight);
                } else if (coding.equals("*")) {
                    star = Math.max(star, weight);
                }
            }
        }
        return gzip >= 0 ? gzip > 0 : star > 0;
    }

    /** The weight of {@code params} ("q=0.5") in thousandths; 1000 without q, 0 when malformed. */
    private static int weight(String params) {
        for (String p : params.split(";")) {
            String t = p.strip();
            if (t.length() >= 2 && (t.charAt(0) == 'q' || t.charAt(0) == 'Q') && t.charAt(1) == '=') {
                String q = t.substring(2).strip();
                if (!q.matches("0(\\.\\d{0,3})?|1(\\.0{0,3})?")) {
                    return 0;
                }
                double d = Double.parseDouble(q);
                return (int) Math.round(d * 1000);
            }
        }
        return 1000;
    }
}
