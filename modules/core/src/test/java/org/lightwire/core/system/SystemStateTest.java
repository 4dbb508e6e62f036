package org.lightwire.core.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.lightwire.api.Context;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.ServiceLoop;
import org.lightwire.api.SystemState;
import org.lightwire.api.SystemState.Decision;
import org.lightwire.api.SystemState.State;
import org.lightwire.core.CoreContextFactory;
import org.lightwire.core.probe.Loops;
import org.lightwire.core.registry.FixedRegistry;

/** lws_system states: stepped in order, notifiers may defer or refuse, attach waits for a state. */
class SystemStateTest {

    /** The states from CONTEXT_CREATED (exclusive) to OPERATIONAL (inclusive). */
    private static final List<State> TO_OPERATIONAL =
            Arrays.asList(State.values()).subList(State.INITIALIZED.ordinal(), State.OPERATIONAL.ordinal() + 1);

    /** Remembers every step proposed and entered; decides with a function the test sets. */
    private static final class Watcher implements SystemState.Notifier {
        final List<String> proposed = new ArrayList<>();
        final List<State> entered = new ArrayList<>();
        BiFunction<State, State, Decision> decide = (from, to) -> Decision.PROCEED;

        @Override
        public String name() {
            return "watcher";
        }

        @Override
        public Decision beforeStep(State from, State to) {
            proposed.add(from + "->" + to);
            return decide.apply(from, to);
        }

        @Override
        public void entered(State state) {
            entered.add(state);
        }
    }

    /** A machine whose steps run on the calling thread, so each call finishes its steps. */
    private final SystemStateMachine machine = new SystemStateMachine(Runnable::run);
    private final Watcher watcher = new Watcher();

    {
        machine.register(watcher);
    }

    @Test
    void stepsThroughEveryStateInOrderToOperational() {
        machine.transitionTo(State.OPERATIONAL);

        assertEquals(TO_OPERATIONAL, watcher.entered);
        assertEquals(State.OPERATIONAL, machine.current());
        assertEquals(State.OPERATIONAL, machine.target());
        assertEquals("CONTEXT_CREATED->INITIALIZED", watcher.proposed.get(0));
        assertEquals("AUTH2->OPERATIONAL", watcher.proposed.get(watcher.proposed.size() - 1));
    }

    @Test
    void deferHoldsTheCurrentStateUntilResume() {
        boolean[] deferredOnce = {false};
        watcher.decide = (from, to) -> {
            if (to == State.TIME_VALID && !deferredOnce[0]) {
                deferredOnce[0] = true;
                return Decision.DEFER; // e.g. waiting for NTP
            }
            return Decision.PROCEED;
        };

        machine.transitionTo(State.OPERATIONAL);
        assertEquals(State.DHCP, machine.current());
        assertEquals(State.OPERATIONAL, machine.target(), "still on the way");

        machine.resume();
        assertEquals(State.OPERATIONAL, machine.current());
        assertEquals(TO_OPERATIONAL, watcher.entered);
    }

    @Test
    void resumeWhileTheNotifierStillDefersStaysPut() {
        watcher.decide = (from, to) -> to == State.REGISTERED ? Decision.DEFER : Decision.PROCEED;
        machine.transitionTo(State.OPERATIONAL);

        machine.resume();

        assertEquals(State.POLICY_VALID, machine.current());
    }

    @Test
    void refuseAbandonsTheTransition() {
        watcher.decide = (from, to) -> to == State.AUTH1 ? Decision.REFUSE : Decision.PROCEED;

        machine.transitionTo(State.OPERATIONAL);

        assertEquals(State.REGISTERED, machine.current());
        assertEquals(State.REGISTERED, machine.target(), "the target becomes the current state");
        machine.resume();
        assertEquals(State.REGISTERED, machine.current(), "nothing left to resume");
    }

    @Test
    void newTransitionAfterARefusalCanProceed() {
        watcher.decide = (from, to) -> to == State.AUTH1 ? Decision.REFUSE : Decision.PROCEED;
        machine.transitionTo(State.OPERATIONAL);

        watcher.decide = (from, to) -> Decision.PROCEED;
        machine.transitionTo(State.OPERATIONAL);

        assertEquals(State.OPERATIONAL, machine.current());
    }

    @Test
    void policyInvalidThenOperationalRestartsFromInitialized() {
        machine.transitionTo(State.OPERATIONAL);
        watcher.entered.clear();

        machine.transitionTo(State.POLICY_INVALID);
        assertEquals(List.of(State.POLICY_INVALID), watcher.entered, "straight to policy-invalid");

        machine.transitionTo(State.OPERATIONAL);
        List<State> expected = new ArrayList<>(List.of(State.POLICY_INVALID));
        expected.addAll(TO_OPERATIONAL);
        assertEquals(expected, watcher.entered);
    }

    @Test
    void hasReachedFollowsTheOrderExceptForPolicyInvalid() {
        machine.transitionTo(State.DHCP);

        assertTrue(machine.hasReached(State.INITIALIZED));
        assertTrue(machine.hasReached(State.DHCP));
        assertFalse(machine.hasReached(State.TIME_VALID));

        machine.transitionTo(State.POLICY_INVALID);
        assertFalse(machine.hasReached(State.INITIALIZED), "policy-invalid has reached nothing but itself");
        assertTrue(machine.hasReached(State.POLICY_INVALID));
    }

    @Test
    void failingNotifierRefusesTheStep() {
        watcher.decide = (from, to) -> {
            throw new IllegalStateException("notifier bug");
        };

        machine.transitionTo(State.OPERATIONAL);

        assertEquals(State.CONTEXT_CREATED, machine.current());
    }

    @Test
    void unregisteredNotifierIsNoLongerAsked() throws Exception {
        Watcher other = new Watcher();
        AutoCloseable handle = machine.register(other);
        handle.close();

        machine.transitionTo(State.OPERATIONAL);

        assertTrue(other.proposed.isEmpty());
    }

    // ---- a real context ----

    /** Defers the last step to operational until resumed, telling the test when it does. */
    private static final class HoldBeforeOperational implements SystemState.Notifier {
        final CountDownLatch holding = new CountDownLatch(1);
        final List<State> entered = new CopyOnWriteArrayList<>();
        volatile boolean release;

        @Override
        public String name() {
            return "hold";
        }

        @Override
        public Decision beforeStep(State from, State to) {
            if (to == State.OPERATIONAL && !release) {
                holding.countDown();
                return Decision.DEFER;
            }
            return Decision.PROCEED;
        }

        @Override
        public void entered(State state) {
            entered.add(state);
        }
    }

    @Test
    void contextStepsToOperationalAndNotifiersFromSettingsSeeEveryState() throws Exception {
        HoldBeforeOperational hold = new HoldBeforeOperational();
        hold.release = true;
        try (Context context = new CoreContextFactory(new FixedRegistry())
                .create(ContextSettings.builder().systemNotifier(hold).build())) {
            Loops.drain(context);

            assertEquals(State.OPERATIONAL, context.systemState().current());
            assertEquals(TO_OPERATIONAL, hold.entered);
        }
    }

    @Test
    void attachFromAForeignThreadRunsOnTheChosenLoopOnceTheStateIsReached() throws Exception {
        HoldBeforeOperational hold = new HoldBeforeOperational();
        try (Context context = new CoreContextFactory(new FixedRegistry())
                .create(ContextSettings.builder().countThreads(2).systemNotifier(hold).build())) {
            assertTrue(hold.holding.await(5, TimeUnit.SECONDS));
            assertEquals(State.AUTH2, context.systemState().current());
            CompletableFuture<ServiceLoop> ranOn = new CompletableFuture<>();
            boolean[] onThatLoopsThread = new boolean[1];

            context.attach(1, State.OPERATIONAL, loop -> {
                onThatLoopsThread[0] = loop.inLoop();
                ranOn.complete(loop);
            });
            Loops.drain(context);
            assertFalse(ranOn.isDone(), "operational is not reached yet");

            hold.release = true;
            context.systemState().resume();

            assertEquals(1, ranOn.get(5, TimeUnit.SECONDS).index());
            assertTrue(onThatLoopsThread[0], "the callback runs on loop 1's own thread");
            assertEquals(State.OPERATIONAL, context.systemState().current());
        }
    }

    @Test
    void attachForAStateAlreadyReachedRunsSoon() throws Exception {
        try (Context context = new CoreContextFactory(new FixedRegistry()).create(ContextSettings.builder().build())) {
            Loops.drain(context);
            CompletableFuture<Boolean> onLoop = new CompletableFuture<>();

            context.attach(0, State.INITIALIZED, loop -> onLoop.complete(loop.inLoop()));

            assertTrue(onLoop.get(5, TimeUnit.SECONDS));
        }
    }
}
