package org.lightwire.http.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * HTTP-date (RFC 9110 section 5.6.7): formats IMF-fixdate for Last-Modified and parses the
 * three forms a recipient must accept (IMF-fixdate, obsolete RFC 850, asctime) for
 * If-Modified-Since, If-Unmodified-Since and If-Range. Whole seconds only, as HTTP.
 */
public final class HttpDates {

    /** What {@link #parseSeconds} returns for text that is no HTTP-date. */
    public static final long INVALID = Long.MIN_VALUE;

    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter IMF_PARSE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);
    /**
     * RFC 850's two-digit year: section 5.6.7 reads one that would be more than 50 years
     * ahead as the past century, so the century window is [now - 49, now + 50].
     */
    private static final DateTimeFormatter RFC850_PARSE = new DateTimeFormatterBuilder()
            .appendPattern("EEEE, dd-MMM-")
            .appendValueReduced(ChronoField.YEAR, 2, 2, LocalDate.now(ZoneOffset.UTC).getYear() - 49)
            .appendPattern(" HH:mm:ss 'GMT'")
            .toFormatter(Locale.US);
    private static final DateTimeFormatter ASCTIME_PARSE =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US);

    private HttpDates() {
    }

    /** {@code epochMillis} as IMF-fixdate, e.g. {@code "Sun, 06 Nov 1994 08:49:37 GMT"}. */
    public static String format(long epochMillis) {
        return IMF_FIXDATE.format(java.time.Instant.ofEpochMilli(Math.floorDiv(epochMillis, 1000) * 1000));
    }

    /** The epoch second {@code text} names, or {@link #INVALID}. */
    public static long parseSeconds(String text) {
        if (text == null || text.length() < 20 || text.length() > 40) {
            return INVALID;
        }
        String t = text.strip();
        for (DateTimeFormatter f : new DateTimeFormatter[] {IMF_PARSE, RFC850_PARSE, ASCTIME_PARSE}) {
            try {
                return LocalDateTime.parse(t, f).toEpochSecond(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return INVALID;
    }
}
