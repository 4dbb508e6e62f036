package org.lightwire.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.lightwire.config.internal.JsonReader;

/**
 * Reads the text of one config file: at most 1 MiB, strictly UTF-8. A malformed byte is
 * reported at its line and column rather than replaced, since a replacement character in
 * a path or a name would only fail later and further from its cause.
 */
final class ConfigFile {

    private ConfigFile() {
    }

    /** The file's text; {@code shown} names the file in errors. */
    static String read(Path path, String shown) throws ConfigException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            // One byte over the limit is enough to know; a huge file is never read whole.
            bytes = in.readNBytes(JsonReader.MAX_DOCUMENT_SIZE + 1);
        } catch (NoSuchFileException e) {
            throw new ConfigException(shown, "no such file", e);
        } catch (IOException e) {
            throw new ConfigException(shown, "cannot read: " + e.getClass().getSimpleName(), e);
        }
        if (bytes.length > JsonReader.MAX_DOCUMENT_SIZE) {
            throw new ConfigException(shown, "file is larger than 1 MiB", null);
        }
        return decode(bytes, shown);
    }

    private static String decode(byte[] bytes, String shown) throws ConfigException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw malformed(bytes, in.position(), shown);
        }
        return out.flip().toString();
    }

    private static ConfigException malformed(byte[] bytes, int offset, String shown) {
        // Everything before the offset decoded cleanly, so its lines and code points can
        // be counted to place the bad byte the way an editor would.
        String before = new String(bytes, 0, offset, StandardCharsets.UTF_8);
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < before.length(); i++) {
            char c = before.charAt(i);
            boolean crlf = c == '\r' && i + 1 < before.length() && before.charAt(i + 1) == '\n';
            if ((c == '\n' || c == '\r') && !crlf) {
                line++;
                lineStart = i + 1;
            }
        }
        int column = before.codePointCount(lineStart, before.length()) + 1;
        String problem = String.format("not valid UTF-8: unexpected byte 0x%02X", bytes[offset] & 0xff);
        return new ConfigException(shown, line, column, null, problem);
    }
}
