package org.lightwire.plugin.status;

import java.io.IOException;
import java.io.InputStream;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import org.lightwire.api.Context;

/**
 * The server's name and version for status reports (lws: {@code lws_get_library_version()}):
 * "lightwire" and the version of the core running the context, from its module descriptor
 * or its jar's manifest (Bundle-Version / Implementation-Version), whichever says.
 */
final class ServerVersion {

    private ServerVersion() {
    }

    static String of(Context context) {
        if (context == null) {
            return "lightwire";
        }
        Class<?> core = context.getClass();
        Module module = core.getModule();
        if (module.getDescriptor() != null && module.getDescriptor().rawVersion().isPresent()) {
            return "lightwire " + module.getDescriptor().rawVersion().get();
        }
        try (InputStream in = module.getResourceAsStream("META-INF/MANIFEST.MF")) {
            if (in != null) {
                Attributes main = new Manifest(in).getMainAttributes();
                String v = main.getValue("Bundle-Version");
                if (v == null) {
                    v = main.getValue(Attributes.Name.IMPLEMENTATION_VERSION);
                }
                if (v != null && !v.isBlank()) {
                    return "lightwire " + v.trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // no readable manifest: the name alone
        }
        return "lightwire";
    }
}
