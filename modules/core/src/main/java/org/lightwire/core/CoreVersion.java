package org.lightwire.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/** The version of this core: its module descriptor's, else its jar manifest's (bundle or implementation version). */
final class CoreVersion {

    private CoreVersion() {
    }

    static Optional<String> read() {
        Module module = CoreVersion.class.getModule();
        if (module.getDescriptor() != null && module.getDescriptor().rawVersion().isPresent()) {
            return module.getDescriptor().rawVersion();
        }
        try (InputStream in = CoreVersion.class.getResourceAsStream("/META-INF/MANIFEST.MF")) {
            if (in == null) {
                return Optional.empty();
            }
            Attributes main = new Manifest(in).getMainAttributes();
            String v = main.getValue("Bundle-Version");
            if (v == null) {
                v = main.getValue(Attributes.Name.IMPLEMENTATION_VERSION);
            }
            return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
        } catch (IOException e) {
            return Optional.empty(); // an unreadable manifest: the name alone
        }
    }
}
