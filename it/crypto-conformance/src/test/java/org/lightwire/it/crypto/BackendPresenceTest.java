package org.lightwire.it.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lightwire.api.crypto.CryptoBackend;

/**
 * The suite runs against exactly the backends the pom names: none missing, none unexpected,
 * and jca on the OpenSSL path or the JDK path as the pom's execution chose.
 */
class BackendPresenceTest {

    /** jca's switch between OpenSSL and the JDK for RSA and EC. */
    private static final String OPENSSL = "org.lightwire.crypto.jca.openssl";

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

    @Test
    void jcaRunsOnThePathThePomChose() {
        CryptoBackend jca = Backends.all().stream().filter(b -> b.name().equals("jca")).findFirst().orElseThrow();
        String mode = System.getProperty(OPENSSL);
        String description = jca.description();
        if ("required".equals(mode)) {
            assertTrue(description.contains("OpenSSL 3"), description);
            assertFalse(description.contains("OpenSSL off"), description);
        } else if ("off".equals(mode)) {
            assertTrue(description.contains("OpenSSL off"), description);
            assertFalse(description.contains("OpenSSL 3"), description);
        } else {
            // each surefire execution of the pom sets it; unset means it never reached this JVM
            fail(OPENSSL + " is '" + mode + "', expected required or off: run the suite through Maven"
                    + " (it/crypto-conformance/pom.xml sets it per execution)");
        }
    }
}
