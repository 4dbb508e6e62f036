package org.lightwire.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class RouteTest {

    @Test
    void challengeQuotesTheRealmSafely() {
        assertEquals("Basic realm=\"/private\", charset=\"UTF-8\"", new Route.Challenge("/private").wwwAuthenticate());
        assertEquals("Basic realm=\"a\\\"b\\\\c?d\", charset=\"UTF-8\"", new Route.Challenge("a\"b\\c\nd").wwwAuthenticate());
    }

    @Test
    void bytesBodiesLargerThanTheScratchBufferGoOutInSlices() throws IOException {
        byte[] page = new byte[40_000];
        for (int i = 0; i < page.length; i++) {
            page[i] = (byte) i;
        }
        RecordingOutput out = new RecordingOutput(16 * 1024);
        ResponseBody body = ResponseBody.ofBytes(page);
        assertEquals(40_000, body.length());
        assertArrayEquals(page, out.drain(body));
        assertEquals(3, out.sendCalls);
        assertEquals(0, new RecordingOutput().drain(ResponseBody.ofBytes(new byte[0])).length);
    }
}
