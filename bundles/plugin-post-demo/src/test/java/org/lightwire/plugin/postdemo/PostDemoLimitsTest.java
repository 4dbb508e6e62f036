package org.lightwire.plugin.postdemo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightwire.api.LightwireException;
import org.lightwire.api.Options;

/** The pvos of protocol-post-demo: safe defaults, checked values, errors naming vhost and option. */
class PostDemoLimitsTest {

    @TempDir
    Path dir;

    @Test
    void withoutOptionsEveryLimitHasItsDefault() {
        PostDemoLimits l = PostDemoLimits.from(Options.EMPTY, "localhost");

        assertEquals(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize(), l.uploadDir());
        assertEquals(1024 * 1024, l.maxFileSize());
        assertEquals(32, l.maxFields());
        assertEquals(4096, l.maxFieldSize());
        assertEquals(2048, l.maxPartHeaderSize());
    }

    @Test
    void optionsSetTheLimits() {
        Options pvo = Options.builder().add("upload-dir", dir.toString()).add("max-file-size", "5000000")
                .add("max-fields", "4").add("max-field-size", "100").add("max-part-header-size", "512").build();

        assertEquals(new PostDemoLimits(dir, 5_000_000, 4, 100, 512), PostDemoLimits.from(pvo, "localhost"));
    }

    @Test
    void nonNumericOrNonPositiveLimitsAreRefusedNamingVhostAndOption() {
        LightwireException e = assertThrows(LightwireException.class,
                () -> PostDemoLimits.from(Options.builder().add("max-file-size", "1M").build(), "site"));
        assertEquals("vhost 'site': protocol 'protocol-post-demo' option 'max-file-size' must be an integer, not '1M'",
                e.getMessage());

        e = assertThrows(LightwireException.class,
                () -> PostDemoLimits.from(Options.builder().add("max-fields", "0").build(), "site"));
        assertEquals("vhost 'site': protocol 'protocol-post-demo' option 'max-fields' must be between 1 and 100000, not 0",
                e.getMessage());
    }

    @Test
    void uploadDirMustBeAnExistingDirectory() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");

        LightwireException missing = assertThrows(LightwireException.class, () -> PostDemoLimits.from(
                Options.builder().add("upload-dir", dir.resolve("missing").toString()).build(), "site"));
        LightwireException notDir = assertThrows(LightwireException.class, () -> PostDemoLimits.from(
                Options.builder().add("upload-dir", file.toString()).build(), "site"));

        assertEquals("vhost 'site': protocol 'protocol-post-demo' option 'upload-dir' '" + dir.resolve("missing")
                + "' is not a directory", missing.getMessage());
        assertEquals("vhost 'site': protocol 'protocol-post-demo' option 'upload-dir' '" + file
                + "' is not a directory", notDir.getMessage());
    }
}
