package org.lightwire.core.tls;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns lwsws cipher lists (OpenSSL names like {@code ECDHE-RSA-AES128-GCM-SHA256},
 * separated by ':' ',' or spaces) into the IANA names JSSE engines take. IANA names
 * ({@code TLS_...}) pass unchanged; exclusions ({@code !aNULL}, {@code -RC4}) only remove
 * from OpenSSL's keyword sets, which an explicit list never contains, so they are skipped;
 * keywords ({@code HIGH}, {@code DEFAULT}) and unknown names are refused, naming the key.
 */
public final class CipherNames {

    private static final Map<String, String> OPENSSL = Map.ofEntries(
            Map.entry("ECDHE-ECDSA-AES128-GCM-SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"),
            Map.entry("ECDHE-RSA-AES128-GCM-SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
            Map.entry("ECDHE-ECDSA-AES256-GCM-SHA384", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"),
            Map.entry("ECDHE-RSA-AES256-GCM-SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"),
            Map.entry("ECDHE-ECDSA-CHACHA20-POLY1305", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"),
            Map.entry("ECDHE-RSA-CHACHA20-POLY1305", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"),
            Map.entry("DHE-RSA-AES128-GCM-SHA256", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256"),
            Map.entry("DHE-RSA-AES256-GCM-SHA384", "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384"),
            Map.entry("DHE-RSA-CHACHA20-POLY1305", "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256"),
            Map.entry("ECDHE-ECDSA-AES128-SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256"),
            Map.entry("ECDHE-RSA-AES128-SHA256", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256"),
            Map.entry("ECDHE-ECDSA-AES256-SHA384", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384"),
            Map.entry("ECDHE-RSA-AES256-SHA384", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384"),
            Map.entry("ECDHE-ECDSA-AES128-SHA", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA"),
            Map.entry("ECDHE-RSA-AES128-SHA", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"),
            Map.entry("ECDHE-ECDSA-AES256-SHA", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA"),
            Map.entry("ECDHE-RSA-AES256-SHA", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA"),
            Map.entry("AES128-GCM-SHA256", "TLS_RSA_WITH_AES_128_GCM_SHA256"),
            Map.entry("AES256-GCM-SHA384", "TLS_RSA_WITH_AES_256_GCM_SHA384"));

    /** The TLS 1.3 suites, kept when only a TLS 1.2 list is configured (lws: TLS 1.3 defaults to all). */
    static final List<String> TLS13_DEFAULT = List.of(
            "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256");

    /** The forward-secret TLS 1.2 suites used when only a TLS 1.3 list is configured. */
    static final List<String> TLS12_DEFAULT = List.of(
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    private CipherNames() {
    }

    /**
     * The IANA names of {@code list}.
     *
     * @throws IllegalArgumentException naming {@code key} and the entry that is not a suite
     */
    public static List<String> toIana(String key, String list) {
        List<String> out = new ArrayList<>();
        for (String raw : list.split("[:, ]+")) {
            String name = raw.trim();
            if (name.isEmpty() || name.startsWith("!") || name.startsWith("-")) {
                continue;
            }
            if (name.startsWith("TLS_")) {
                out.add(name);
                continue;
            }
            String iana = OPENSSL.get(name.toUpperCase(java.util.Locale.ROOT));
            if (iana == null) {
                throw new IllegalArgumentException(key + ": '" + name + "' is not a cipher suite Lightwire knows"
                        + " (give OpenSSL suite names like ECDHE-RSA-AES128-GCM-SHA256 or IANA names; keywords like HIGH are not supported)");
            }
            out.add(iana);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(key + ": no cipher suite in '" + list + "'");
        }
        return out;
    }

    /** The combined suite list for a TLS 1.2 list and a TLS 1.3 list, either possibly absent; empty: backend defaults. */
    static List<String> combine(String key12, String tls12, String key13, String tls13) {
        if (tls12 == null && tls13 == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>(tls13 == null ? TLS13_DEFAULT : toIana(key13, tls13));
        out.addAll(tls12 == null ? TLS12_DEFAULT : toIana(key12, tls12));
        return out;
    }
}
