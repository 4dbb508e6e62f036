package org.lightwire.plugin.serverstatus;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.lightwire.api.Context;
import org.lightwire.api.Mount;
import org.lightwire.api.ProtocolSelection;
import org.lightwire.api.ServiceLoop;
import org.lightwire.api.Vhost;
import org.lightwire.api.VhostSettings;
import org.lightwire.api.VhostStats;

/**
 * Builds one lws-server-status report, the JSON of lws' {@code update()}:
 * {@code {"i": <lws_json_dump_context>, "files": [{"path", "val"}]}}. Every figure comes
 * from the API or the system. Per-vhost traffic comes from {@link Vhost#stats()} under lws'
 * names (rx, tx, h1_conn, h1_trans, ws_upg, rejected); lws figures Lightwire has no source
 * for (h2 counters, fd and header-pool limits, CGI counts) are left out rather than
 * invented, so a reader sees only real numbers.
 */
final class StatusReport {

    private final Vhost vhost;
    private final ServerStatusSettings settings;
    private final SystemProbe probe;
    private final long createdNanos = System.nanoTime();

    StatusReport(Vhost vhost, ServerStatusSettings settings, SystemProbe probe) {
        this.vhost = vhost;
        this.settings = settings;
        this.probe = probe;
    }

    String render() {
        StringBuilder sb = new StringBuilder(2048);
        sb.append("{\"i\":");
        context(sb);
        sb.append(", \"files\": [");
        boolean first = true;
        for (Path file : settings.files()) {
            Optional<String> val = probe.readSmall(file);
            if (val.isEmpty()) {
                continue; // lws leaves out files it cannot open
            }
            if (!first) {
                sb.append(',');
            }
            first = false;
            sb.append("{\"path\":\"");
            Json.escape(sb, file.toString()).append("\",\"val\":\"");
            Json.escape(sb, val.get()).append("\"}");
        }
        return sb.append("]}").toString();
    }

    private void context(StringBuilder sb) {
        Context context = vhost.context();
        sb.append("{ \"version\":\"");
        Json.escape(sb, version(context)).append("\",\n\"uptime\":\"").append(probe.uptimeSecs()).append("\",\n");
        probe.loadAverages().ifPresent(l -> {
            for (int n = 0; n < 3; n++) {
                sb.append("\"l").append(n + 1).append("\":\"");
                Json.escape(sb, l[n]).append("\",\n");
            }
        });
        probe.statm().ifPresent(s -> Json.escape(sb.append("\"statm\": \""), s).append("\",\n"));
        sb.append("\"heap\":").append(probe.heapInUse()).append(",\n\"contexts\":[\n{ ");
        sb.append("\"context_uptime\":\"").append((System.nanoTime() - createdNanos) / 1_000_000_000L).append("\",\n");
        if (context == null) {
            sb.append("\"pt\":[], \"vhosts\":[]}]}");
            return;
        }
        sb.append("\"deprecated\":\"").append(context.isDeprecated() ? 1 : 0).append("\",\n");
        List<ServiceLoop> loops = context.loops();
        int alive = 0;
        for (ServiceLoop l : loops) {
            alive += l.connectionCount();
        }
        sb.append("\"wsi_alive\":\"").append(alive).append("\",\n\"pt\":[");
        for (int n = 0; n < loops.size(); n++) {
            ServiceLoop l = loops.get(n);
            // lws' fds_count is every socket the service thread polls: listeners and connections
            int listeners = l.listenerCount();
            int connections = l.connectionCount();
            sb.append(n == 0 ? "\n  {" : ",\n  {").append("\"fds_count\":\"").append(listeners + connections)
                    .append("\", \"listen_fds\":\"").append(listeners).append("\", \"conn_fds\":\"").append(connections)
                    .append("\", \"wakeups\":\"").append(l.wakeups()).append("\"}");
        }
        sb.append("], \"vhosts\":[");
        int listening = 0;
        boolean first = true;
        for (Vhost vh : context.vhosts()) {
            if (!vh.listenAddresses().isEmpty()) {
                listening++;
            }
            if (settings.hideVhosts()) {
                continue;
            }
            if (!first) {
                sb.append(',');
            }
            first = false;
            vhost(sb, vh);
        }
        sb.append("],\n\"listen_wsi\":\"").append(listening).append("\"\n}]}");
    }

    private static void vhost(StringBuilder sb, Vhost vh) {
        VhostSettings s = vh.settings();
        sb.append("{\n \"name\":\"");
        Json.escape(sb, vh.name()).append("\",\n \"port\":\"").append(s.port())
                .append("\",\n \"use_ssl\":\"").append(s.tls().isPresent() ? 1 : 0)
                .append("\",\n \"sts\":\"").append(s.sts() ? 1 : 0);
        VhostStats st = vh.stats();
        sb.append("\",\n \"rx\":\"").append(st.rxBytes())
                .append("\",\n \"tx\":\"").append(st.txBytes())
                .append("\",\n \"h1_conn\":\"").append(st.connectionsAccepted())
                .append("\",\n \"h1_trans\":\"").append(st.httpTransactions())
                .append("\",\n \"ws_upg\":\"").append(st.wsUpgrades())
                .append("\",\n \"rejected\":\"").append(st.connectionsRejected())
                .append("\",\n \"listening\":\"").append(vh.listenAddresses().isEmpty() ? 0 : 1).append('"');
        if (!s.mounts().isEmpty()) {
            sb.append(",\n \"mounts\":[");
            boolean first = true;
            for (Mount m : s.mounts()) {
                sb.append(first ? "\n  {" : ",\n  {");
                first = false;
                sb.append("\n   \"mountpoint\":\"");
                Json.escape(sb, m.mountpoint()).append("\",\n  \"origin\":\"");
                Json.escape(sb, m.kind().scheme() + m.target()).append("\",\n  \"cache_max_age\":\"")
                        .append(m.cacheMaxAge().orElse(0)).append("\",\n  \"cache_reuse\":\"")
                        .append(m.cacheReuse() ? 1 : 0).append("\",\n  \"cache_revalidate\":\"")
                        .append(m.cacheRevalidate() ? 1 : 0).append("\",\n  \"cache_intermediaries\":\"")
                        .append(m.cacheIntermediaries() ? 1 : 0).append('"');
                m.defaultDocument().ifPresent(d -> Json.escape(sb.append(",\n  \"default\":\""), d).append('"'));
                sb.append("\n  }");
            }
            sb.append("\n ]");
        }
        List<ProtocolSelection> protocols = s.protocols();
        if (!protocols.isEmpty()) {
            sb.append(",\n \"ws-protocols\":[");
            for (int n = 0; n < protocols.size(); n++) {
                sb.append(n == 0 ? "\n  {\n   \"" : ",\n  {\n   \"");
                Json.escape(sb, protocols.get(n).name()).append("\":{\n    \"status\":\"ok\"\n   }\n  }");
            }
            sb.append("\n ]");
        }
        sb.append("\n}");
    }

    private static String version(Context context) {
        return context.version();
    }
}
