package org.lightwire.plugin.postdemo;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Streams a {@code multipart/form-data} body (RFC 7578 over RFC 2046 section 5.1.1) into a
 * {@link FormCollector}: part headers are gathered in a fixed buffer bounded by the part
 * header limit, part contents are passed on as they arrive, and nothing of the body is
 * kept whole.
 *
 * <p>The delimiter is {@code CRLF "--" boundary}. Scanning holds back only the bytes that
 * could still be the start of one (at most the delimiter's length), so a delimiter split
 * across two reads is found and content that merely contains the boundary text without
 * the preceding line break stays content. Because a boundary cannot contain CR, a partial
 * match that fails can only restart at a CR: no general KMP table is needed.
 *
 * <p>Strict where lenience would let two parsers disagree about where a part ends: the
 * delimiter must be followed by {@code --} (the end) or optional spaces and CRLF; header
 * lines must end in CRLF and hold no NUL or bare CR/LF; a body that stops before the
 * closing delimiter is refused (400).
 */
final class MultipartParser implements FormParser {

    /** The longest boundary RFC 2046 allows. */
    static final int MAX_BOUNDARY = 70;
    /** Spaces allowed between a delimiter and its line break (RFC 2046 transport padding). */
    private static final int MAX_PADDING = 64;
    private static final int SCRATCH = 8192;

    private enum State {
        /** Before the first delimiter: discarded. */
        PREAMBLE,
        /** Right after a delimiter: "--", padding or CRLF follows. */
        AFTER_DELIMITER,
        /** After "-" following a delimiter: the second "-" of a close delimiter. */
        CLOSE_DASH,
        /** Transport padding after a delimiter. */
        PADDING,
        /** After the CR ending a delimiter line. */
        DELIMITER_LF,
        /** A part's header block. */
        HEADERS,
        /** A part's content. */
        CONTENT,
        /** After the close delimiter: discarded. */
        EPILOGUE
    }

    private final FormCollector out;
    private final byte[] delimiter;
    private final byte[] headers;
    private final byte[] scratch = new byte[SCRATCH];
    private State state = State.PREAMBLE;
    // delimiter bytes matched so far and held back
    private int matched;
    private int headerLength;
    private int padding;

    /**
     * @param boundary the boundary parameter of the Content-Type, already checked by
     *        {@link #checkBoundary}
     */
    MultipartParser(String boundary, FormCollector out, int maxPartHeaderSize) {
        this.out = out;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
        this.headers = new byte[maxPartHeaderSize];
        // the first delimiter may open the body, without a line break before it
        this.matched = 2;
    }

    /**
     * Checks a boundary against RFC 2046's grammar: 1 to 70 of the bchars, not ending in a
     * space.
     */
    static String checkBoundary(Optional<String> boundary) throws FormRejectedException {
        if (boundary.isEmpty()) {
            throw FormRejectedException.malformed("multipart/form-data without a boundary parameter");
        }
        String b = boundary.get();
        if (b.isEmpty() || b.length() > MAX_BOUNDARY || b.endsWith(" ")) {
            throw FormRejectedException.malformed("multipart boundary must be 1 to " + MAX_BOUNDARY
                    + " characters not ending in a space");
        }
        for (int i = 0; i < b.length(); i++) {
            char c = b.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "'()+_,-./:=? ".indexOf(c) >= 0;
            if (!ok) {
                throw FormRejectedException.malformed("multipart boundary holds a character RFC 2046 does not allow");
            }
        }
        return b;
    }

    @Override
    public void accept(ByteBuffer data) throws FormRejectedException {
        while (data.hasRemaining()) {
            int n = Math.min(data.remaining(), scratch.length);
            data.get(scratch, 0, n);
            process(scratch, n);
        }
    }

    @Override
    public void finish() throws FormRejectedException {
        if (state != State.EPILOGUE) {
            throw FormRejectedException.malformed("multipart body ends before its closing boundary ("
                    + state.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
        }
    }

    private void process(byte[] in, int end) throws FormRejectedException {
        int i = 0;
        while (i < end) {
            switch (state) {
                case PREAMBLE, CONTENT -> i = scan(in, i, end);
                case AFTER_DELIMITER -> {
                    int b = in[i++];
                    if (b == '-') {
                        state = State.CLOSE_DASH;
                    } else if (b == ' ' || b == '\t') {
                        padding = 1;
                        state = State.PADDING;
                    } else if (b == '\r') {
                        state = State.DELIMITER_LF;
                    } else {
                        throw boundaryInContent();
                    }
                }
                case CLOSE_DASH -> {
                    if (in[i++] != '-') {
                        throw boundaryInContent();
                    }
                    state = State.EPILOGUE;
                }
                case PADDING -> {
                    int b = in[i++];
                    if (b == '\r') {
                        state = State.DELIMITER_LF;
                    } else if ((b == ' ' || b == '\t') && ++padding <= MAX_PADDING) {
                        // still padding
                    } else {
                        throw FormRejectedException.malformed("multipart delimiter line is malformed");
                    }
                }
                case DELIMITER_LF -> {
                    if (in[i++] != '\n') {
                        throw FormRejectedException.malformed("multipart delimiter line does not end in CRLF");
                    }
                    headerLength = 0;
                    state = State.HEADERS;
                }
                case HEADERS -> i = headers(in, i, end);
                case EPILOGUE -> i = end;
            }
        }
    }

    private static FormRejectedException boundaryInContent() {
        return FormRejectedException.malformed("multipart boundary text appears inside a part"
                + " (a delimiter must be followed by '--' or a line break)");
    }

    /** Looks for the delimiter from {@code i}; passes content on (in CONTENT) and returns where it stopped. */
    private int scan(byte[] in, int i, int end) throws FormRejectedException {
        boolean content = state == State.CONTENT;
        int runStart = i;
        while (i < end) {
            byte b = in[i];
            if (matched == 0) {
                // fast path: nothing held back; only a CR can start a delimiter
                if (b != '\r') {
                    i++;
                    continue;
                }
                if (content && i > runStart) {
                    out.partData(in, runStart, i - runStart);
                }
                matched = 1;
                i++;
                runStart = i;
            } else if (b == delimiter[matched]) {
                matched++;
                i++;
                runStart = i;
                if (matched == delimiter.length) {
                    matched = 0;
                    if (content) {
                        out.partEnd();
                    }
                    state = State.AFTER_DELIMITER;
                    return i;
                }
            } else {
                // the held-back bytes were content after all; a CR may start a new match
                if (content) {
                    out.partData(delimiter, 0, matched);
                }
                matched = 0;
                runStart = i;
                if (b == '\r') {
                    matched = 1;
                    i++;
                    runStart = i;
                }
            }
        }
        if (content && matched == 0 && i > runStart) {
            out.partData(in, runStart, i - runStart);
        }
        return i;
    }

    /** Gathers a part's header block up to its blank line, then starts the part. */
    private int headers(byte[] in, int i, int end) throws FormRejectedException {
        while (i < end) {
            if (headerLength == headers.length) {
                throw FormRejectedException.tooLarge("a multipart part's headers exceed " + headers.length + " bytes");
            }
            headers[headerLength++] = in[i++];
            boolean noHeaders = headerLength == 2 && headers[0] == '\r' && headers[1] == '\n';
            boolean blankLine = headerLength >= 4 && headers[headerLength - 4] == '\r' && headers[headerLength - 3] == '\n'
                    && headers[headerLength - 2] == '\r' && headers[headerLength - 1] == '\n';
            if (noHeaders || blankLine) {
                startPart(noHeaders ? 0 : headerLength - 2);
                matched = 0;
                state = State.CONTENT;
                return i;
            }
        }
        return i;
    }

    /** Reads the header lines in {@code headers[0, length)} (each ending in CRLF). */
    private void startPart(int length) throws FormRejectedException {
        ContentDisposition disposition = null;
        String contentType = null;
        int lineStart = 0;
        while (lineStart < length) {
            int lineEnd = lineStart;
            while (!(headers[lineEnd] == '\r' && headers[lineEnd + 1] == '\n')) {
                lineEnd++;
            }
            String line = headerLine(lineStart, lineEnd);
            int colon = line.indexOf(':');
            if (colon <= 0 || !org.lightwire.api.http.HttpFields.isToken(line.substring(0, colon))) {
                throw FormRejectedException.malformed("a multipart part has a malformed header line");
            }
            String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (name.equals("content-disposition")) {
                if (disposition != null) {
                    throw FormRejectedException.malformed("a multipart part has two Content-Disposition headers");
                }
                disposition = ContentDisposition.parse(value);
            } else if (name.equals("content-type")) {
                contentType = value;
            }
            lineStart = lineEnd + 2;
        }
        if (disposition == null) {
            throw FormRejectedException.malformed("a multipart part has no Content-Disposition");
        }
        out.partStart(disposition.name(), disposition.filename().orElse(null), contentType);
    }

    private String headerLine(int start, int end) throws FormRejectedException {
        for (int j = start; j < end; j++) {
            byte b = headers[j];
            if (b == 0 || b == '\r' || b == '\n') {
                throw FormRejectedException.malformed("a multipart part header holds NUL or a bare CR/LF");
            }
        }
        if (headers[start] == ' ' || headers[start] == '\t') {
            throw FormRejectedException.malformed("a multipart part header is folded (obsolete line folding)");
        }
        // browsers send names and file names as raw UTF-8 here
        return new String(headers, start, end - start, StandardCharsets.UTF_8);
    }
}
