package org.lightwire.role.h1.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.lightwire.api.http.HttpFields;

/**
 * Reads the head of an HTTP/1.1 message — the start line and the field lines up to the
 * empty line — incrementally, strictly and within limits (RFC 9112 sections 2 and 5). The
 * start line is returned as text; requests and responses interpret it themselves.
 *
 * <h2>Strictness (every violation is an {@link HttpWireException}; the connection closes)</h2>
 * <ul>
 *   <li>Lines end with CRLF. A bare LF or a bare CR anywhere in the head is refused (400):
 *       tolerating them is how request smuggling between front and back ends starts.</li>
 *   <li>Control characters (NUL included) in the start line or a field are refused, HTAB
 *       in field values excepted.</li>
 *   <li>Field names are tokens; whitespace between name and colon, an empty name, or a
 *       line without a colon is refused. A line starting with SP or HTAB (obs-fold,
 *       the deprecated line folding) is refused.</li>
 *   <li>Empty lines before the start line are skipped (RFC 9112 section 2.2), counting
 *       towards the start line's limit.</li>
 *   <li>Limits: start line {@code maxStartLine} bytes (414 for requests), field section
 *       {@code maxFieldBytes} bytes and {@code maxFieldCount} fields (431).</li>
 * </ul>
 *
 * <p>The reader keeps one growing byte array (at most the configured limits) and reuses it
 * for every message of the connection; {@link #fields()} builds the field list once the
 * head is complete. Field values lose their leading and trailing whitespace.
 */
public final class HeadReader {

    private enum State { LEADING, LEADING_LF, START_LINE, START_LF, FIELD_START, NAME, VALUE, FIELD_LF, END_LF, DONE }

    private final int maxStartLine;
    private final int maxFieldBytes;
    private final int maxFieldCount;
    private final int startLineStatus;

    private State state = State.LEADING;
    private byte[] buf = new byte[512];
    private int length;
    private int startLineEnd;
    private int startLineBytes;
    private int fieldBytes;
    // per field: name start, name end, value start, value end
    private int[] offsets = new int[64];
    private int fieldCount;
    private int fieldStart;
    private int valueStart;
    private boolean started;

    /**
     * @param maxStartLine    most bytes of the start line (CRLF excluded)
     * @param maxFieldBytes   most bytes of the field section (line endings included)
     * @param maxFieldCount   most field lines
     * @param startLineStatus the status a too-long start line earns (414 for a request line)
     */
    public HeadReader(int maxStartLine, int maxFieldBytes, int maxFieldCount, int startLineStatus) {
        this.maxStartLine = maxStartLine;
        this.maxFieldBytes = maxFieldBytes;
        this.maxFieldCount = maxFieldCount;
        this.startLineStatus = startLineStatus;
    }

    /** Forgets the current head, keeping the buffer, to read the next message. */
    public void reset() {
        state = State.LEADING;
        length = 0;
        startLineEnd = 0;
        startLineBytes = 0;
        fieldBytes = 0;
        fieldCount = 0;
        started = false;
    }

    /** Whether any byte of this head has arrived (leading empty lines included). */
    public boolean started() {
        return started;
    }

    /** Whether the empty line ending the head has been read. */
    public boolean isComplete() {
        return state == State.DONE;
    }

    /**
     * Consumes bytes of the head from {@code in}, stopping right after the empty line that
     * ends it; bytes after it (a body, the next request) stay in {@code in}.
     * @return true once the head is complete
     * @throws HttpWireException on a syntax violation or an exceeded limit
     */
    public boolean feed(ByteBuffer in) throws HttpWireException {
        while (in.hasRemaining() && state != State.DONE) {
            started = true;
            step(in.get());
        }
        return state == State.DONE;
    }

    private void step(byte b) throws HttpWireException {
        switch (state) {
            case LEADING -> {
                if (b == '\r') {
                    countStartLine();
                    state = State.LEADING_LF;
                } else {
                    state = State.START_LINE;
                    startLineByte(b);
                }
            }
            case LEADING_LF -> {
                countStartLine();
                if (b != '\n') {
                    throw new HttpWireException(400, "bare CR before the start line");
                }
                state = State.LEADING;
            }
            case START_LINE -> startLineByte(b);
            case START_LF -> {
                if (b != '\n') {
                    throw new HttpWireException(400, "bare CR in the start line");
                }
                startLineEnd = length;
                state = State.FIELD_START;
            }
            case FIELD_START -> {
                countField();
                if (b == '\r') {
                    state = State.END_LF;
                } else if (b == ' ' || b == '\t') {
                    throw new HttpWireException(400, "folded field line (obs-fold) or whitespace before a field name");
                } else if (b == '\n') {
                    throw new HttpWireException(400, "bare LF in the field section");
                } else if (b == ':') {
                    throw new HttpWireException(400, "field with an empty name");
                } else {
                    if (fieldCount >= maxFieldCount) {
                        throw new HttpWireException(431, "more than " + maxFieldCount + " header fields");
                    }
                    fieldStart = length;
                    nameByte(b);
                    state = State.NAME;
                }
            }
            case NAME -> {
                countField();
                if (b == ':') {
                    valueStart = length;
                    state = State.VALUE;
                } else if (b == ' ' || b == '\t') {
                    throw new HttpWireException(400, "whitespace between a field name and its colon");
                } else if (b == '\r' || b == '\n') {
                    throw new HttpWireException(400, "field line without a colon");
                } else {
                    nameByte(b);
                }
            }
            case VALUE -> {
                countField();
                if (b == '\r') {
                    state = State.FIELD_LF;
                } else if (b == '\n') {
                    throw new HttpWireException(400, "bare LF in a field value");
                } else if (isControl(b) && b != '\t') {
                    throw new HttpWireException(400, (b == 0 ? "NUL" : "control character") + " in a field value");
                } else {
                    append(b);
                }
            }
            case FIELD_LF -> {
                countField();
                if (b != '\n') {
                    throw new HttpWireException(400, "bare CR in a field value");
                }
                endField();
                state = State.FIELD_START;
            }
            case END_LF -> {
                if (b != '\n') {
                    throw new HttpWireException(400, "bare CR ending the field section");
                }
                state = State.DONE;
            }
            case DONE -> throw new IllegalStateException("head already complete");
        }
    }

    private void startLineByte(byte b) throws HttpWireException {
        if (b == '\r') {
            state = State.START_LF;
            return;
        }
        countStartLine();
        if (b == '\n') {
            throw new HttpWireException(400, "bare LF in the start line");
        }
        if (isControl(b)) {
            throw new HttpWireException(400, (b == 0 ? "NUL" : "control character") + " in the start line");
        }
        append(b);
    }

    /** C0 controls and DEL; bytes from 0x80 (obs-text) are not controls. */
    private static boolean isControl(byte b) {
        return b >= 0 && b < 0x20 || b == 0x7f;
    }

    private void nameByte(byte b) throws HttpWireException {
        if (!HttpFields.isTokenChar(b & 0xff) || b < 0) {
            throw new HttpWireException(400, "invalid character '" + ChunkedDecoder.printable(b) + "' in a field name");
        }
        append(b);
    }

    private void endField() {
        int vs = valueStart;
        int ve = length;
        while (vs < ve && (buf[vs] == ' ' || buf[vs] == '\t')) {
            vs++;
        }
        while (ve > vs && (buf[ve - 1] == ' ' || buf[ve - 1] == '\t')) {
            ve--;
        }
        if (offsets.length < (fieldCount + 1) * 4) {
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
        }
        int o = fieldCount * 4;
        offsets[o] = fieldStart;
        offsets[o + 1] = valueStart;
        offsets[o + 2] = vs;
        offsets[o + 3] = ve;
        fieldCount++;
    }

    private void countStartLine() throws HttpWireException {
        if (++startLineBytes > maxStartLine) {
            throw new HttpWireException(startLineStatus, "start line longer than " + maxStartLine + " bytes");
        }
    }

    private void countField() throws HttpWireException {
        if (++fieldBytes > maxFieldBytes) {
            throw new HttpWireException(431, "header fields larger than " + maxFieldBytes + " bytes");
        }
    }

    private void append(byte b) {
        if (length == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        buf[length++] = b;
    }

    /** The start line without its CRLF (ISO-8859-1 decoded, so every byte maps to one char). */
    public String startLine() {
        requireComplete();
        return new String(buf, 0, startLineEnd, StandardCharsets.ISO_8859_1);
    }

    /** The number of field lines. */
    public int fieldCount() {
        return fieldCount;
    }

    /** Whether field {@code i}'s name equals {@code lowerCaseName}, ignoring case, without allocating. */
    public boolean nameEquals(int i, String lowerCaseName) {
        int s = offsets[i * 4];
        int e = offsets[i * 4 + 1]; // the colon is not kept
        if (e - s != lowerCaseName.length()) {
            return false;
        }
        for (int k = 0; k < lowerCaseName.length(); k++) {
            int c = buf[s + k];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != lowerCaseName.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Field {@code i}'s value, trimmed, ISO-8859-1 decoded (obs-text stays one char per byte). */
    public String value(int i) {
        return new String(buf, offsets[i * 4 + 2], offsets[i * 4 + 3] - offsets[i * 4 + 2], StandardCharsets.ISO_8859_1);
    }

    /** The fields in order, names lower case. */
    public HttpFields fields() {
        requireComplete();
        HttpFields.Builder b = HttpFields.builder();
        for (int i = 0; i < fieldCount; i++) {
            int s = offsets[i * 4];
            String name = new String(buf, s, offsets[i * 4 + 1] - s, StandardCharsets.ISO_8859_1);
            b.add(name, value(i));
        }
        return b.build();
    }

    private void requireComplete() {
        if (state != State.DONE) {
            throw new IllegalStateException("the head is not complete yet");
        }
    }
}
