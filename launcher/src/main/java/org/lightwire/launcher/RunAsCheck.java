package org.lightwire.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.Optional;

import org.lightwire.api.Privileges;

/**
 * The start check of the privilege keys ({@code username}, {@code groupname}, {@code uid},
 * {@code gid}). lws binds as root and then drops to that user and group; a JVM cannot change
 * its user, so Lightwire starts only if it already runs as them (systemd {@code User=} and
 * {@code Group=}, which also bind low ports through {@code AmbientCapabilities=}) and
 * refuses otherwise, rather than serve as root when the config asked not to.
 *
 * <p>Who the process runs as is read from the owner of {@code /proc/self} (Linux gives the
 * process' effective user and group); names are resolved through the JDK's user lookup, so
 * users from NSS sources other than {@code /etc/passwd} work too.
 */
final class RunAsCheck {

    /** The directory whose owner and group are the running process' effective ones. */
    static final Path PROC_SELF = Path.of("/proc/self");

    private static final String HOW = "Java cannot change its user or group: start lightwire as them, e.g. systemd "
            + "User=/Group= (see packaging/systemd/lightwire.service)";

    private RunAsCheck() {
    }

    /** Why the process, identified by the owner of {@code self}, does not match {@code wanted}; empty if it does. */
    static Optional<String> refusal(Privileges wanted, Path self) {
        if (!wanted.requested()) {
            return Optional.empty();
        }
        PosixFileAttributes running;
        int uid;
        int gid;
        try {
            running = Files.readAttributes(self, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            uid = (Integer) Files.getAttribute(self, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            gid = (Integer) Files.getAttribute(self, "unix:gid", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.of("the global privilege keys are set but the running user cannot be read from " + self
                    + " (" + e.getClass().getSimpleName() + "); " + HOW);
        }
        UserPrincipalLookupService users = self.getFileSystem().getUserPrincipalLookupService();
        String runningAs = "user '" + running.owner().getName() + "' (uid " + uid + "), group '"
                + running.group().getName() + "' (gid " + gid + ")";
        if (wanted.username().isPresent()) {
            Optional<String> problem = compare("username", wanted.username().get(), false, running.owner(), users,
                    runningAs);
            if (problem.isPresent()) {
                return problem;
            }
        }
        if (wanted.groupname().isPresent()) {
            Optional<String> problem = compare("groupname", wanted.groupname().get(), true, running.group(), users,
                    runningAs);
            if (problem.isPresent()) {
                return problem;
            }
        }
        if (wanted.uid().isPresent() && wanted.uid().getAsInt() != uid) {
            return Optional.of("global 'uid' is " + wanted.uid().getAsInt() + " but lightwire runs as " + runningAs
                    + "; " + HOW);
        }
        if (wanted.gid().isPresent() && wanted.gid().getAsInt() != gid) {
            return Optional.of("global 'gid' is " + wanted.gid().getAsInt() + " but lightwire runs as " + runningAs
                    + "; " + HOW);
        }
        return Optional.empty();
    }

    /**
     * Empty if {@code name} is the running user (or group). The JDK's principals compare by
     * numeric id, so two names for one id count as the same.
     */
    private static Optional<String> compare(String key, String name, boolean group, UserPrincipal running,
                                            UserPrincipalLookupService users, String runningAs) {
        UserPrincipal wanted;
        try {
            wanted = group ? users.lookupPrincipalByGroupName(name) : users.lookupPrincipalByName(name);
        } catch (UserPrincipalNotFoundException e) {
            return Optional.of("global '" + key + "' names " + (group ? "group" : "user") + " '" + name
                    + "', which does not exist");
        } catch (IOException e) {
            return Optional.of("global '" + key + "': cannot look up '" + name + "' (" + e.getMessage() + ")");
        }
        if (wanted.equals(running)) {
            return Optional.empty();
        }
        return Optional.of("global '" + key + "' is '" + name + "' but lightwire runs as " + runningAs + "; " + HOW);
    }
}
