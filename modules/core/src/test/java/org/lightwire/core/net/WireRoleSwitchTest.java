package org.lightwire.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lightwire.api.Options;
import org.lightwire.api.Protocol;
import org.lightwire.api.ProtocolProvider;
import org.lightwire.api.RetryPolicy;
import org.lightwire.api.Vhost;
import org.lightwire.core.embedded.EmbeddedConnection;
import org.lightwire.spi.Role;
import org.lightwire.spi.RoleBinding;
import org.lightwire.spi.RoleHandler;
import org.lightwire.spi.RoleSwitch;

/**
 * {@link RoleBinding#switchRole} (lws {@code lws_role_transition}): the new role's handler
 * takes over at once, gets {@code switchedIn} with the handoff instead of {@code opened},
 * and every later event; the old one hears nothing more. The harness installs one role, so
 * the role under test hands out the "before" handler on a connection's first bind and the
 * "after" handler on the bind the switch asks for.
 */
class WireRoleSwitchTest {

    private static final String ROLE = "switching";

    private final List<String> events = new ArrayList<>();

    /** Before the switch: "up" in the input makes it switch, with what follows as leftover. */
    private final class Before implements RoleHandler {
        private final RoleBinding binding;
        String switchTo = ROLE;
        Boolean switched;

        Before(RoleBinding binding) {
            this.binding = binding;
        }

        @Override
        public void opened() {
            events.add("before opened");
        }

        @Override
        public void received(ByteBuffer data) {
            String text = StandardCharsets.UTF_8.decode(data.duplicate()).toString();
            events.add("before received " + text);
            if (text.startsWith("up")) {
                data.position(data.position() + 2);
                ByteBuffer leftover = ByteBuffer.allocate(data.remaining()).put(data).flip();
                switched = binding.switchRole(switchTo, new RoleSwitch("before", Optional.empty(), leftover));
                events.add("switch returned " + switched);
            } else {
                data.position(data.limit());
            }
        }

        @Override
        public void writeable() {
            events.add("before writeable");
        }

        @Override
        public void write(ByteBuffer data) {
            events.add("before write");
        }

        @Override
        public void closed() {
            events.add("before closed");
        }
    }

    private final class After implements RoleHandler {
        private final RoleBinding binding;
        RuntimeException failSwitch;

        After(RoleBinding binding) {
            this.binding = binding;
        }

        @Override
        public void opened() {
            events.add("after opened");
        }

        @Override
        public void switchedIn(RoleSwitch handoff) {
            events.add("after switchedIn from " + handoff.fromRole() + " leftover "
                    + StandardCharsets.UTF_8.decode(handoff.leftover()) + " protocol " + binding.connection().protocolName());
            if (failSwitch != null) {
                throw failSwitch;
            }
        }

        @Override
        public void received(ByteBuffer data) {
            events.add("after received " + StandardCharsets.UTF_8.decode(data));
        }

        @Override
        public void writeable() {
            events.add("after writeable");
            binding.send(ByteBuffer.wrap("out".getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public void write(ByteBuffer data) {
            events.add("after write");
        }

        @Override
        public boolean hasValidityPing() {
            return true;
        }

        @Override
        public void sendValidityPing() {
            events.add("after ping");
        }

        @Override
        public void closed() {
            events.add("after closed");
        }
    }

    private Before before;
    private After after;
    private RuntimeException afterFails;

    private final Role role = new Role() {
        @Override
        public String name() {
            return ROLE;
        }

        @Override
        public RoleHandler bind(RoleBinding binding) {
            if (before == null) {
                before = new Before(binding);
                return before;
            }
            after = new After(binding);
            after.failSwitch = afterFails;
            return after;
        }
    };

    private static final ProtocolProvider PROTOCOL = new ProtocolProvider() {
        @Override
        public String name() {
            return "p";
        }

        @Override
        public Protocol create(Vhost vhost, Options options) {
            return new Protocol() { };
        }
    };

    private EmbeddedConnection connect(RetryPolicy policy) {
        return EmbeddedConnection.builder(role, PROTOCOL).retryPolicy(policy).build();
    }

    private EmbeddedConnection connect() {
        return connect(RetryPolicy.builder().secsSinceValidPing(0).secsSinceValidHangup(0).build());
    }

    @Test
    void newHandlerGetsSwitchedInWithTheLeftoverBeforeSwitchReturns() {
        try (EmbeddedConnection c = connect()) {
            c.writeInbound("up-rest");

            assertEquals(List.of("before opened", "before received up-rest",
                    "after switchedIn from before leftover -rest protocol p", "switch returned true"), events);
        }
    }

    @Test
    void laterEventsGoToTheNewHandlerOnly() {
        try (EmbeddedConnection c = connect()) {
            c.writeInbound("up");
            events.clear();
            c.writeInbound("frames");
            c.run(() -> c.connection().requestWriteable());
            assertEquals("out", c.readOutboundString());
            c.connection().close();

            assertEquals(List.of("after received frames", "after writeable", "after closed"), events);
            assertFalse(c.isOpen());
        }
    }

    @Test
    void protocolBindingStaysAcrossTheSwitch() {
        try (EmbeddedConnection c = connect()) {
            c.writeInbound("up");
            assertEquals("p", c.connection().protocolName());
            assertEquals(ROLE, c.connection().roleName());
        }
    }

    @Test
    void unknownRoleLeavesTheConnectionWithTheCaller() {
        try (EmbeddedConnection c = connect()) {
            c.run(() -> { });
            before.switchTo = "no-such-role";
            c.writeInbound("up");
            c.writeInbound("more");

            assertEquals(Boolean.FALSE, before.switched);
            assertTrue(events.contains("before received more"), events.toString());
            assertSame(null, after);
            assertTrue(c.isOpen());
        }
    }

    @Test
    void switchedInThatThrowsClosesTheConnection() {
        afterFails = new IllegalStateException("refused");
        try (EmbeddedConnection c = connect()) {
            c.writeInbound("up");

            assertFalse(c.isOpen());
            assertTrue(events.contains("after closed"), events.toString());
            assertFalse(events.contains("before closed"), events.toString());
        }
    }

    @Test
    void validityTimersRestartForTheNewRole() {
        RetryPolicy policy = RetryPolicy.builder().secsSinceValidPing(10).secsSinceValidHangup(20).build();
        try (EmbeddedConnection c = connect(policy)) {
            c.advanceSeconds(5);
            c.writeInbound("up");
            c.advanceSeconds(9);
            assertFalse(events.contains("after ping"), "timers counted from the switch: " + events);
            c.advanceSeconds(1);
            assertTrue(events.contains("after ping"), events.toString());
            c.advanceSeconds(10);
            assertFalse(c.isOpen(), "no proof of validity after the ping: hung up");
        }
    }
}
