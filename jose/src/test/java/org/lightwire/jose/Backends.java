package org.lightwire.jose;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.jose.internal.JsonObject;
import org.lightwire.jose.internal.JsonReader;

/**
 * The crypto backends every test runs on: those on the test class path, which must be at
 * least the ones the pom names (system property {@code lightwire.crypto.backends}), so a
 * missing backend fails the suite instead of silently shrinking it.
 */
final class Backends {

    private Backends() {
    }

    static List<CryptoBackend> all() {
        List<CryptoBackend> found = Jose.backends();
        String prop = System.getProperty("lightwire.crypto.backends");
        if (prop == null) {
            throw new IllegalStateException("system property lightwire.crypto.backends is not set: run the tests through Maven");
        }
        Set<String> expected = new TreeSet<>(Arrays.asList(prop.split(",")));
        Set<String> present = found.stream().map(CryptoBackend::name).collect(Collectors.toCollection(TreeSet::new));
        if (!present.containsAll(expected)) {
            throw new IllegalStateException("crypto backends missing from the test class path: expected " + expected + ", found " + present);
        }
        return found;
    }

    /** Argument source for {@code @MethodSource("org.lightwire.jose.Backends#jose")}. */
    static Stream<Jose> jose() {
        return all().stream().map(Jose::with);
    }

    static String resource(String path) {
        try (InputStream in = Backends.class.getResourceAsStream("/vectors/" + path)) {
            if (in == null) {
                throw new IllegalStateException("test resource /vectors/" + path + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonObject vectors(String path) {
        return JsonReader.parseObject(resource(path), path, 1 << 20, 32);
    }
}
