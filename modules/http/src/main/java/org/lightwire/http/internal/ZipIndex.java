package org.lightwire.http.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The members of one zip file, read from its central directory (lws {@code fops-zip.c}:
 * serving from inside a zip). Parsed here rather than with {@code java.util.zip.ZipFile}
 * because serving a deflated member to a gzip-capable client needs the raw deflate bytes
 * and their place in the file, which ZipFile does not give.
 *
 * <p>Defensive by construction, since a zip is a file format full of lengths and offsets:
 * <ul>
 *   <li>the end-of-central-directory record is searched for only in the last
 *       22 + 65535 bytes (its fixed size plus the largest comment);</li>
 *   <li>multi-disk archives and zip64 (its locator, or any 0xFFFF / 0xFFFFFFFF field) are
 *       refused whole; a central directory over the reader's limit
 *       ({@code http-max-zip-directory-bytes}) too;</li>
 *   <li>the central directory and every member's local header and data must lie inside the
 *       file and before the central directory; the record count must match;</li>
 *   <li>members that are encrypted or use a method other than stored (0) or deflate (8)
 *       are indexed but marked unservable, so a request for one gets a clean refusal;</li>
 *   <li>names that are not strict UTF-8 or that could not come from a normalised request
 *       path (absolute, backslashes, empty, "." or ".." segments) are not indexed;</li>
 *   <li>{@link #dataOffset} re-reads the member's local header when it is served and checks
 *       it against the central directory (signature, method, name, bounds).</li>
 * </ul>
 * Immutable once read; thread-safe.
 */
public final class ZipIndex {

    static final int EOCD_SIGNATURE = 0x06054b50;
    static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
    static final int CENTRAL_SIGNATURE = 0x02014b50;
    static final int LOCAL_SIGNATURE = 0x04034b50;
    static final int EOCD_SIZE = 22;
    static final int CENTRAL_HEADER_SIZE = 46;
    static final int LOCAL_HEADER_SIZE = 30;
    static final int MAX_COMMENT = 0xffff;

    /** Compression methods served. */
    public static final int STORED = 0;
    public static final int DEFLATED = 8;

    /**
     * One member as the central directory describes it.
     *
     * @param unservable why the member cannot be served (encrypted, zip64, method), or null
     */
    public record Member(String name, int method, int flags, long crc, long compressedSize, long size,
                         long localHeaderOffset, long modifiedMillis, String unservable) {
    }

    private final String file;
    private final long centralDirectoryOffset;
    private final NavigableMap<String, Member> members;

    private ZipIndex(String file, long centralDirectoryOffset, NavigableMap<String, Member> members) {
        this.file = file;
        this.centralDirectoryOffset = centralDirectoryOffset;
        this.members = members;
    }

    /** The number of indexed members. */
    public int size() {
        return members.size();
    }

    /** The member named {@code name} ("dir/file.html", no leading '/'), or null. */
    public Member find(String name) {
        Member m = members.get(name);
        return m == null || m.name().endsWith("/") ? null : m;
    }

    /** Whether {@code name} (no trailing '/') is a directory in the zip: a "name/" entry or any member below it. */
    public boolean isDirectory(String name) {
        if (name.isEmpty()) {
            return true;
        }
        String prefix = name + "/";
        String next = members.ceilingKey(prefix);
        return next != null && next.startsWith(prefix);
    }

    /**
     * Reads the index of the zip open as {@code channel}, {@code size} bytes long.
     * @param file the file's name for messages
     * @param maxDirectoryBytes the largest central directory read into memory
     * @throws ZipFormatException if the zip is malformed, uses a refused feature or has a
     *         larger central directory
     */
    public static ZipIndex read(FileChannel channel, long size, String file, int maxDirectoryBytes) throws IOException {
        if (size < EOCD_SIZE) {
            throw new ZipFormatException(file + ": too short to be a zip file (" + size + " bytes)");
        }
        int tailLength = (int) Math.min(size, EOCD_SIZE + MAX_COMMENT);
        long tailStart = size - tailLength;
        ByteBuffer tail = readFully(channel, tailStart, tailLength, file, "end of central directory");
        // The record whose comment ends exactly at the end of the file wins; a zip with
        // bytes appended after it still opens through the last record that fits.
        int eocd = -1;
        for (int p = tailLength - EOCD_SIZE; p >= 0; p--) {
            if (tail.getInt(p) == EOCD_SIGNATURE) {
                int end = p + EOCD_SIZE + (tail.getShort(p + 20) & 0xffff);
                if (end == tailLength) {
                    eocd = p;
                    break;
                }
                if (end < tailLength && eocd < 0) {
                    eocd = p;
                }
            }
        }
        if (eocd < 0) {
            throw new ZipFormatException(file + ": no end of central directory record (not a zip, or truncated)");
        }
        long eocdPosition = tailStart + eocd;
        int disk = tail.getShort(eocd + 4) & 0xffff;
        int cdDisk = tail.getShort(eocd + 6) & 0xffff;
        int entriesOnDisk = tail.getShort(eocd + 8) & 0xffff;
        int entries = tail.getShort(eocd + 10) & 0xffff;
        long cdSize = tail.getInt(eocd + 12) & 0xffffffffL;
        long cdOffset = tail.getInt(eocd + 16) & 0xffffffffL;
        boolean zip64Locator = eocdPosition >= 20
                && (eocd >= 20 ? tail.getInt(eocd - 20) : readFully(channel, eocdPosition - 20, 4, file, "zip64 locator").getInt(0))
                        == ZIP64_LOCATOR_SIGNATURE;
        if (zip64Locator || entries == 0xffff || entriesOnDisk == 0xffff || cdSize == 0xffffffffL || cdOffset == 0xffffffffL) {
            throw new ZipFormatException(file + ": zip64 archives are not supported");
        }
        if (disk != 0 || cdDisk != 0 || entriesOnDisk != entries) {
            throw new ZipFormatException(file + ": multi-disk archives are not supported");
        }
        if (cdOffset + cdSize > eocdPosition) {
            throw new ZipFormatException(file + ": central directory (" + cdSize + " bytes at " + cdOffset
                    + ") runs past the end record at " + eocdPosition);
        }
        if (cdSize > maxDirectoryBytes) {
            throw new ZipFormatException(file + ": central directory of " + cdSize + " bytes is over the limit of "
                    + maxDirectoryBytes);
        }
        if ((long) entries * CENTRAL_HEADER_SIZE > cdSize) {
            throw new ZipFormatException(file + ": " + entries + " entries cannot fit in a central directory of "
                    + cdSize + " bytes");
        }
        ByteBuffer cd = readFully(channel, cdOffset, (int) cdSize, file, "central directory");
        NavigableMap<String, Member> members = new TreeMap<>();
        int p = 0;
        for (int i = 0; i < entries; i++) {
            if (p + CENTRAL_HEADER_SIZE > cdSize || cd.getInt(p) != CENTRAL_SIGNATURE) {
                throw new ZipFormatException(file + ": central directory record " + i + " is missing or malformed");
            }
            int flags = cd.getShort(p + 8) & 0xffff;
            int method = cd.getShort(p + 10) & 0xffff;
            int time = cd.getShort(p + 12) & 0xffff;
            int date = cd.getShort(p + 14) & 0xffff;
            long crc = cd.getInt(p + 16) & 0xffffffffL;
            long compressed = cd.getInt(p + 20) & 0xffffffffL;
            long uncompressed = cd.getInt(p + 24) & 0xffffffffL;
            int nameLength = cd.getShort(p + 28) & 0xffff;
            int extraLength = cd.getShort(p + 30) & 0xffff;
            int commentLength = cd.getShort(p + 32) & 0xffff;
            long localOffset = cd.getInt(p + 42) & 0xffffffffL;
            int recordLength = CENTRAL_HEADER_SIZE + nameLength + extraLength + commentLength;
            if (p + recordLength > cdSize) {
                throw new ZipFormatException(file + ": central directory record " + i + " runs past the directory");
            }
            String name = decodeName(cd, p + CENTRAL_HEADER_SIZE, nameLength);
            p += recordLength;
            if (name == null || !isServableName(name)) {
                continue;
            }
            String unservable = null;
            if (compressed == 0xffffffffL || uncompressed == 0xffffffffL || localOffset == 0xffffffffL) {
                unservable = "zip64 member";
            } else if ((flags & 0x41) != 0) {
                unservable = "encrypted member";
            } else if (method != STORED && method != DEFLATED) {
                unservable = "compression method " + method + " (only stored and deflate are served)";
            } else if (localOffset + LOCAL_HEADER_SIZE + nameLength + compressed > cdOffset) {
                throw new ZipFormatException(file + ": member '" + name + "' claims " + compressed
                        + " bytes at " + localOffset + ", past the central directory at " + cdOffset);
            } else if (method == STORED && compressed != uncompressed) {
                throw new ZipFormatException(file + ": stored member '" + name + "' has sizes that disagree ("
                        + compressed + " stored, " + uncompressed + " declared)");
            }
            members.put(name, new Member(name, method, flags, crc, compressed, uncompressed, localOffset,
                    dosTimeToMillis(date, time), unservable));
        }
        return new ZipIndex(file, cdOffset, members);
    }

    /**
     * Where {@code m}'s data starts, after checking its local header against the central
     * directory: signature, method, name, and that the data ends before the central directory.
     */
    public long dataOffset(FileChannel channel, Member m) throws IOException {
        ByteBuffer h = readFully(channel, m.localHeaderOffset(), LOCAL_HEADER_SIZE, file, "local header of '" + m.name() + "'");
        if (h.getInt(0) != LOCAL_SIGNATURE) {
            throw new ZipFormatException(file + ": member '" + m.name() + "' has no local header at " + m.localHeaderOffset());
        }
        int method = h.getShort(8) & 0xffff;
        int flags = h.getShort(6) & 0xffff;
        if (method != m.method() || (flags & 0x41) != 0) {
            throw new ZipFormatException(file + ": local header of '" + m.name() + "' disagrees with the central directory");
        }
        int nameLength = h.getShort(26) & 0xffff;
        int extraLength = h.getShort(28) & 0xffff;
        long data = m.localHeaderOffset() + LOCAL_HEADER_SIZE + nameLength + extraLength;
        if (data + m.compressedSize() > centralDirectoryOffset) {
            throw new ZipFormatException(file + ": data of '" + m.name() + "' runs into the central directory");
        }
        ByteBuffer nameBytes = readFully(channel, m.localHeaderOffset() + LOCAL_HEADER_SIZE, nameLength, file,
                "local name of '" + m.name() + "'");
        if (!m.name().equals(decodeName(nameBytes, 0, nameLength))) {
            throw new ZipFormatException(file + ": local header of '" + m.name() + "' names another member");
        }
        return data;
    }

    /** Strict UTF-8 (ASCII included), or null: names in other legacy encodings are not served. */
    private static String decodeName(ByteBuffer b, int offset, int length) {
        ByteBuffer slice = b.duplicate();
        slice.limit(offset + length).position(offset);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(slice).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Whether a normalised request path could name this member. */
    private static boolean isServableName(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.indexOf('\\') >= 0) {
            return false;
        }
        String body = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        for (String segment : body.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
            for (int i = 0; i < segment.length(); i++) {
                if (segment.charAt(i) < 0x20 || segment.charAt(i) == 0x7f) {
                    return false;
                }
            }
        }
        return true;
    }

    /** An MS-DOS date and time as epoch millis (taken as UTC); 0 when the fields name no real date. */
    private static long dosTimeToMillis(int date, int time) {
        try {
            return LocalDateTime.of(1980 + (date >> 9), (date >> 5) & 0xf, date & 0x1f,
                    time >> 11, (time >> 5) & 0x3f, (time & 0x1f) * 2).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeException e) {
            return 0;
        }
    }

    /** Reads exactly {@code length} bytes at {@code position}, little-endian, or fails naming what was read. */
    static ByteBuffer readFully(FileChannel channel, long position, int length, String file, String what) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            int n = channel.read(b, position + b.position());
            if (n < 0) {
                throw new ZipFormatException(file + ": truncated (end of file while reading the " + what + ")");
            }
        }
        return b.flip();
    }
}
