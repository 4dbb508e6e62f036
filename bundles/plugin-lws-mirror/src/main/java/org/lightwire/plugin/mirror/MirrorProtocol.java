package org.lightwire.plugin.mirror;

import java.util.HashMap;
import java.util.Map;
import org.lightwire.api.ws.WebSocket;
import org.lightwire.api.ws.WsLimits;
import org.lightwire.api.ws.WsProtocol;
import org.lightwire.api.ws.WsRefusedException;
import org.lightwire.api.ws.WsSession;

/**
 * One vhost's lws-mirror-protocol (lws {@code per_vhost_data__lws_mirror}): the named
 * mirror instances, created when the first connection names them and dropped with the last.
 * Connections on different loops may share an instance, so the table is locked.
 */
final class MirrorProtocol implements WsProtocol {

    private final String vhost;
    private final MirrorSettings settings;
    private final WsLimits limits;
    private final Map<String, MirrorInstance> instances = new HashMap<>();

    MirrorProtocol(String vhost, MirrorSettings settings) {
        this.vhost = vhost;
        this.settings = settings;
        this.limits = new WsLimits(settings.maxMessageBytes(), true, 0);
    }

    @Override
    public WsSession newWsSession(WebSocket socket) throws WsRefusedException {
        String name = instanceName(socket);
        synchronized (instances) {
            if (!instances.containsKey(name) && instances.size() >= settings.maxInstances()) {
                // lws refuses the connection too (ESTABLISHED returns -1); here the upgrade is refused
                throw new WsRefusedException(503, "vhost '" + vhost + "': all " + settings.maxInstances()
                        + " mirror instances are in use");
            }
        }
        return new MirrorSession(this, name, settings.maxMessageBytes());
    }

    /** lws {@code lws_get_urlarg_by_name(wsi, "mirror", ...)}: "" when absent, cut to lws' buffer. */
    private static String instanceName(WebSocket socket) {
        String name = socket.upgradeRequest().flatMap(r -> r.queryParameter("mirror")).orElse("");
        return name.length() > MirrorSettings.MAX_NAME_CHARS ? name.substring(0, MirrorSettings.MAX_NAME_CHARS) : name;
    }

    /**
     * Joins {@code session} to the instance {@code name}, creating it if the limit allows.
     *
     * @return the instance, or null when the limit was reached meanwhile
     */
    MirrorInstance join(String name, MirrorSession session) {
        synchronized (instances) {
            MirrorInstance mi = instances.get(name);
            if (mi == null) {
                if (instances.size() >= settings.maxInstances()) {
                    return null;
                }
                mi = new MirrorInstance(vhost, name, settings);
                instances.put(name, mi);
            }
            mi.join(session);
            return mi;
        }
    }

    /** Removes {@code session} from its instance; the last one out drops the instance and its ring. */
    void leave(MirrorInstance mi, MirrorSession session) {
        synchronized (instances) {
            if (mi.leave(session) == 0) {
                instances.remove(mi.name(), mi);
            }
        }
    }

    /** Instances alive now (for tests and status). */
    int instanceCount() {
        synchronized (instances) {
            return instances.size();
        }
    }

    @Override
    public WsLimits limits() {
        return limits;
    }
}
