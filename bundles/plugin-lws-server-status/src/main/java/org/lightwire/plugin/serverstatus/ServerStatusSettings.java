package org.lightwire.plugin.serverstatus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lightwire.api.Options;

/**
 * The per-vhost options of lws-server-status (README.lwsws.md "lws-server-status plugin").
 *
 * @param hideVhosts   pvo {@code hide-vhosts}: leave the vhosts (names, mounts, protocols) out
 * @param updateMicros pvo {@code update-ms}: how often clients get a fresh report (default
 *                     5000 ms, at least 100)
 * @param files        pvo {@code filespath} (README spelling) or {@code filepath} (lws 4.1.6's
 *                     code), repeatable: files whose first 255 bytes go into each report
 */
record ServerStatusSettings(boolean hideVhosts, long updateMicros, List<Path> files) {

    static final int DEFAULT_UPDATE_MS = 5000;
    static final int MIN_UPDATE_MS = 100;
    static final int MAX_UPDATE_MS = 3_600_000;
    static final int MAX_FILES = 32;

    static ServerStatusSettings from(String vhost, Options options) {
        try {
            int ms = options.intValue("update-ms", DEFAULT_UPDATE_MS);
            if (ms < MIN_UPDATE_MS || ms > MAX_UPDATE_MS) {
                throw new IllegalArgumentException("option 'update-ms' must be " + MIN_UPDATE_MS + ".." + MAX_UPDATE_MS
                        + ", not " + ms);
            }
            List<Path> files = new ArrayList<>();
            for (Options.Option o : options.entries()) {
                if (o.name().equals("filespath") || o.name().equals("filepath")) {
                    if (o.value().isBlank() || o.value().indexOf('\0') >= 0) {
                        throw new IllegalArgumentException("option '" + o.name() + "' must name a file");
                    }
                    files.add(Path.of(o.value()));
                }
            }
            if (files.size() > MAX_FILES) {
                throw new IllegalArgumentException("at most " + MAX_FILES + " 'filespath' options, not " + files.size());
            }
            return new ServerStatusSettings(options.flag("hide-vhosts"), ms * 1000L, List.copyOf(files));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("vhost '" + vhost + "', protocol " + ServerStatusProvider.NAME + ": "
                    + e.getMessage(), e);
        }
    }
}
