package org.lightwire.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lightwire.http.VhostRoutesTest.basic;
import static org.lightwire.http.VhostRoutesTest.body;
import static org.lightwire.http.VhostRoutesTest.refuse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.HttpLimits;
import org.lightwire.api.Mount;
import org.lightwire.api.VhostSettings;
import org.lightwire.api.http.HttpFields;

/**
 * The limits on what a vhost's routes read and serve come from the context's
 * {@link HttpLimits}: {@code http-max-range-parts}, {@code http-max-zip-directory-bytes},
 * {@code http-max-credentials-file-bytes}. Each case is run with a small configured value
 * and with the defaults, so it fails if the value is not the one applied.
 */
class HttpLimitsRoutesTest {

    private static final byte[] TEXT = "0123456789abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path tmp;
    Path site;

    @BeforeEach
    void site() throws IOException {
        site = Files.createDirectories(tmp.resolve("site"));
        Files.write(site.resolve("a.txt"), TEXT);
    }

    private static ContextSettings context(HttpLimits limits) {
        return ContextSettings.builder().httpLimits(limits).build();
    }

    private static Route get(VhostRoutes routes, String path, String... headers) {
        HttpFields.Builder h = HttpFields.builder();
        for (int i = 0; i < headers.length; i += 2) {
            h.add(headers[i], headers[i + 1]);
        }
        return routes.route(new RouteRequest("GET", path, null, h.build(), false));
    }

    private VhostRoutes files(HttpLimits limits) {
        VhostSettings v = VhostSettings.builder("v").mount(Mount.builder("/", "file://" + site).build()).build();
        return VhostRoutes.of(v, context(limits));
    }

    @Test
    void moreRangesThanMaxRangePartsGetTheWholeFile() throws IOException {
        VhostRoutes two = files(HttpLimits.builder().maxRangeParts(2).build());

        body(get(two, "/a.txt", "Range", "bytes=0-1,3-4"), 206);
        assertArrayEquals(TEXT, body(get(two, "/a.txt", "Range", "bytes=0-1,3-4,6-7"), 200));
        body(get(files(HttpLimits.DEFAULTS), "/a.txt", "Range", "bytes=0-1,3-4,6-7"), 206);
    }

    /** A zip of {@code members} empty files with long names: a central directory of about 100 bytes each. */
    private static byte[] zipWithMembers(int members) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (int i = 0; i < members; i++) {
                z.putNextEntry(new ZipEntry(String.format("member-%05d-%s.txt", i, "x".repeat(40))));
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private VhostRoutes zipMount(HttpLimits limits) {
        VhostSettings v = VhostSettings.builder("v")
                .mount(Mount.builder("/z", "file://" + site.resolve("big.zip")).build()).build();
        return VhostRoutes.of(v, context(limits));
    }

    @Test
    void aZipWhoseCentralDirectoryIsOverMaxZipDirectoryBytesIsNotServed() throws IOException {
        Files.write(site.resolve("big.zip"), zipWithMembers(1000)); // about 100 KiB of central directory
        String member = String.format("/z/member-%05d-%s.txt", 7, "x".repeat(40));

        refuse(get(zipMount(HttpLimits.builder().maxZipDirectoryBytes(64 << 10).build()), member), 500);
        assertArrayEquals(new byte[0], body(get(zipMount(HttpLimits.DEFAULTS), member), 200));
    }

    private VhostRoutes locked(Path logins, HttpLimits limits) {
        VhostSettings v = VhostSettings.builder("v")
                .mount(Mount.builder("/private", "file://" + site).basicAuth(logins).build()).build();
        return VhostRoutes.of(v, context(limits));
    }

    @Test
    void aCredentialsFileOverMaxCredentialsFileBytesIsRefusedWhenTheRoutesAreBuilt() throws IOException {
        Path logins = tmp.resolve("logins");
        Files.writeString(logins, "testuser:testpass\n" + "#".repeat(1100) + ":padding\n");
        HttpLimits small = HttpLimits.builder().maxCredentialsFileBytes(1024).build();

        RouteConfigException e = assertThrows(RouteConfigException.class, () -> locked(logins, small));
        assertTrue(e.getMessage().contains("larger than 1024 bytes"), e.getMessage());
        Route.Serve s = VhostRoutesTest.serve(get(locked(logins, HttpLimits.DEFAULTS), "/private/a.txt",
                "Authorization", basic("testuser:testpass")), 200);
        assertEquals(Optional.of("testuser"), s.authenticatedUser());
        s.body().close();
    }

    @Test
    void aCredentialsFileThatGrowsOverMaxCredentialsFileBytesFailsClosed() throws IOException {
        Path logins = tmp.resolve("logins");
        Files.writeString(logins, "testuser:testpass\n");
        VhostRoutes routes = locked(logins, HttpLimits.builder().maxCredentialsFileBytes(1024).build());
        VhostRoutesTest.serve(get(routes, "/private/a.txt", "Authorization", basic("testuser:testpass")), 200)
                .body().close();

        Files.writeString(logins, "testuser:testpass\n" + "#".repeat(1100) + ":padding\n");
        Files.setLastModifiedTime(logins, FileTime.fromMillis(System.currentTimeMillis() + 10_000));

        assertInstanceOf(Route.Challenge.class, get(routes, "/private/a.txt", "Authorization", basic("testuser:testpass")));
    }
}
