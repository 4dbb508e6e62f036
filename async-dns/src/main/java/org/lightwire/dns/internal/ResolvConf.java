package org.lightwire.dns.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Nameserver discovery from {@code resolv.conf} (lws reads the same file on Linux): the
 * first {@code nameserver} line whose value is an IP literal. Comments ({@code #},
 * {@code ;}) and other options are ignored; a missing or unreadable file means "none".
 */
public final class ResolvConf {

    private static final System.Logger LOG = System.getLogger("org.lightwire.dns");

    private ResolvConf() {
    }

    public static Optional<InetSocketAddress> firstNameserver(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "cannot read " + file + ": " + e.getMessage());
            return Optional.empty();
        }
        return firstNameserver(lines, file.toString());
    }

    static Optional<InetSocketAddress> firstNameserver(List<String> lines, String fileName) {
        int lineNo = 0;
        for (String raw : lines) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            String[] words = line.split("[ \t]+");
            if (!words[0].equals("nameserver") || words.length < 2) {
                continue;
            }
            // resolv.conf may scope a link-local server ("fe80::1%eth0"); port is always 53
            String value = words[1];
            int percent = value.indexOf('%');
            if (percent >= 0) {
                value = value.substring(0, percent);
            }
            if (IpLiteral.parse(value) == null) {
                int n = lineNo;
                LOG.log(System.Logger.Level.WARNING, () -> fileName + ":" + n + ": ignoring nameserver '" + words[1]
                        + "': not an IP address");
                continue;
            }
            return Optional.of(new InetSocketAddress(IpLiteral.parse(value), NameserverAddress.DNS_PORT));
        }
        return Optional.empty();
    }
}
