package org.lightwire.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightwire.api.Privileges;

/**
 * The privilege-key start check. A temporary directory stands in for {@code /proc/self}:
 * it is owned by the user and group running the test, as {@code /proc/self} is.
 */
class RunAsCheckTest {

    @TempDir
    Path self;

    private String user;
    private String group;
    private int uid;
    private int gid;

    @BeforeEach
    void readWhoRunsTheTest() throws IOException {
        PosixFileAttributes attributes = Files.readAttributes(self, PosixFileAttributes.class);
        user = attributes.owner().getName();
        group = attributes.group().getName();
        uid = (Integer) Files.getAttribute(self, "unix:uid");
        gid = (Integer) Files.getAttribute(self, "unix:gid");
    }

    private static Privileges user(String name) {
        return new Privileges(Optional.of(name), Optional.empty(), OptionalInt.empty(), OptionalInt.empty());
    }

    private static Privileges group(String name) {
        return new Privileges(Optional.empty(), Optional.of(name), OptionalInt.empty(), OptionalInt.empty());
    }

    /** A user other than the one running the test; root and nobody exist on every Debian system. */
    private String otherUser() {
        return user.equals("root") ? "nobody" : "root";
    }

    @Test
    void noPrivilegeKeysNeedNoCheck() {
        assertEquals(Optional.empty(), RunAsCheck.refusal(Privileges.NONE, self.resolve("absent")));
    }

    @Test
    void keysNamingTheRunningUserAndGroupStart() {
        Privileges all = new Privileges(Optional.of(user), Optional.of(group), OptionalInt.of(uid), OptionalInt.of(gid));

        assertEquals(Optional.empty(), RunAsCheck.refusal(all, self));
    }

    @Test
    void runningProcessMatchesItsOwnUserThroughProcSelf() {
        assertEquals(Optional.empty(), RunAsCheck.refusal(user(System.getProperty("user.name")), RunAsCheck.PROC_SELF),
                "this test needs Linux' /proc/self");
    }

    @Test
    void anotherUserIsRefusedPointingAtSystemd() {
        String other = otherUser();

        Optional<String> refusal = RunAsCheck.refusal(user(other), self);

        assertEquals(Optional.of("global 'username' is '" + other + "' but lightwire runs as user '" + user + "' (uid "
                + uid + "), group '" + group + "' (gid " + gid + "); Java cannot change its user or group: start "
                + "lightwire as them, e.g. systemd User=/Group= (see packaging/systemd/lightwire.service)"), refusal);
    }

    @Test
    void anotherGroupIsRefused() {
        String other = group.equals("root") ? "nogroup" : "root";

        assertTrue(RunAsCheck.refusal(group(other), self).orElseThrow()
                .startsWith("global 'groupname' is '" + other + "' but lightwire runs as"));
    }

    @Test
    void unknownUserOrGroupIsRefusedAsMissing() {
        assertEquals(Optional.of("global 'username' names user 'lightwire-no-such-user', which does not exist"),
                RunAsCheck.refusal(user("lightwire-no-such-user"), self));
        assertEquals(Optional.of("global 'groupname' names group 'lightwire-no-such-group', which does not exist"),
                RunAsCheck.refusal(group("lightwire-no-such-group"), self));
    }

    @Test
    void otherNumericIdsAreRefused() {
        Privileges wrongUid = new Privileges(Optional.empty(), Optional.empty(), OptionalInt.of(uid + 1),
                OptionalInt.empty());
        Privileges wrongGid = new Privileges(Optional.empty(), Optional.empty(), OptionalInt.empty(),
                OptionalInt.of(gid + 1));

        assertTrue(RunAsCheck.refusal(wrongUid, self).orElseThrow().startsWith("global 'uid' is " + (uid + 1)));
        assertTrue(RunAsCheck.refusal(wrongGid, self).orElseThrow().startsWith("global 'gid' is " + (gid + 1)));
    }

    @Test
    void unreadableIdentityIsRefusedRatherThanAssumedFine() {
        Optional<String> refusal = RunAsCheck.refusal(user(user), self.resolve("absent"));

        assertTrue(refusal.orElseThrow().contains("the running user cannot be read from"), refusal.get());
    }
}
