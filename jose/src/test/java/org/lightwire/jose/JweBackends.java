package org.lightwire.jose;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.lightwire.api.crypto.CryptoBackend;

/**
 * The crypto backends the JWE tests run on: every {@link CryptoBackend} on the test class
 * path. The pom names those that must be there (system property
 * {@code lightwire.crypto.backends}); if one is missing every test using this fails, so no
 * backend is skipped quietly.
 */
final class JweBackends {

    private JweBackends() {
    }

    static List<CryptoBackend> all() {
        String prop = System.getProperty("lightwire.crypto.backends");
        if (prop == null || prop.isBlank()) {
            throw new IllegalStateException("system property lightwire.crypto.backends is not set: run the tests through Maven (jose/pom.xml sets it)");
        }
        List<String> expected = Arrays.stream(prop.split(",")).map(String::strip).filter(s -> !s.isEmpty()).sorted().toList();
        List<CryptoBackend> found = new ArrayList<>();
        ServiceLoader.load(CryptoBackend.class).forEach(found::add);
        found.sort(Comparator.comparing(CryptoBackend::name));
        TreeSet<String> names = found.stream().map(CryptoBackend::name).collect(Collectors.toCollection(TreeSet::new));
        if (!names.containsAll(expected)) {
            throw new IllegalStateException("crypto backends missing from the test class path: expected " + expected + ", found " + names);
        }
        return found;
    }

    /** A policy allowing every JWE algorithm and content encryption: for tests only. */
    static JosePolicy allJwe() {
        return JosePolicy.builder().allow(JweAlgorithm.values()).allow(EncryptionMethod.values()).build();
    }
}
