package org.lightwire.api.crypto;

import java.util.Objects;
import java.util.Optional;

/**
 * What an AES cipher needs besides its key: the mode and its IV, counter block, tweak or
 * nonce, padding and tag length (the rest of lws {@code lws_genaes_create}'s arguments).
 * Immutable; one factory per mode. Factories check the lengths the mode fixes and throw
 * {@link BadParameterException} naming the mode; the backend checks the key.
 */
public final class AesParameters {

    /** AES block size in bytes. */
    public static final int BLOCK = 16;

    private final AesMode mode;
    private final byte[] iv;
    private final AesPadding padding;
    private final int tagLength;

    private AesParameters(AesMode mode, byte[] iv, AesPadding padding, int tagLength) {
        this.mode = mode;
        this.iv = iv;
        this.padding = padding;
        this.tagLength = tagLength;
    }

    public static AesParameters cbc(byte[] iv, AesPadding padding) {
        return new AesParameters(AesMode.CBC, block(AesMode.CBC, "IV", iv), Objects.requireNonNull(padding, "padding"), 0);
    }

    public static AesParameters ecb(AesPadding padding) {
        return new AesParameters(AesMode.ECB, null, Objects.requireNonNull(padding, "padding"), 0);
    }

    public static AesParameters cfb128(byte[] iv) {
        return new AesParameters(AesMode.CFB128, block(AesMode.CFB128, "IV", iv), AesPadding.NONE, 0);
    }

    public static AesParameters cfb8(byte[] iv) {
        return new AesParameters(AesMode.CFB8, block(AesMode.CFB8, "IV", iv), AesPadding.NONE, 0);
    }

    public static AesParameters ofb(byte[] iv) {
        return new AesParameters(AesMode.OFB, block(AesMode.OFB, "IV", iv), AesPadding.NONE, 0);
    }

    /** {@code counterBlock}: the first 16-byte counter block; all 128 bits increment (SP 800-38A B.1). */
    public static AesParameters ctr(byte[] counterBlock) {
        return new AesParameters(AesMode.CTR, block(AesMode.CTR, "counter block", counterBlock), AesPadding.NONE, 0);
    }

    /** {@code tweak}: the 16-byte tweak value of the data unit (IEEE 1619 section 5.1). */
    public static AesParameters xts(byte[] tweak) {
        return new AesParameters(AesMode.XTS, block(AesMode.XTS, "tweak", tweak), AesPadding.NONE, 0);
    }

    /**
     * {@code nonce}: 1 to 1024 bytes (12 is the efficient and usual size);
     * {@code tagLength}: bytes of tag, 12 to 16 (SP 800-38D section 5.2.1.2; the short
     * 4- and 8-byte tags are left out on purpose, as the JDK does).
     */
    public static AesParameters gcm(byte[] nonce, int tagLength) {
        Objects.requireNonNull(nonce, "nonce");
        if (nonce.length < 1 || nonce.length > 1024) {
            throw new BadParameterException("AES-GCM: nonce must be 1 to 1024 bytes, got " + nonce.length);
        }
        if (tagLength < 12 || tagLength > 16) {
            throw new BadParameterException("AES-GCM: tag length must be 12 to 16 bytes, got " + tagLength);
        }
        return new AesParameters(AesMode.GCM, nonce.clone(), AesPadding.NONE, tagLength);
    }

    /** AES-GCM with a 12-byte nonce and a 16-byte tag, the usual choice. */
    public static AesParameters gcm(byte[] nonce) {
        return gcm(nonce, 16);
    }

    /** RFC 3394 key wrap with the default initial value A6A6A6A6A6A6A6A6. */
    public static AesParameters kw() {
        return new AesParameters(AesMode.KW, null, AesPadding.NONE, 0);
    }

    private static byte[] block(AesMode mode, String what, byte[] value) {
        Objects.requireNonNull(value, what);
        if (value.length != BLOCK) {
            throw new BadParameterException("AES-" + mode + ": " + what + " must be " + BLOCK + " bytes, got " + value.length);
        }
        return value.clone();
    }

    public AesMode mode() {
        return mode;
    }

    /** The IV, counter block, tweak or nonce (a copy); empty for ECB and KW. */
    public Optional<byte[]> iv() {
        return iv == null ? Optional.empty() : Optional.of(iv.clone());
    }

    /** PKCS7 or NONE for CBC/ECB; NONE for every other mode. */
    public AesPadding padding() {
        return padding;
    }

    /** GCM tag length in bytes; 0 for other modes. */
    public int tagLength() {
        return tagLength;
    }

    /**
     * The key lengths in bytes the mode allows: 16, 24, 32 (AES-128/192/256), for XTS 32 or
     * 64 (two AES-128 or two AES-256 keys; IEEE 1619 has no XTS-AES-192).
     */
    public boolean allowsKeyLength(int bytes) {
        return mode == AesMode.XTS ? bytes == 32 || bytes == 64 : bytes == 16 || bytes == 24 || bytes == 32;
    }

    @Override
    public String toString() {
        return "AES-" + mode + (mode == AesMode.CBC || mode == AesMode.ECB ? "/" + padding : "")
                + (mode == AesMode.GCM ? "/tag " + tagLength : "");
    }
}
