package org.lightwire.it.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lightwire.api.crypto.CryptoBackend;

/** The suite runs against exactly the backends the pom names: none missing, none unexpected. */
class BackendPresenceTest {

    @Test
    void everyExpectedBackendIsPresentAndNoOther() {
        List<String> found = Backends.all().stream().map(CryptoBackend::name).sorted().toList();
        assertEquals(Backends.expectedNames(), found);
    }

    @Test
    void backendNamesAreUniqueAndDescribed() {
        List<CryptoBackend> all = Backends.all();
        assertEquals(all.size(), all.stream().map(CryptoBackend::name).distinct().count());
        for (CryptoBackend b : all) {
            assertFalse(b.description().isBlank(), b.name() + " has no description");
        }
    }
}
