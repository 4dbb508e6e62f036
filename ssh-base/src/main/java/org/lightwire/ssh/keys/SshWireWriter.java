package org.lightwire.ssh.keys;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Writes SSH wire types (RFC 4251 5) into a growing byte array. */
final class SshWireWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    SshWireWriter u32(int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
        return this;
    }

    SshWireWriter string(byte[] v) {
        u32(v.length);
        out.write(v, 0, v.length);
        return this;
    }

    SshWireWriter string(String v) {
        return string(v.getBytes(StandardCharsets.UTF_8));
    }

    /** An mpint from unsigned magnitude bytes. */
    SshWireWriter mpint(byte[] magnitude) {
        int s = 0;
        while (s < magnitude.length && magnitude[s] == 0) {
            s++;
        }
        int len = magnitude.length - s;
        boolean pad = len > 0 && (magnitude[s] & 0x80) != 0;
        u32(len + (pad ? 1 : 0));
        if (pad) {
            out.write(0);
        }
        out.write(magnitude, s, len);
        return this;
    }

    SshWireWriter raw(byte[] v) {
        out.write(v, 0, v.length);
        return this;
    }

    int size() {
        return out.size();
    }

    byte[] toBytes() {
        return out.toByteArray();
    }
}
