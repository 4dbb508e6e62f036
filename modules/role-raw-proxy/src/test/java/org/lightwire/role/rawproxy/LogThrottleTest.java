package org.lightwire.role.rawproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** One line per interval, the rest counted and reported with the next line; time is the test's. */
class LogThrottleTest {

    private static final long SECOND = 1_000_000_000L;

    private long now = 5 * SECOND; // any origin: only differences matter
    private final LogThrottle throttle = new LogThrottle(10 * SECOND, () -> now);

    @Test
    void theFirstEventIsLoggedWithNothingHeld() {
        assertEquals(0, throttle.admit());
    }

    @Test
    void eventsWithinTheIntervalAreHeldAndCountedIntoTheNextLine() {
        assertEquals(0, throttle.admit());
        for (int i = 0; i < 3; i++) {
            now += SECOND;
            assertEquals(LogThrottle.HOLD, throttle.admit());
        }
        now += 7 * SECOND - 1; // 10 s after the line, less one nanosecond
        assertEquals(LogThrottle.HOLD, throttle.admit());

        now += 1;
        assertEquals(4, throttle.admit(), "the interval is over: log, saying 4 were held");
        assertEquals(LogThrottle.HOLD, throttle.admit(), "a new interval starts at that line");
    }

    @Test
    void afterAQuietIntervalTheNextEventIsLoggedAndTheCountStartsAgain() {
        throttle.admit();
        throttle.admit();
        now += 10 * SECOND;
        assertEquals(1, throttle.admit());

        now += 60 * SECOND;
        assertEquals(0, throttle.admit(), "the held one was reported already");
    }

    @Test
    void aClockOriginNearTheEndOfTheRangeStillOrdersEvents() {
        now = Long.MAX_VALUE - SECOND; // nanoTime may be anywhere, and wraps
        throttle.admit();
        now += 2 * SECOND; // overflows
        assertEquals(LogThrottle.HOLD, throttle.admit());
        now += 8 * SECOND;
        assertEquals(1, throttle.admit());
    }

    @Test
    void anIntervalMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new LogThrottle(0, () -> now));
    }
}
