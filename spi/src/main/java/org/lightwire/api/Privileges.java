package org.lightwire.api;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The user and group lwsws' global {@code "username"}, {@code "groupname"}, {@code "uid"}
 * and {@code "gid"} ask the server to run as (lws {@code info->username}, {@code groupname},
 * {@code uid}, {@code gid}: lws drops root privileges to them after binding).
 *
 * <p>A JVM cannot change its own user, so Lightwire treats them as an assertion: the
 * launcher starts only if the process already runs as the named user and group (arranged
 * by systemd's {@code User=}/{@code Group=}), and refuses otherwise.
 *
 * @param username  user name to run as
 * @param groupname group name to run as
 * @param uid       numeric user id to run as; when both a name and an id are given, both must match
 * @param gid       numeric group id to run as
 */
public record Privileges(Optional<String> username, Optional<String> groupname, OptionalInt uid, OptionalInt gid) {

    /** No privilege keys given: run as whoever started the process. */
    public static final Privileges NONE = new Privileges(Optional.empty(), Optional.empty(),
            OptionalInt.empty(), OptionalInt.empty());

    public Privileges {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(groupname, "groupname");
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(gid, "gid");
        username.ifPresent(u -> requireName("username", u));
        groupname.ifPresent(g -> requireName("groupname", g));
        if (uid.isPresent() && uid.getAsInt() < 0) {
            throw new IllegalArgumentException("uid must be 0 or more, not " + uid.getAsInt());
        }
        if (gid.isPresent() && gid.getAsInt() < 0) {
            throw new IllegalArgumentException("gid must be 0 or more, not " + gid.getAsInt());
        }
    }

    /** Whether any privilege key was given. */
    public boolean requested() {
        return username.isPresent() || groupname.isPresent() || uid.isPresent() || gid.isPresent();
    }

    private static void requireName(String key, String name) {
        if (name.isEmpty() || Header.indexOfControl(name) >= 0 || name.indexOf(':') >= 0 || name.indexOf('/') >= 0) {
            throw new IllegalArgumentException(key + " '" + Header.printable(name)
                    + "' is not a valid name (empty, or holds ':', '/', CR, LF or NUL)");
        }
    }
}
