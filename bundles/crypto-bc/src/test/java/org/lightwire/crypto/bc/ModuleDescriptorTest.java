package org.lightwire.crypto.bc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module this build produces: BouncyCastle inside, every BC provider package exported
 * to java.base (JCA and JSSE instantiate service classes reflectively from there; a missing
 * one fails only on the module path, at run time), and nothing exported to anyone else.
 */
class ModuleDescriptorTest {

    private static final Path CLASSES = Path.of("target/classes");

    private static ModuleDescriptor descriptor() throws IOException {
        try (InputStream in = Files.newInputStream(CLASSES.resolve("module-info.class"))) {
            return ModuleDescriptor.read(in);
        }
    }

    @Test
    void everyBcProviderPackageIsExportedToJavaBaseOnly() throws IOException {
        Set<String> providerPackages;
        try (Stream<Path> files = Files.walk(CLASSES.resolve("org/bouncycastle"))) {
            providerPackages = files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> CLASSES.relativize(p.getParent()).toString().replace('/', '.'))
                    .filter(p -> p.startsWith("org.bouncycastle.jcajce.provider") || p.startsWith("org.bouncycastle.jce.provider")
                            || p.startsWith("org.bouncycastle.pqc.jcajce.provider") || p.startsWith("org.bouncycastle.jsse.provider"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertTrue(providerPackages.size() > 40, "BC's classes are copied into the module: " + providerPackages.size());
        ModuleDescriptor d = descriptor();
        Set<String> exported = new TreeSet<>();
        for (ModuleDescriptor.Exports e : d.exports()) {
            assertEquals(Set.of("java.base"), e.targets(), e.source() + " is exported beyond java.base");
            exported.add(e.source());
        }
        assertEquals(providerPackages, exported, "module-info.java's exports list must match BC's provider packages");
    }

    @Test
    void requiresNoBouncyCastleModule() throws IOException {
        for (ModuleDescriptor.Requires r : descriptor().requires()) {
            assertTrue(!r.name().startsWith("org.bouncycastle"), "BC is inside this module, not beside it: " + r);
        }
    }
}
