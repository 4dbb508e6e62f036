package org.lightwire.config;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.lightwire.api.Mount;
import org.lightwire.api.RetryPolicy;
import org.lightwire.api.TlsSettings;
import org.lightwire.api.VhostSettings;
import org.lightwire.config.internal.JsonValue;
import org.lightwire.config.internal.JsonValue.ArrayValue;
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
 *   <li>{@code mounts}: an array of mount objects, see {@link MountSection};</li>
 *   <li>{@code headers}: headers added to every response, see {@link HeaderObjects};</li>
 *   <li>{@code sts} (flag), {@code access-log} (file), {@code error-document-404} (URL
 *       path), {@code strict-host-check} (flag), {@code disable-no-protocol-ws-upgrades}
 *       (flag: refuse WebSocket upgrades naming no subprotocol);</li>
 *   <li>{@code keepalive_timeout} (seconds, default 5; 0 also means the default, as in
 *       lws): lws reads the underscore spelling, README.lwsws.md writes
 *       {@code keeplive-timeout}, and mounts use {@code keepalive-timeout}; all three are
 *       accepted;</li>
 *   <li>the retry and validity keys of {@link RetryKeys}, on top of the global policy;</li>
 *   <li>the TLS keys ({@code host-ssl-*}, {@code client-ssl-*}, {@code ciphers},
 *       {@code tls13-ciphers}, {@code client-tls13-ciphers}, {@code ecdh-curve},
 *       {@code ssl-option-*}, {@code ssl-client-option-*} (repeatable, OR-ed; only the
 *       bits of {@link org.lightwire.api.tls.SslOption}), {@code enable-client-ssl},
 *       {@code client-cert-required}, {@code ignore-missing-cert}, {@code alpn},
 *       {@code allow-non-tls}, {@code redirect-http}, {@code allow-http-on-https},
 *       {@code fallback-listen-accept}, and Lightwire's {@code tls-handshake-timeout-secs}
 *       (1..300, default 10);</li>
 *   <li>read and checked, then refused as not supported yet ({@link PendingKeys}):
 *       {@code noipv6}, {@code ipv6only},
 *       {@code fo-listen-queue}, {@code h2-half-closed-long-poll}.</li>
 * </ul>
 * As in lws, a key given twice keeps its last value, except the list keys
 * ({@code ws-protocols}, {@code mounts}, {@code headers}), which add.
 */
final class VhostSection {

    /** lws' keep-alive timeout when a vhost gives none (or 0). */
    static final int DEFAULT_KEEPALIVE_TIMEOUT_SECS = 5;

    private final Section section;
    private final Position at;
    private final VhostSettings.Builder builder;
    private final RetryKeys retry = new RetryKeys();
    private final TlsSettings.Builder tls = TlsSettings.builder();
    private boolean anyTls;
    /** OpenSSL option bits of the repeatable {@code ssl-*option-*} keys, OR-ed as lws does. */
    private final Map<String, Long> optionBits = new HashMap<>();
    /** Mountpoint (with its exact-match flag) → where it was first mounted. */
    private final Map<String, Position> mountpoints = new HashMap<>();

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
                case "mounts" -> mounts(f, scalars);
                case "headers" -> new HeaderObjects(scalars).read(f, builder::header);
                case "sts" -> builder.sts(scalars.flag(f));
                case "access-log" -> builder.accessLog(scalars.path(f));
                case "keepalive_timeout", "keeplive-timeout", "keepalive-timeout" -> {
                    int secs = scalars.integer(f, 0, 86_400);
                    builder.keepaliveTimeoutSecs(secs == 0 ? DEFAULT_KEEPALIVE_TIMEOUT_SECS : secs);
                }
                case "error-document-404" -> set(f, scalars.nonEmptyText(f), builder::errorDocument404);
                case "strict-host-check" -> builder.strictHostCheck(scalars.flag(f));
                case "disable-no-protocol-ws-upgrades" -> builder.disableNoProtocolWsUpgrades(scalars.flag(f));
                case "h2-half-closed-long-poll" -> builder.h2HalfClosedLongPoll(scalars.flag(f));
                case "noipv6" -> builder.noIpv6(scalars.flag(f));
                case "ipv6only" -> builder.ipv6Only(scalars.flag(f));
                case "fo-listen-queue" -> builder.foListenQueue(scalars.integer(f, 0, 65_535));
                default -> {
                    if (!readTls(f, scalars) && !retry.read(f, scalars)) {
                        throw PendingKeys.unknown(f);
                    }
                }
            }
            PendingKeys.requireBuilt(f, PendingKeys.VHOST);
        }
        if (unixSocket && iface == null) {
            throw unixSocketField.error("a unix-socket vhost needs its socket path in 'interface'");
        }
        if (!unixSocket && !hasPort) {
            throw section.error(at, "port", "missing: a vhost needs a port unless it is a unix-socket vhost");
        }
    }

    /** Passes a checked value to a builder setter that may still refuse it, blaming {@code f}. */
    private static <T> void set(Field f, T value, Consumer<T> setter) throws ConfigException {
        try {
            setter.accept(value);
        } catch (IllegalArgumentException e) {
            throw f.error(e.getMessage());
        }
    }

    private void mounts(Field f, Scalars scalars) throws ConfigException {
        if (!(f.value() instanceof ArrayValue list)) {
            throw f.error("expected an array of mount objects, found " + f.value().kind());
        }
        for (int i = 0; i < list.elements().size(); i++) {
            JsonValue element = list.elements().get(i);
            String key = "mounts[" + i + "]";
            if (!(element instanceof ObjectValue object)) {
                throw section.error(element.at(), key, "expected a mount object, found " + element.kind());
            }
            Mount mount = MountSection.read(section, key, object, scalars);
            // Two mounts on one mountpoint: lws would always pick the first and never serve
            // the second, so the second is a mistake. An exact-match mount may share its
            // mountpoint with a prefix mount: they match different requests.
            String identity = mount.mountpoint() + (mount.exactMatch() ? " (exact-match)" : "");
            Position first = mountpoints.putIfAbsent(identity, element.at());
            if (first != null) {
                throw section.error(element.at(), key + ".mountpoint", "mountpoint "
                        + MessageText.quote(mount.mountpoint()) + " is mounted twice (first at " + first + ")");
            }
            builder.mount(mount);
        }
    }

    /**
     * Takes {@code f} if it is a TLS key, into the vhost's {@link TlsSettings}.
     *
     * @return false if it is not one
     */
    private boolean readTls(Field f, Scalars scalars) throws ConfigException {
        switch (f.key()) {
            case "host-ssl-cert" -> tls.hostSslCert(scalars.path(f));
            case "host-ssl-key" -> tls.hostSslKey(scalars.path(f));
            case "host-ssl-ca" -> tls.hostSslCa(scalars.path(f));
            case "ciphers" -> set(f, scalars.nonEmptyText(f), tls::ciphers);
            case "tls13-ciphers" -> set(f, scalars.nonEmptyText(f), tls::tls13Ciphers);
            case "ecdh-curve" -> set(f, scalars.nonEmptyText(f), tls::ecdhCurve);
            case "ssl-option-set" -> tls.sslOptionSet(orBits(f, scalars));
            case "ssl-option-clear" -> tls.sslOptionClear(orBits(f, scalars));
            case "client-cert-required" -> tls.clientCertRequired(scalars.flag(f));
            case "ignore-missing-cert" -> tls.ignoreMissingCert(scalars.flag(f));
            case "enable-client-ssl" -> tls.enableClientSsl(scalars.flag(f));
            case "client-ssl-key" -> tls.clientSslKey(scalars.path(f));
            case "client-ssl-cert" -> tls.clientSslCert(scalars.path(f));
            case "client-ssl-ca" -> tls.clientSslCa(scalars.path(f));
            case "client-ssl-ciphers" -> set(f, scalars.nonEmptyText(f), tls::clientSslCiphers);
            case "client-tls13-ciphers" -> set(f, scalars.nonEmptyText(f), tls::clientTls13Ciphers);
            case "ssl-client-option-set" -> tls.sslClientOptionSet(orBits(f, scalars));
            case "ssl-client-option-clear" -> tls.sslClientOptionClear(orBits(f, scalars));
            case "allow-non-tls" -> tls.allowNonTls(scalars.flag(f));
            case "redirect-http" -> tls.redirectHttp(scalars.flag(f));
            case "allow-http-on-https" -> tls.allowHttpOnHttps(scalars.flag(f));
            case "fallback-listen-accept" -> tls.fallbackListenAccept(scalars.flag(f));
            case "alpn" -> set(f, scalars.nonEmptyText(f), tls::alpn);
            case "tls-handshake-timeout-secs" -> tls.handshakeTimeoutSecs(scalars.integer(f, 1, 300));
            default -> {
                return false;
            }
        }
        anyTls = true;
        return true;
    }

    /** The bits of {@code f} OR-ed into what earlier occurrences of the same key gave. */
    private long orBits(Field f, Scalars scalars) throws ConfigException {
        long bits = scalars.longInteger(f, 0, Long.MAX_VALUE);
        try {
            // only bits with a meaning here are accepted (org.lightwire.api.tls.SslOption)
            org.lightwire.api.tls.SslOption.decode(bits);
        } catch (IllegalArgumentException e) {
            throw f.error(e.getMessage());
        }
        return optionBits.merge(f.key(), bits, (a, b) -> a | b);
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
        if (anyTls) {
            builder.tls(tls.build());
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw section.error(at, null, e.getMessage());
        }
    }
}
