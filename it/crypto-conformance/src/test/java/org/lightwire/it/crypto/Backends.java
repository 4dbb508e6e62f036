package org.lightwire.it.crypto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.lightwire.api.crypto.CryptoBackend;

/**
 * The backends under test: every {@link CryptoBackend} on the test class path. The pom
 * names the ones that must be there (system property {@code lightwire.crypto.backends});
 * if one is missing every parameterized test fails here, so no backend is skipped quietly.
 */
final class Backends {

    private static final List<CryptoBackend> ALL = discover();

    private Backends() {
    }

    private static List<CryptoBackend> discover() {
        List<CryptoBackend> found = new ArrayList<>();
        ServiceLoader.load(CryptoBackend.class).forEach(found::add);
        found.sort(Comparator.comparing(CryptoBackend::name));
        return List.copyOf(found);
    }

    static List<String> expectedNames() {
        String prop = System.getProperty("lightwire.crypto.backends");
        if (prop == null || prop.isBlank()) {
            throw new IllegalStateException("system property lightwire.crypto.backends is not set: run the suite through"
                    + " Maven (it/crypto-conformance/pom.xml sets it)");
        }
        return Arrays.stream(prop.split(",")).map(String::strip).filter(s -> !s.isEmpty()).sorted().toList();
    }

    static List<CryptoBackend> all() {
        List<String> expected = expectedNames();
        TreeSet<String> found = ALL.stream().map(CryptoBackend::name).collect(Collectors.toCollection(TreeSet::new));
        if (!found.containsAll(expected)) {
            throw new IllegalStateException("crypto backends missing from the test class path: expected " + expected
                    + ", found " + found + " (add the bundle as a test dependency of it/crypto-conformance)");
        }
        return ALL;
    }

    /** Every backend. */
    static Stream<CryptoBackend> each() {
        return all().stream();
    }

    /** Every ordered pair (producer, consumer), a backend with itself included. */
    static Stream<Arguments> pairs() {
        List<Arguments> out = new ArrayList<>();
        for (CryptoBackend a : all()) {
            for (CryptoBackend b : all()) {
                out.add(Arguments.of(a, b));
            }
        }
        return out.stream();
    }

    /** Every backend with every vector of {@code file}. */
    static Stream<Arguments> withVectors(String file) {
        List<Vectors.Vector> vectors = Vectors.load(file);
        List<Arguments> out = new ArrayList<>();
        for (CryptoBackend b : all()) {
            for (Vectors.Vector v : vectors) {
                out.add(Arguments.of(b, v));
            }
        }
        return out.stream();
    }
}
