package org.lightwire.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.lightwire.api.ContextSettings;
import org.lightwire.config.internal.JsonReader;
import org.lightwire.config.internal.JsonSyntaxException;
import org.lightwire.config.internal.JsonValue;

/**
 * Loads lwsws-style JSON configuration into {@link ContextSettings} (lws: lwsws'
 * {@code lwsws_get_config_globals} and {@code lwsws_get_config_vhosts}).
 *
 * <p>The format is JSON with two lws extensions: {@code #} outside a string comments out
 * the rest of the line, and {@code _lws_ddir_} inside a string stands for the data
 * directory. A document is an object with an optional {@code "global"} object and an
 * optional {@code "vhosts"} array. Values are text, as in lws: {@code "port": 7681} and
 * {@code "port": "7681"} mean the same.
 *
 * <p>Nothing is guessed: an unknown key, a key whose feature is not built yet, a wrong
 * type or a bad value is a {@link ConfigException} naming the file, line, column and key,
 * and no settings are returned. Limits: 1 MiB per file, 64 KiB per string, nesting 32
 * deep. Stateless and thread-safe.
 */
public final class ConfigLoader {

    private ConfigLoader() {
    }

    /**
     * Loads a config directory: {@code configDir/conf}, which must exist, then every
     * regular file of {@code configDir/conf.d/} (optional) in order of file name. Global
     * keys of a later file replace earlier ones ({@code plugin-dir} accumulates, at most
     * 10 in all); vhosts are appended in reading order.
     *
     * @param configDir the directory holding {@code conf} and {@code conf.d/}; errors name
     *        files as {@code configDir.resolve(...)}, so a relative one gives relative names
     * @param dataDir what {@code _lws_ddir_} stands for
     * @throws ConfigException if a file is missing, unreadable or not a valid config
     */
    public static ContextSettings load(Path configDir, Path dataDir) throws ConfigException {
        Objects.requireNonNull(configDir, "configDir");
        Objects.requireNonNull(dataDir, "dataDir");
        SettingsAssembler assembler = new SettingsAssembler(dataDir);
        Path conf = configDir.resolve("conf");
        if (!Files.exists(conf)) {
            throw new ConfigException(conf.toString(), "no such file: a config directory needs its 'conf'", null);
        }
        if (!Files.isRegularFile(conf)) {
            throw new ConfigException(conf.toString(), "not a regular file", null);
        }
        add(assembler, conf);
        for (Path fragment : fragments(configDir.resolve("conf.d"))) {
            add(assembler, fragment);
        }
        return assembler.build();
    }

    /**
     * Reads one config document, for example an embedded default config.
     *
     * @param fileName how errors name the document
     * @param text the document
     * @param dataDir what {@code _lws_ddir_} stands for
     * @throws ConfigException if the document is not a valid config
     */
    public static ContextSettings parse(String fileName, String text, Path dataDir) throws ConfigException {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(dataDir, "dataDir");
        SettingsAssembler assembler = new SettingsAssembler(dataDir);
        assembler.add(fileName, document(fileName, text));
        return assembler.build();
    }

    private static void add(SettingsAssembler assembler, Path file) throws ConfigException {
        String shown = file.toString();
        assembler.add(shown, document(shown, ConfigFile.read(file, shown)));
    }

    private static JsonValue document(String fileName, String text) throws ConfigException {
        try {
            return JsonReader.read(text);
        } catch (JsonSyntaxException e) {
            throw Section.top(fileName).error(e.at(), e.path(), e.problem());
        }
    }

    private static List<Path> fragments(Path dir) throws ConfigException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        if (!Files.isDirectory(dir)) {
            throw new ConfigException(dir.toString(), "not a directory", null);
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new ConfigException(dir.toString(), "cannot list: " + e.getClass().getSimpleName(), e);
        }
    }
}
