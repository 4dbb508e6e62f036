package org.lightwire.ssh.internal;

import org.lightwire.api.Options;

/**
 * The limits of one ssh-base instance, each with a safe default and a pvo key of the same
 * name. Read once per vhost; a bad value refuses the vhost with a message naming the key.
 *
 * @param maxPacket largest packet_length accepted ("max-packet"; RFC 4253 6.1 requires 35000)
 * @param maxAuthAttempts failed authentication requests before NO_MORE_AUTH_METHODS_AVAILABLE ("auth-max-attempts")
 * @param authFailureDelayMillis delay before each failure answer, with input paused meanwhile ("auth-failure-delay-ms")
 * @param loginGraceSecs time from connect to successful authentication ("login-grace-secs")
 * @param rekeyBytes bytes either way under one key before re-keying ("rekey-bytes"; RFC 4344 3.2 gives 2^32 blocks as the ceiling)
 * @param rekeyPackets packets either way under one key before re-keying ("rekey-packets"; RFC 4344 3.1: below 2^32)
 * @param rekeySecs seconds under one key before re-keying at the next packet ("rekey-secs")
 * @param maxChannels open channels per connection ("max-channels")
 * @param channelWindow the receive window each channel grants the client ("channel-window")
 * @param channelMaxPacket the largest channel data the client may send at once ("channel-max-packet")
 */
record SshLimits(int maxPacket, int maxAuthAttempts, int authFailureDelayMillis, int loginGraceSecs, long rekeyBytes,
        long rekeyPackets, int rekeySecs, int maxChannels, int channelWindow, int channelMaxPacket) {

    static final SshLimits DEFAULTS = new SshLimits(35000, 6, 300, 120, 1L << 30, 1L << 31, 3600, 10, 2 * 1024 * 1024, 32768);

    static SshLimits from(Options o) {
        return new SshLimits(
                range(o, "max-packet", DEFAULTS.maxPacket, 35000, 1 << 20),
                range(o, "auth-max-attempts", DEFAULTS.maxAuthAttempts, 1, 100),
                range(o, "auth-failure-delay-ms", DEFAULTS.authFailureDelayMillis, 0, 60_000),
                range(o, "login-grace-secs", DEFAULTS.loginGraceSecs, 1, 86_400),
                rangeLong(o, "rekey-bytes", DEFAULTS.rekeyBytes, 1L << 16, 1L << 36),
                rangeLong(o, "rekey-packets", DEFAULTS.rekeyPackets, 16, 1L << 31),
                range(o, "rekey-secs", DEFAULTS.rekeySecs, 1, 86_400 * 7),
                range(o, "max-channels", DEFAULTS.maxChannels, 1, 1024),
                range(o, "channel-window", DEFAULTS.channelWindow, 32768, Integer.MAX_VALUE),
                range(o, "channel-max-packet", DEFAULTS.channelMaxPacket, 1024, 32768));
    }

    private static int range(Options o, String key, int fallback, int min, int max) {
        return (int) rangeLong(o, key, fallback, min, max);
    }

    private static long rangeLong(Options o, String key, long fallback, long min, long max) {
        String v = o.get(key).orElse(null);
        if (v == null) {
            return fallback;
        }
        long n;
        try {
            n = Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("lws-ssh-base option '" + key + "' must be an integer, not '" + v + "'");
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException("lws-ssh-base option '" + key + "' must be " + min + ".." + max + ", not " + n);
        }
        return n;
    }
}
