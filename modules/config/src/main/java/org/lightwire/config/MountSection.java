package org.lightwire.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.lightwire.api.Mount;
import org.lightwire.api.Options;
import org.lightwire.config.internal.JsonValue;
import org.lightwire.config.internal.JsonValue.ArrayValue;
import org.lightwire.config.internal.JsonValue.Member;
import org.lightwire.config.internal.JsonValue.ObjectValue;

/**
 * One entry of a vhost's {@code "mounts"} (lws {@code struct lws_http_mount}), read into a
 * {@link Mount}. Keys:
 * <ul>
 *   <li>{@code mountpoint}, {@code origin} (both required). The origin's scheme selects
 *       the kind: {@code file://}, {@code callback://}, {@code >http://} and
 *       {@code >https://} redirects (README.lwsws.md's {@code ^http://} spelling too) and
 *       {@code gzip://} (a .zip served like a file mount) are served; {@code cgi://},
 *       {@code http://} and {@code https://} are refused as not supported yet. A mount may name {@code origin} twice; the last wins.</li>
 *   <li>{@code default}, {@code auth-mask}, {@code basic-auth} (credentials file path),
 *       {@code cache-max-age}, {@code cache-reuse}, {@code cache-revalidate},
 *       {@code cache-intermediaries}, {@code cache-no}, {@code exact-match},
 *       {@code append-path}, {@code no-ws-upgrades}, {@code keepalive-timeout};</li>
 *   <li>{@code extra-mimetypes} and {@code interpret}: objects of suffix → MIME type /
 *       protocol name;</li>
 *   <li>{@code headers}: see {@link HeaderObjects}; {@code pmo}: an array of option
 *       objects, merged in order (see {@link OptionObjects});</li>
 *   <li>{@code cgi-timeout}, {@code cgi-env}, {@code cgi-chroot}, {@code cgi-chdir}: read,
 *       then refused until CGI arrives.</li>
 * </ul>
 * Every other key is refused as unknown. A key given twice keeps its last value, except
 * the list keys, which add.
 */
final class MountSection {

    private final Section section;
    private final String key;
    private final Scalars scalars;
    /** The settings in the order they were written; applied once the mount is built. */
    private final List<Consumer<Mount.Builder>> settings = new ArrayList<>();
    /** The probe every value is tried on first, so that its error points at its key. */
    private Mount.Builder probe;

    private MountSection(Section section, String key, Scalars scalars) {
        this.section = section;
        this.key = key;
        this.scalars = scalars;
    }

    /**
     * Reads the mount object {@code mount}, whose key within its vhost is {@code key}
     * (e.g. {@code mounts[0]}).
     */
    static Mount read(Section section, String key, ObjectValue mount, Scalars scalars) throws ConfigException {
        return new MountSection(section, key, scalars).read(mount);
    }

    private Field field(Member member) {
        return new Field(section, key + "." + member.name(), member.at(), member.value());
    }

    private Mount read(ObjectValue mount) throws ConfigException {
        // mountpoint and origin make the builder, so they are read first wherever they are
        // written; of two origins the last counts, as lws does.
        Field mountpoint = null;
        Field origin = null;
        for (Member member : mount.members()) {
            switch (member.name()) {
                case "mountpoint" -> mountpoint = field(member);
                case "origin" -> origin = field(member);
                default -> {
                    // read below
                }
            }
        }
        if (mountpoint == null) {
            throw section.error(mount.at(), key + ".mountpoint", "missing: every mount needs a mountpoint");
        }
        if (origin == null) {
            throw section.error(mount.at(), key + ".origin", "missing: every mount needs an origin");
        }
        String point = scalars.nonEmptyText(mountpoint);
        String from = scalars.nonEmptyText(origin);
        if (!point.startsWith("/")) {
            throw mountpoint.error("must start with '/', found " + MessageText.quote(point));
        }
        if (point.indexOf('\r') >= 0 || point.indexOf('\n') >= 0 || point.indexOf('\0') >= 0) {
            throw mountpoint.error("must not contain CR, LF or NUL");
        }
        try {
            probe = Mount.builder(point, from);
        } catch (IllegalArgumentException e) {
            // the mountpoint passed the same checks above, so the origin is what is wrong
            throw origin.error(e.getMessage());
        }
        PendingKeys.requireBuilt(origin, probe.build().kind());
        for (Member member : mount.members()) {
            readKey(field(member), member.name());
        }
        Mount.Builder builder = Mount.builder(point, from);
        settings.forEach(setting -> setting.accept(builder));
        return builder.build();
    }

    private void readKey(Field f, String name) throws ConfigException {
        switch (name) {
            case "mountpoint", "origin" -> {
                // read first
            }
            case "default" -> {
                String document = scalars.nonEmptyText(f);
                set(f, b -> b.defaultDocument(document));
            }
            case "auth-mask" -> {
                int mask = scalars.integer(f);
                set(f, b -> b.authMask(mask));
            }
            case "basic-auth" -> {
                var file = scalars.path(f);
                set(f, b -> b.basicAuth(file));
            }
            case "cache-max-age" -> {
                int secs = scalars.integer(f);
                set(f, b -> b.cacheMaxAge(secs));
            }
            case "cache-reuse" -> flag(f, Mount.Builder::cacheReuse);
            case "cache-revalidate" -> flag(f, Mount.Builder::cacheRevalidate);
            case "cache-intermediaries" -> flag(f, Mount.Builder::cacheIntermediaries);
            case "cache-no" -> flag(f, Mount.Builder::cacheNo);
            case "exact-match" -> flag(f, Mount.Builder::exactMatch);
            case "append-path" -> flag(f, Mount.Builder::appendPath);
            case "no-ws-upgrades" -> flag(f, Mount.Builder::noWsUpgrades);
            case "keepalive-timeout" -> {
                int secs = scalars.integer(f);
                set(f, b -> b.keepaliveTimeoutSecs(secs));
            }
            case "extra-mimetypes" -> pairs(f, "MIME type", false, (b, suffix, type) -> b.extraMimetype(suffix, type));
            case "interpret" -> pairs(f, "protocol name", true, (b, suffix, protocol) -> b.interpret(suffix, protocol));
            case "headers" -> new HeaderObjects(scalars).read(f, header -> set(b -> b.header(header)));
            case "pmo" -> pmo(f);
            case "cgi-timeout" -> {
                int secs = scalars.integer(f);
                set(f, b -> b.cgiTimeoutSecs(secs));
            }
            case "cgi-env" -> new HeaderObjects(scalars).read(f, variable -> set(b -> b.cgiEnv(variable)));
            case "cgi-chroot" -> {
                String dir = scalars.nonEmptyText(f);
                set(f, b -> b.cgiChroot(dir));
            }
            case "cgi-chdir" -> {
                String dir = scalars.nonEmptyText(f);
                set(f, b -> b.cgiChdir(dir));
            }
            default -> throw PendingKeys.unknown(f);
        }
        PendingKeys.requireBuilt(f, name, PendingKeys.MOUNT);
    }

    /** Tries {@code setting} on the probe, blaming {@code f} for a bad value, and keeps it. */
    private void set(Field f, Consumer<Mount.Builder> setting) throws ConfigException {
        try {
            setting.accept(probe);
        } catch (IllegalArgumentException e) {
            throw f.error(e.getMessage());
        }
        settings.add(setting);
    }

    /** Keeps a setting whose value its reader has already checked. */
    private void set(Consumer<Mount.Builder> setting) {
        setting.accept(probe);
        settings.add(setting);
    }

    private interface FlagSetter {
        void set(Mount.Builder builder, boolean on);
    }

    private interface PairSetter {
        void set(Mount.Builder builder, String name, String value);
    }

    private void flag(Field f, FlagSetter setter) throws ConfigException {
        boolean on = scalars.flag(f);
        set(f, b -> setter.set(b, on));
    }

    /** An object of suffix → value pairs ({@code "extra-mimetypes"}, {@code "interpret"}). */
    private void pairs(Field f, String what, boolean valueRequired, PairSetter setter) throws ConfigException {
        if (!(f.value() instanceof ObjectValue object)) {
            throw f.error("expected an object mapping file suffixes to a " + what + ", found " + f.value().kind());
        }
        for (Member member : object.members()) {
            Field each = new Field(section, f.key() + "." + member.name(), member.at(), member.value());
            if (member.name().isEmpty()) {
                throw each.error("file suffix must not be empty");
            }
            String value = valueRequired ? scalars.nonEmptyText(each) : scalars.text(each);
            set(each, b -> setter.set(b, member.name(), value));
        }
    }

    /** {@code "pmo": [{ "name": "value" }, ...]}: every object's options, merged in order. */
    private void pmo(Field f) throws ConfigException {
        if (!(f.value() instanceof ArrayValue list)) {
            throw f.error("expected an array of option objects, found " + f.value().kind());
        }
        OptionObjects reader = new OptionObjects(section, scalars);
        Options.Builder options = Options.builder();
        for (int i = 0; i < list.elements().size(); i++) {
            JsonValue element = list.elements().get(i);
            String elementKey = f.key() + "[" + i + "]";
            if (!(element instanceof ObjectValue object)) {
                throw section.error(element.at(), elementKey, "expected an object of options, found " + element.kind());
            }
            reader.addAll(options, elementKey, object);
        }
        Options pmo = options.build();
        set(f, b -> b.pmo(pmo));
    }
}
