package org.lightwire.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.RetryPolicy;
import org.lightwire.api.VhostSettings;

/** A config directory: {@code conf}, then {@code conf.d/*} by name (README.lwsws.md). */
class ConfigDirectoryTest {

    @TempDir
    Path dir;

    private void write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private ContextSettings load() throws ConfigException {
        return ConfigLoader.load(dir, Configs.DATA_DIR);
    }

    private ConfigException refused() {
        return assertThrows(ConfigException.class, this::load);
    }

    private static String vhost(String name, int port) {
        return "{\"vhosts\": [{\"name\": \"" + name + "\", \"port\": " + port + "}]}";
    }

    @Test
    void confAloneIsEnough() throws ConfigException, IOException {
        write("conf", "{\"global\": {\"count-threads\": \"2\"}}");

        assertEquals(2, load().countThreads());
    }

    @Test
    void confDFilesAreReadAfterConfInOrderOfName() throws ConfigException, IOException {
        write("conf", vhost("from-conf", 1));
        write("conf.d/b-second", vhost("b", 3));
        write("conf.d/a-first", vhost("a", 2));
        write("conf.d/c-third", "{\"vhosts\": [{\"name\": \"c1\", \"port\": 4}, {\"name\": \"c2\", \"port\": 5}]}");

        List<String> names = load().vhosts().stream().map(VhostSettings::name).toList();

        assertEquals(List.of("from-conf", "a", "b", "c1", "c2"), names);
    }

    @Test
    void laterFilesOverrideGlobalScalarsAndKeepTheRest() throws ConfigException, IOException {
        write("conf", "{\"global\": {\"count-threads\": 2, \"timeout-secs\": 30}}");
        write("conf.d/10-tuning", "{\"global\": {\"count-threads\": 4}}");

        ContextSettings settings = load();

        assertEquals(4, settings.countThreads());
        assertEquals(30, settings.timeoutSecs());
    }

    @Test
    void pluginDirAccumulatesAcrossFiles() throws ConfigException, IOException {
        write("conf", "{\"global\": {\"plugin-dir\": \"/a\", \"plugin-dir\": \"/b\"}}");
        write("conf.d/pkg", "{\"global\": {\"plugin-dir\": \"/usr/local/share/coherent-timeline/plugins\"}}");

        assertEquals(List.of(Path.of("/a"), Path.of("/b"), Path.of("/usr/local/share/coherent-timeline/plugins")),
                load().pluginDirs());
    }

    @Test
    void tenPluginDirsInAllAreAcceptedAndTheEleventhIsRefused() throws IOException, ConfigException {
        write("conf", "{\"global\": {" + pluginDirs(0, 6) + "}}");
        write("conf.d/more", "{\"global\": {" + pluginDirs(6, 10) + "}}");
        assertEquals(10, load().pluginDirs().size());

        write("conf.d/one-too-many", "{\"global\": {\n  \"plugin-dir\": \"/p10\"}}");
        ConfigException e = refused();

        assertEquals(dir.resolve("conf.d/one-too-many").toString(), e.file());
        assertEquals(2, e.line());
        assertEquals("global.plugin-dir", e.key());
        assertTrue(e.getMessage().endsWith("more than 10 plugin directories in all"), e.getMessage());
    }

    private static String pluginDirs(int from, int to) {
        return String.join(", ", IntStream.range(from, to).mapToObj(i -> "\"plugin-dir\": \"/p" + i + "\"").toList());
    }

    @Test
    void vhostRetryKeysBuildOnTheGlobalPolicyEvenFromALaterFile() throws ConfigException, IOException {
        write("conf", "{\"vhosts\": [{\"name\": \"v\", \"port\": 1, \"retry-jitter-pc\": 20}]}");
        write("conf.d/z-policy", "{\"global\": {\"retry-ms\": \"100,200\"}}");

        RetryPolicy policy = load().vhosts().get(0).retryPolicy().orElseThrow();

        assertEquals(RetryPolicy.builder().retryMillis(100, 200).jitterPercent(20).build(), policy);
    }

    @Test
    void confDIsOptionalAndItsSubdirectoriesAreSkipped() throws ConfigException, IOException {
        write("conf", vhost("only", 1));
        assertEquals(1, load().vhosts().size());

        Files.createDirectories(dir.resolve("conf.d/not-a-file"));
        assertEquals(1, load().vhosts().size());
    }

    @Test
    void missingConfIsRefusedNamingIt() {
        ConfigException e = refused();

        assertEquals(dir.resolve("conf").toString(), e.file());
        assertEquals(0, e.line());
        assertNull(e.key());
        assertTrue(e.getMessage().startsWith(dir.resolve("conf") + ": no such file"), e.getMessage());
    }

    @Test
    void confDThatIsNotADirectoryIsRefused() throws IOException {
        write("conf", "{}");
        write("conf.d", "{}");

        assertEquals(dir.resolve("conf.d").toString(), refused().file());
    }

    @Test
    void errorsNameTheFragmentFileTheyAreIn() throws IOException {
        write("conf", "{}");
        write("conf.d/raw", """
                {
                  "vhosts": [{
                    "name": "raw",
                    "port": 7690,
                    "prot": "raw-skt"
                  }]
                }
                """);

        ConfigException e = refused();

        assertEquals(dir.resolve("conf.d/raw") + ":5:5: vhost 'raw': key 'prot': unknown key", e.getMessage());
    }

    @Test
    void relativeConfigDirGivesRelativeFileNames() throws IOException {
        write("conf", "{\"bogus\": 1}");
        Path relative = Path.of("").toAbsolutePath().relativize(dir);

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(relative, Configs.DATA_DIR));

        assertEquals(relative.resolve("conf").toString(), e.file());
    }

    @Test
    void malformedUtf8IsRefusedAtItsLineAndColumn() throws IOException {
        byte[] bytes = "{\n \"global\": {\"server\u00e9\": \"\u00ff".getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[bytes.length + 3];
        System.arraycopy(bytes, 0, bad, 0, bytes.length);
        bad[bytes.length] = (byte) 0xC3; // a lead byte followed by a non-continuation byte
        bad[bytes.length + 1] = '"';
        bad[bytes.length + 2] = '}';
        Files.write(dir.resolve("conf"), bad);

        ConfigException e = refused();

        assertEquals(2, e.line());
        assertEquals(26, e.column());
        assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
    }

    @Test
    void fileLargerThanOneMebibyteIsRefusedUnread() throws IOException {
        byte[] big = new byte[(1 << 20) + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        big[0] = '{';
        big[big.length - 1] = '}';
        Files.write(dir.resolve("conf"), big);

        ConfigException e = refused();

        assertEquals(dir.resolve("conf").toString(), e.file());
        assertTrue(e.getMessage().endsWith("file is larger than 1 MiB"), e.getMessage());
    }

    @Test
    void fileOfExactlyOneMebibyteIsRead() throws IOException, ConfigException {
        byte[] big = new byte[1 << 20];
        java.util.Arrays.fill(big, (byte) ' ');
        big[0] = '{';
        big[big.length - 1] = '}';
        Files.write(dir.resolve("conf"), big);

        assertEquals(List.of(), load().vhosts());
    }
}
