package org.lightwire.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.lightwire.api.RetryPolicy;

/**
 * The retry and validity keys (lws {@code lws_retry_bo_t}), a Lightwire addition allowed in
 * {@code "global"} (the context's policy) and in a vhost (overrides on top of it):
 * <ul>
 *   <li>{@code retry-ms}: the delay table in milliseconds, comma-separated, e.g.
 *       {@code "1000,2000,5000"}; the last entry repeats;</li>
 *   <li>{@code retry-conceal-count}: failures retried before the protocol hears of one;</li>
 *   <li>{@code retry-jitter-pc}: random extra delay, 0..100 percent of the entry;</li>
 *   <li>{@code secs-since-valid-ping}, {@code secs-since-valid-hangup}: ping, then hang up,
 *       a connection not proved alive for that long (defaults 300 and 310; 0 disables).</li>
 * </ul>
 * Only the keys given are kept, so that a vhost inherits every value it does not set.
 */
final class RetryKeys {

    private final Map<String, Consumer<RetryPolicy.Builder>> overrides = new LinkedHashMap<>();

    /**
     * Takes {@code f} if it is a retry or validity key; a repeated key replaces the earlier
     * value.
     *
     * @return false if {@code f} is not one of these keys
     */
    boolean read(Field f, Scalars scalars) throws ConfigException {
        Consumer<RetryPolicy.Builder> setting;
        switch (f.key()) {
            case "retry-ms" -> {
                int[] table = scalars.integerList(f);
                setting = b -> b.retryMillis(table);
            }
            case "retry-conceal-count" -> {
                int count = scalars.integer(f);
                setting = b -> b.concealCount(count);
            }
            case "retry-jitter-pc" -> {
                int percent = scalars.integer(f);
                setting = b -> b.jitterPercent(percent);
            }
            case "secs-since-valid-ping" -> {
                int secs = scalars.integer(f);
                setting = b -> b.secsSinceValidPing(secs);
            }
            case "secs-since-valid-hangup" -> {
                int secs = scalars.integer(f);
                setting = b -> b.secsSinceValidHangup(secs);
            }
            default -> {
                return false;
            }
        }
        // RetryPolicy owns the ranges and checks them as values are set: try this one on
        // a scratch builder now, so that the error points at this key.
        try {
            setting.accept(RetryPolicy.builder());
        } catch (IllegalArgumentException e) {
            throw f.error(e.getMessage());
        }
        overrides.put(f.key(), setting);
        return true;
    }

    /** Whether no retry or validity key was given. */
    boolean isEmpty() {
        return overrides.isEmpty();
    }

    /** {@code base} with the keys given here applied. */
    RetryPolicy over(RetryPolicy base) {
        RetryPolicy.Builder builder = base.toBuilder();
        overrides.values().forEach(setting -> setting.accept(builder));
        return builder.build();
    }
}
