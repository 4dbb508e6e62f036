package org.lightwire.http.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Zip files for tests, made with java.util.zip and then patched to lie or break. */
final class ZipFixtures {

    private ZipFixtures() {
    }

    /** A member to write: deflated or stored. */
    record Member(String name, byte[] data, boolean deflate) {
    }

    static Member deflated(String name, byte[] data) {
        return new Member(name, data, true);
    }

    static Member stored(String name, byte[] data) {
        return new Member(name, data, false);
    }

    static byte[] zip(Member... members) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (Member m : members) {
                ZipEntry e = new ZipEntry(m.name());
                if (!m.deflate()) {
                    CRC32 crc = new CRC32();
                    crc.update(m.data());
                    e.setMethod(ZipEntry.STORED);
                    e.setSize(m.data().length);
                    e.setCompressedSize(m.data().length);
                    e.setCrc(crc.getValue());
                } else {
                    e.setMethod(ZipEntry.DEFLATED);
                }
                z.putNextEntry(e);
                z.write(m.data());
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static ByteBuffer le(byte[] zip) {
        return ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
    }

    static int eocd(byte[] zip) {
        for (int p = zip.length - 22; p >= 0; p--) {
            if (le(zip).getInt(p) == ZipIndex.EOCD_SIGNATURE) {
                return p;
            }
        }
        throw new IllegalStateException("no EOCD");
    }

    /** Offsets of the central directory records, in order. */
    static List<Integer> centralRecords(byte[] zip) {
        ByteBuffer b = le(zip);
        int e = eocd(zip);
        int p = b.getInt(e + 16);
        int n = b.getShort(e + 10) & 0xffff;
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(p);
            p += 46 + (b.getShort(p + 28) & 0xffff) + (b.getShort(p + 30) & 0xffff) + (b.getShort(p + 32) & 0xffff);
        }
        return out;
    }

    static byte[] putInt(byte[] zip, int at, int value) {
        byte[] copy = zip.clone();
        le(copy).putInt(at, value);
        return copy;
    }

    static byte[] putShort(byte[] zip, int at, int value) {
        byte[] copy = zip.clone();
        le(copy).putShort(at, (short) value);
        return copy;
    }

    static byte[] repeat(String text, int times) {
        return text.repeat(times).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
