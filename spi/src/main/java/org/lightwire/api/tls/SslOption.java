package org.lightwire.api.tls;

import java.util.EnumSet;
import java.util.Set;

/**
 * The OpenSSL option bits lwsws' {@code ssl-option-set} / {@code ssl-option-clear} (and the
 * client variants) carry, with the names Lightwire gives them. Only these bits are
 * understood; a config giving any other bit is refused rather than half-applied.
 */
public enum SslOption {
    /** {@code SSL_OP_NO_COMPRESSION}: TLS compression is never offered anyway. */
    NO_COMPRESSION(0x00020000L),
    /** {@code SSL_OP_CIPHER_SERVER_PREFERENCE}: the server's cipher order wins. */
    CIPHER_SERVER_PREFERENCE(0x00400000L),
    /** {@code SSL_OP_NO_SSLv3}: SSL 3 is never enabled anyway. */
    NO_SSL_3(0x02000000L),
    /** {@code SSL_OP_NO_TLSv1}: no TLS 1.0 (off by default). */
    NO_TLS_1_0(0x04000000L),
    /** {@code SSL_OP_NO_TLSv1_2}: no TLS 1.2. */
    NO_TLS_1_2(0x08000000L),
    /** {@code SSL_OP_NO_TLSv1_1}: no TLS 1.1 (off by default). */
    NO_TLS_1_1(0x10000000L),
    /** {@code SSL_OP_NO_TLSv1_3}: no TLS 1.3. */
    NO_TLS_1_3(0x20000000L),
    /** {@code SSL_OP_NO_RENEGOTIATION}: renegotiation is always refused anyway. */
    NO_RENEGOTIATION(0x40000000L);

    private final long bit;

    SslOption(long bit) {
        this.bit = bit;
    }

    /** The OpenSSL bit value. */
    public long bit() {
        return bit;
    }

    /** The config spelling, e.g. "no-tls-1.2". */
    public String configName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-').replace("1-", "1.");
    }

    /**
     * The options in {@code bits}.
     *
     * @throws IllegalArgumentException naming the bits no option stands for
     */
    public static Set<SslOption> decode(long bits) {
        Set<SslOption> out = EnumSet.noneOf(SslOption.class);
        long rest = bits;
        for (SslOption o : values()) {
            if ((bits & o.bit) != 0) {
                out.add(o);
                rest &= ~o.bit;
            }
        }
        if (rest != 0) {
            throw new IllegalArgumentException("unsupported OpenSSL option bits 0x" + Long.toHexString(rest)
                    + " (understood: " + java.util.Arrays.toString(values()) + ")");
        }
        return out;
    }
}
