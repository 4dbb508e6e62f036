package org.lightwire.ssh.keys;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads SSH wire types (RFC 4251 5) from a byte array, refusing truncation. */
final class SshWireReader {
    private final byte[] data;
    private int pos;
    private final String what;

    SshWireReader(byte[] data, String what) {
        this.data = data;
        this.what = what;
    }

    int u32() throws SshKeyFormatException {
        need(4);
        int v = ((data[pos] & 0xff) << 24) | ((data[pos + 1] & 0xff) << 16) | ((data[pos + 2] & 0xff) << 8) | (data[pos + 3] & 0xff);
        pos += 4;
        return v;
    }

    byte[] string() throws SshKeyFormatException {
        int len = u32();
        if (len < 0 || len > data.length - pos) {
            throw new SshKeyFormatException(what + ": string of " + (len & 0xffffffffL) + " bytes overruns the data at offset " + pos);
        }
        byte[] v = Arrays.copyOfRange(data, pos, pos + len);
        pos += len;
        return v;
    }

    String text() throws SshKeyFormatException {
        return new String(string(), StandardCharsets.UTF_8);
    }

    /** An mpint as unsigned magnitude bytes (leading zeros removed); negative refused. */
    byte[] mpint() throws SshKeyFormatException {
        byte[] v = string();
        if (v.length > 0 && (v[0] & 0x80) != 0) {
            throw new SshKeyFormatException(what + ": negative mpint");
        }
        int s = 0;
        while (s < v.length && v[s] == 0) {
            s++;
        }
        return Arrays.copyOfRange(v, s, v.length);
    }

    int remaining() {
        return data.length - pos;
    }

    byte[] rest() {
        byte[] v = Arrays.copyOfRange(data, pos, data.length);
        pos = data.length;
        return v;
    }

    private void need(int n) throws SshKeyFormatException {
        if (data.length - pos < n) {
            throw new SshKeyFormatException(what + ": truncated at offset " + pos);
        }
    }
}
