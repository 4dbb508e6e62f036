package org.lightwire.http.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightwire.api.HttpLimits;
import org.lightwire.http.RecordingOutput;
import org.lightwire.http.ResponseBody;

class ZipBodiesTest {

    @TempDir
    Path dir;

    private static byte[] text(int bytes) {
        Random r = new Random(42);
        StringBuilder b = new StringBuilder(bytes);
        String[] words = {"candide ", "pangloss ", "best ", "of ", "all ", "possible ", "worlds\n"};
        while (b.length() < bytes) {
            b.append(words[r.nextInt(words.length)]);
        }
        return b.substring(0, bytes).getBytes();
    }

    private record Opened(FileChannel channel, ZipIndex index, ZipIndex.Member member, long data) {
    }

    private Opened open(byte[] zip, String name) throws IOException {
        Path f = dir.resolve(System.nanoTime() + ".zip");
        Files.write(f, zip);
        FileChannel ch = FileChannel.open(f, StandardOpenOption.READ);
        ZipIndex index = ZipIndex.read(ch, ch.size(), f.toString(), HttpLimits.DEFAULTS.maxZipDirectoryBytes());
        ZipIndex.Member m = index.find(name);
        return new Opened(ch, index, m, index.dataOffset(ch, m));
    }

    private static byte[] gunzip(byte[] gz) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    @Test
    void storedDeflateDataWrappedAsGzipInflatesToTheOriginal() throws IOException {
        byte[] original = text(200_000);
        Opened o = open(ZipFixtures.zip(ZipFixtures.deflated("candide.html", original)), "candide.html");
        ResponseBody body = GzipFromZip.body(o.channel, o.data, o.member.compressedSize(), o.member.crc(), o.member.size());
        assertEquals(GzipFromZip.length(o.member.compressedSize()), body.length());
        RecordingOutput out = new RecordingOutput();
        out.maxPerTransfer = 7000;
        out.fullEveryOther = true;
        byte[] gz = out.drain(body);
        assertEquals(0x1f, gz[0] & 0xff);
        assertEquals(0x8b, gz[1] & 0xff);
        assertArrayEquals(original, gunzip(gz));
        assertTrue(out.sendFileCalls > 1, "the deflate data went out zero-copy, in pieces");
    }

    @Test
    void emptyMemberMakesAValidGzipToo() throws IOException {
        Opened o = open(ZipFixtures.zip(ZipFixtures.deflated("empty.txt", new byte[0])), "empty.txt");
        byte[] gz = new RecordingOutput().drain(
                GzipFromZip.body(o.channel, o.data, o.member.compressedSize(), o.member.crc(), o.member.size()));
        assertEquals(0, gunzip(gz).length);
    }

    @Test
    void inflatePathSendsExactlyTheOriginalWithBoundedBuffers() throws IOException {
        byte[] original = text(300_000);
        Opened o = open(ZipFixtures.zip(ZipFixtures.deflated("candide.html", original)), "candide.html");
        InflatingBody body = new InflatingBody(o.channel, o.data, o.member.compressedSize(), o.member.size(),
                o.member.crc(), "candide.html");
        assertEquals(original.length, body.length());
        RecordingOutput out = new RecordingOutput(16 * 1024);
        assertArrayEquals(original, out.drain(body));
        assertTrue(out.sendCalls >= original.length / (16 * 1024), "one scratch buffer per event");
    }

    @Test
    void inflateOfAnEmptyMember() throws IOException {
        Opened o = open(ZipFixtures.zip(ZipFixtures.deflated("e.txt", new byte[0])), "e.txt");
        assertEquals(0, new RecordingOutput().drain(new InflatingBody(o.channel, o.data, o.member.compressedSize(), 0,
                o.member.crc(), "e.txt")).length);
    }

    @Test
    void dataInflatingPastTheDeclaredSizeIsABombAndFails() throws IOException {
        byte[] zeros = new byte[5_000_000];
        Opened o = open(ZipFixtures.zip(ZipFixtures.deflated("bomb.html", zeros)), "bomb.html");
        // the directory claims 1000 bytes; the data holds five million
        InflatingBody body = new InflatingBody(o.channel, o.data, o.member.compressedSize(), 1000, o.member.crc(), "bomb.html");
        RecordingOutput out = new RecordingOutput();
        IOException e = assertThrows(IOException.class, () -> out.drain(body));
        assertTrue(e.getMessage().contains("more than the declared"), e.getMessage());
        assertTrue(out.sink.size() <= 1000, "never more than the declared length reaches the client");
        body.close();
    }

    @Test
    void dataInflatingToLessThanDeclaredFails() throws IOException {
        byte[] original = text(10_000);
        Opened o = open(ZipFixtures.zip(ZipFixtures.deflated("a.html", original)), "a.html");
        InflatingBody body = new InflatingBody(o.channel, o.data, o.member.compressedSize(), 20_000, o.member.crc(), "a.html");
        assertTrue(assertThrows(IOException.class, () -> new RecordingOutput().drain(body)).getMessage().contains("fewer"));
        body.close();
    }

    @Test
    void truncatedCompressedDataFails() throws IOException {
        byte[] original = text(100_000);
        Opened o = open(ZipFixtures.zip(ZipFixtures.deflated("a.html", original)), "a.html");
        InflatingBody body = new InflatingBody(o.channel, o.data, o.member.compressedSize() / 2, o.member.size(),
                o.member.crc(), "a.html");
        assertTrue(assertThrows(IOException.class, () -> new RecordingOutput().drain(body)).getMessage().contains("truncated"));
        body.close();
    }

    @Test
    void corruptDeflateDataFails() throws IOException {
        byte[] original = text(50_000);
        byte[] zip = ZipFixtures.zip(ZipFixtures.deflated("a.html", original));
        Opened clean = open(zip, "a.html");
        clean.channel.close();
        byte[] broken = zip.clone();
        for (int i = 0; i < 64; i++) {
            broken[(int) clean.data + 100 + i] ^= (byte) 0x5a;
        }
        Opened o = open(broken, "a.html");
        InflatingBody body = new InflatingBody(o.channel, o.data, o.member.compressedSize(), o.member.size(), o.member.crc(), "a.html");
        assertThrows(IOException.class, () -> new RecordingOutput().drain(body));
        body.close();
    }

    @Test
    void crcMismatchFailsAtTheEnd() throws IOException {
        byte[] original = text(5_000);
        Opened o = open(ZipFixtures.zip(ZipFixtures.deflated("a.html", original)), "a.html");
        InflatingBody body = new InflatingBody(o.channel, o.data, o.member.compressedSize(), o.member.size(),
                o.member.crc() ^ 1, "a.html");
        assertTrue(assertThrows(IOException.class, () -> new RecordingOutput().drain(body)).getMessage().contains("CRC"));
        body.close();
    }

    @Test
    void closingReleasesTheFileAndIsIdempotent() throws IOException {
        Opened o = open(ZipFixtures.zip(ZipFixtures.deflated("a.html", text(100))), "a.html");
        InflatingBody body = new InflatingBody(o.channel, o.data, o.member.compressedSize(), o.member.size(), o.member.crc(), "a");
        body.close();
        body.close();
        assertTrue(!o.channel.isOpen());
    }

    @Test
    void multipartBodyHasBoundariesAndContentRangePerPart() throws IOException {
        Path f = dir.resolve("f.txt");
        byte[] content = "0123456789abcdefghij".getBytes();
        Files.write(f, content);
        FileChannel ch = FileChannel.open(f, StandardOpenOption.READ);
        SegmentedBody body = MultipartRanges.body(ch, content.length,
                List.of(new ByteRange(0, 1), new ByteRange(10, 12)), "text/plain", "BOUNDARY");
        String expected = "--BOUNDARY\r\nContent-Type: text/plain\r\nContent-Range: bytes 0-1/20\r\n\r\n01"
                + "\r\n--BOUNDARY\r\nContent-Type: text/plain\r\nContent-Range: bytes 10-12/20\r\n\r\nabc"
                + "\r\n--BOUNDARY--\r\n";
        assertEquals(expected.length(), body.length());
        assertEquals(expected, new String(new RecordingOutput().drain(body)));
    }

    @Test
    void aFileThatShrinksWhileServedFailsInsteadOfHanging() throws IOException {
        Path f = dir.resolve("shrinks.txt");
        Files.write(f, new byte[100_000]);
        FileChannel ch = FileChannel.open(f, StandardOpenOption.READ);
        FileRegionBody body = new FileRegionBody(ch, 0, 100_000);
        RecordingOutput out = new RecordingOutput();
        out.maxPerTransfer = 10_000;
        body.sendNext(out);
        try (FileChannel w = FileChannel.open(f, StandardOpenOption.WRITE)) {
            w.truncate(20_000);
        }
        assertTrue(assertThrows(IOException.class, () -> out.drain(body)).getMessage().contains("shrank"));
        body.close();
    }
}
