package org.lightwire.config;

import org.lightwire.api.RetryPolicy;
import org.lightwire.api.VhostSettings;
import org.lightwire.config.internal.JsonValue.Member;
import org.lightwire.config.internal.JsonValue.ObjectValue;
import org.lightwire.config.internal.Position;

/**
 * One entry of {@code "vhosts"} (lws {@code lws_vhost} creation info). Keys:
 * <ul>
 *   <li>{@code name} (required): the host name matched against SNI and the Host header;</li>
 *   <li>{@code port} (0..65535, 0 for an ephemeral port): required unless
 *       {@code unix-socket};</li>
 *   <li>{@code interface}: address, host or interface name to listen on; the socket path
 *       when {@code unix-socket} is set;</li>
 *   <li>{@code unix-socket} (flag), {@code unix-socket-perms} ("user:group");</li>
 *   <li>{@code listen-accept-role}, {@code listen-accept-protocol}, and
 *       {@code apply-listen-accept} (flag; the legacy spelling {@code onlyraw} means the
 *       same): bind every accepted connection straight to that role and protocol;</li>
 *   <li>{@code ws-protocols}: see {@link WsProtocols};</li>
 *   <li>the retry and validity keys of {@link RetryKeys}, on top of the global policy.</li>
 * </ul>
 * As in lws, a key given twice keeps its last value.
 */
final class VhostSection {

    private final Section section;
    private final Position at;
    private final VhostSettings.Builder builder;
    private final RetryKeys retry = new RetryKeys();

    private VhostSection(Section section, Position at, VhostSettings.Builder builder) {
        this.section = section;
        this.at = at;
        this.builder = builder;
    }

    /**
     * Reads and checks vhost {@code index} of a file's {@code "vhosts"} array; everything
     * but the retry policy, which needs the merged global one (see {@link #build}).
     */
    static VhostSection read(String file, int index, ObjectValue vhost, Scalars scalars) throws ConfigException {
        String path = "vhosts[" + index + "]";
        Section unnamed = new Section(file, path, path);
        String name = null;
        // The name is read first so that errors about the other keys can say which vhost
        // they are in, wherever the name is written.
        for (Member member : vhost.members()) {
            if (member.name().equals("name")) {
                name = scalars.nonEmptyText(unnamed.field(member));
            }
        }
        if (name == null) {
            throw unnamed.error(vhost.at(), "name", "missing: every vhost needs a name");
        }
        Section named = new Section(file, "vhost " + MessageText.quote(name), path);
        VhostSection section = new VhostSection(named, vhost.at(), VhostSettings.builder(name));
        section.readKeys(vhost, scalars);
        return section;
    }

    private void readKeys(ObjectValue vhost, Scalars scalars) throws ConfigException {
        WsProtocols protocols = new WsProtocols(section, scalars);
        boolean hasPort = false;
        boolean unixSocket = false;
        Field unixSocketField = null;
        String iface = null;
        for (Member member : vhost.members()) {
            Field f = section.field(member);
            switch (f.key()) {
                case "name" -> {
                    // read before the others
                }
                case "port" -> {
                    builder.port(scalars.integer(f, 0, 65_535));
                    hasPort = true;
                }
                case "interface" -> {
                    // refused when empty rather than read as "every address": an empty
                    // host name would resolve to the loopback address
                    iface = scalars.nonEmptyText(f);
                    builder.iface(iface);
                }
                case "unix-socket" -> {
                    unixSocket = scalars.flag(f);
                    unixSocketField = f;
                    builder.unixSocket(unixSocket);
                }
                case "unix-socket-perms" -> builder.unixSocketOwner(userColonGroup(f, scalars));
                case "listen-accept-role" -> builder.listenAcceptRole(scalars.nonEmptyText(f));
                case "listen-accept-protocol" -> builder.listenAcceptProtocol(scalars.nonEmptyText(f));
                case "apply-listen-accept", "onlyraw" -> builder.applyListenAccept(scalars.flag(f));
                case "ws-protocols" -> protocols.read(f, builder);
                default -> {
                    if (!retry.read(f, scalars)) {
                        throw PendingKeys.refuse(f, PendingKeys.VHOST);
                    }
                }
            }
        }
        if (unixSocket && iface == null) {
            throw unixSocketField.error("a unix-socket vhost needs its socket path in 'interface'");
        }
        if (!unixSocket && !hasPort) {
            throw section.error(at, "port", "missing: a vhost needs a port unless it is a unix-socket vhost");
        }
    }

    private static String userColonGroup(Field f, Scalars scalars) throws ConfigException {
        String owner = scalars.text(f);
        int colon = owner.indexOf(':');
        if (colon < 0 || owner.indexOf(':', colon + 1) >= 0) {
            throw f.error("expected \"user:group\" (either part may be empty), found " + MessageText.quote(owner));
        }
        return owner;
    }

    /** The vhost's settings; its own retry keys, if any, apply on top of {@code contextPolicy}. */
    VhostSettings build(RetryPolicy contextPolicy) throws ConfigException {
        if (!retry.isEmpty()) {
            builder.retryPolicy(retry.over(contextPolicy));
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw section.error(at, null, e.getMessage());
        }
    }
}
