package org.lightwire.crypto.jca;

import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.BadParameterException;
import org.lightwire.api.crypto.HashAlgorithm;
import org.lightwire.api.crypto.Hmac;

/** {@link Hmac} on SunJCE's {@code HmacSHA*}. */
final class JcaHmac implements Hmac {

    private final HashAlgorithm algorithm;
    private final Mac mac;

    JcaHmac(HashAlgorithm algorithm, byte[] key) {
        if (key == null || key.length == 0) {
            throw new BadKeyException("HMAC-" + algorithm.standardName() + ": key is empty");
        }
        this.algorithm = algorithm;
        String name = "Hmac" + algorithm.standardName().replace("-", "");
        this.mac = Jdk.mac(name);
        try {
            mac.init(new SecretKeySpec(key, name));
        } catch (InvalidKeyException e) {
            throw new BadKeyException("HMAC-" + algorithm.standardName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public HashAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public void update(byte[] data, int offset, int length) {
        mac.update(data, offset, length);
    }

    @Override
    public void update(ByteBuffer data) {
        mac.update(data);
    }

    @Override
    public byte[] mac() {
        return mac.doFinal();
    }

    @Override
    public int mac(byte[] out, int offset) {
        if (offset < 0 || out.length - offset < algorithm.digestLength()) {
            throw new BadParameterException("HMAC-" + algorithm.standardName() + ": output needs " + algorithm.digestLength()
                    + " bytes at offset " + offset + ", array has " + out.length);
        }
        try {
            mac.doFinal(out, offset);
        } catch (ShortBufferException e) {
            throw new BadParameterException("HMAC-" + algorithm.standardName() + ": " + e.getMessage(), e);
        }
        return algorithm.digestLength();
    }

    @Override
    public boolean verify(byte[] expected) {
        byte[] actual = mac.doFinal();
        int min = Math.max(10, algorithm.digestLength() / 2);
        if (expected == null || expected.length < min || expected.length > actual.length) {
            return false;
        }
        // time independent of where they differ; compared in place, no truncated copy
        int diff = 0;
        for (int i = 0; i < expected.length; i++) {
            diff |= actual[i] ^ expected[i];
        }
        Arrays.fill(actual, (byte) 0);
        return diff == 0;
    }

    @Override
    public void reset() {
        mac.reset();
    }
}
