package org.lightwire.jose.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.lightwire.jose.MalformedJoseException;

/**
 * A JSON number kept as its text, so a header member such as {@code exp} is written back
 * exactly as it was read (the signature covers the original bytes anyway, but a re-encoded
 * copy must not drift). Converted on demand.
 */
public record JsonNumber(String text) {

    public static JsonNumber of(long value) {
        return new JsonNumber(Long.toString(value));
    }

    /** The value as a long; {@link MalformedJoseException} naming {@code what} if it is not an integer in range. */
    public long longValue(String what) {
        try {
            return new BigDecimal(text).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new MalformedJoseException(what + ": " + text + " is not an integer in the 64-bit range");
        }
    }

    public BigInteger bigIntegerValue(String what) {
        try {
            return new BigDecimal(text).toBigIntegerExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new MalformedJoseException(what + ": " + text + " is not an integer");
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
