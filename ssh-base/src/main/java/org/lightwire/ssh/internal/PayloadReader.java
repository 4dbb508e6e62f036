package org.lightwire.ssh.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.lightwire.ssh.SshDisconnect;

/**
 * Reads the SSH data types (RFC 4251 5) of one message payload. Every truncation, overrun
 * or malformed value is an {@link SshProtocolException} with PROTOCOL_ERROR: a message is
 * either read whole and valid or the connection ends.
 */
final class PayloadReader {
    private byte[] data;
    private int pos;
    private int end;

    /** Points the reader at a payload (the array is not copied). */
    PayloadReader reset(byte[] data, int offset, int length) {
        this.data = data;
        this.pos = offset;
        this.end = offset + length;
        return this;
    }

    int position() {
        return pos;
    }

    int remaining() {
        return end - pos;
    }

    byte[] array() {
        return data;
    }

    int u8() throws SshProtocolException {
        need(1);
        return data[pos++] & 0xff;
    }

    boolean bool() throws SshProtocolException {
        return u8() != 0;
    }

    int u32() throws SshProtocolException {
        need(4);
        int v = ((data[pos] & 0xff) << 24) | ((data[pos + 1] & 0xff) << 16) | ((data[pos + 2] & 0xff) << 8) | (data[pos + 3] & 0xff);
        pos += 4;
        return v;
    }

    /** Length of the next string, checked against what is left; advances past the length field. */
    int stringLength() throws SshProtocolException {
        int len = u32();
        if (len < 0 || len > end - pos) {
            throw new SshProtocolException(SshDisconnect.PROTOCOL_ERROR,
                    "string of " + Integer.toUnsignedString(len) + " bytes overruns the message (" + (end - pos) + " left)");
        }
        return len;
    }

    byte[] string() throws SshProtocolException {
        int len = stringLength();
        byte[] v = Arrays.copyOfRange(data, pos, pos + len);
        pos += len;
        return v;
    }

    /** A string read in place: the returned buffer views the payload. */
    ByteBuffer stringView() throws SshProtocolException {
        int len = stringLength();
        ByteBuffer v = ByteBuffer.wrap(data, pos, len);
        pos += len;
        return v;
    }

    /** A UTF-8 string of at most {@code max} bytes; invalid UTF-8 is refused. */
    String utf8(int max) throws SshProtocolException {
        int len = stringLength();
        if (len > max) {
            throw new SshProtocolException(SshDisconnect.PROTOCOL_ERROR, "string of " + len + " bytes is longer than " + max);
        }
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data, pos, len)).toString();
            pos += len;
            return s;
        } catch (CharacterCodingException e) {
            throw new SshProtocolException(SshDisconnect.PROTOCOL_ERROR, "string is not valid UTF-8");
        }
    }

    /** A US-ASCII string of at most {@code max} bytes (names, name-lists). */
    String ascii(int max) throws SshProtocolException {
        int len = stringLength();
        if (len > max) {
            throw new SshProtocolException(SshDisconnect.PROTOCOL_ERROR, "name of " + len + " bytes is longer than " + max);
        }
        for (int i = pos; i < pos + len; i++) {
            if (data[i] < 0x20 || data[i] > 0x7e) {
                throw new SshProtocolException(SshDisconnect.PROTOCOL_ERROR, "name contains a non-printable or non-ASCII byte");
            }
        }
        String s = new String(data, pos, len, StandardCharsets.US_ASCII);
        pos += len;
        return s;
    }

    void skip(int n) throws SshProtocolException {
        need(n);
        pos += n;
    }

    /** Refuses bytes left over after a message's last field. */
    void end(String message) throws SshProtocolException {
        if (pos != end) {
            throw new SshProtocolException(SshDisconnect.PROTOCOL_ERROR, message + ": " + (end - pos) + " unexpected trailing bytes");
        }
    }

    private void need(int n) throws SshProtocolException {
        if (end - pos < n) {
            throw new SshProtocolException(SshDisconnect.PROTOCOL_ERROR, "message truncated");
        }
    }
}
