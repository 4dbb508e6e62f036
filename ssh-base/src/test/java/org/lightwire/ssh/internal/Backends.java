package org.lightwire.ssh.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.lightwire.api.crypto.CryptoBackend;

/**
 * The crypto backends the tests run on: those on the test class path, which must include
 * every one the pom names (system property {@code lightwire.crypto.backends}), so a missing
 * backend fails the suite instead of shrinking it.
 */
final class Backends {
    private Backends() {
    }

    static List<CryptoBackend> all() {
        List<CryptoBackend> found = new ArrayList<>();
        ServiceLoader.load(CryptoBackend.class).forEach(found::add);
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

    static CryptoBackend named(String name) {
        return all().stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
    }
}
