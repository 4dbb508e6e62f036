package org.lightwire.core.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lightwire.api.ClientRequest;
import org.lightwire.api.Connection;
import org.lightwire.api.Context;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.Options;
import org.lightwire.api.ProtocolProvider;
import org.lightwire.api.RetryPolicy;
import org.lightwire.api.Sequencer;
import org.lightwire.api.SequencerEvent;
import org.lightwire.api.SequencerEvent.Kind;
import org.lightwire.api.SequencerHandler;
import org.lightwire.api.SequencerHandler.Result;
import org.lightwire.api.VhostSettings;
import org.lightwire.core.CoreContext;
import org.lightwire.core.CoreContextFactory;
import org.lightwire.core.loop.EventLoop;
import org.lightwire.core.probe.CountingResolver;
import org.lightwire.core.probe.ProbeProtocol;
import org.lightwire.core.probe.ProbeRole;
import org.lightwire.core.probe.Servers;
import org.lightwire.core.registry.FixedRegistry;
import org.lightwire.spi.Resolver;
import org.lightwire.spi.Role;

/** lws_sequencer: ordered events, one per loop pass, its own timeout, connection lifecycle events. */
class SequencerTest {

    /** A hand-driven context: the test thread is loop 0 and moves the clock. */
    private long now;
    private CoreContext handDriven;
    private Context real;

    @AfterEach
    void stop() {
        if (handDriven != null) {
            handDriven.close();
        }
        if (real != null) {
            real.close();
        }
    }

    private EventLoop handDrivenLoop() {
        handDriven = CoreContext.handDriven(ContextSettings.builder().build(), new FixedRegistry(), () -> now);
        EventLoop loop = handDriven.eventLoops().get(0);
        while (loop.hasPendingWork()) {
            loop.runOnce(0); // start-up work (system state steps)
        }
        return loop;
    }

    /** Records every event it gets, and answers with what the test says. */
    private static final class Recorder implements SequencerHandler {
        final List<SequencerEvent> events = new ArrayList<>();
        volatile Result answer = Result.CONTINUE;

        @Override
        public Result onEvent(Sequencer sequencer, SequencerEvent event) {
            events.add(event);
            return event.kind() == Kind.USER && event.code() == 99 ? Result.DESTROY : answer;
        }

        List<Kind> kinds() {
            return events.stream().map(SequencerEvent::kind).toList();
        }

        List<Integer> userCodes() {
            return events.stream().filter(e -> e.kind() == Kind.USER).map(SequencerEvent::code).toList();
        }
    }

    @Test
    void createdIsTheFirstEvent() {
        EventLoop loop = handDrivenLoop();
        Recorder r = new Recorder();

        handDriven.createSequencer("s", 0, RetryPolicy.DEFAULT, r);
        loop.runOnce(0);

        assertEquals(List.of(Kind.CREATED), r.kinds());
    }

    @Test
    void eventsArriveInOrderAtMostOnePerLoopPass() {
        EventLoop loop = handDrivenLoop();
        Recorder r = new Recorder();
        Sequencer s = handDriven.createSequencer("s", 0, RetryPolicy.DEFAULT, r);
        s.queue(1, "a");
        s.queue(2, "b");
        s.queue(3, "c");

        List<Integer> deliveredPerPass = new ArrayList<>();
        for (int pass = 0; pass < 6; pass++) {
            int before = r.events.size();
            loop.runOnce(0);
            deliveredPerPass.add(r.events.size() - before);
        }

        assertEquals(List.of(1, 1, 1, 1, 0, 0), deliveredPerPass);
        assertEquals(List.of(Kind.CREATED, Kind.USER, Kind.USER, Kind.USER), r.kinds());
        assertEquals(List.of(1, 2, 3), r.userCodes());
        assertEquals("b", r.events.get(2).data());
    }

    @Test
    void eachSequencerGetsOneEventPerPass() {
        EventLoop loop = handDrivenLoop();
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        Sequencer sa = handDriven.createSequencer("a", 0, RetryPolicy.DEFAULT, a);
        Sequencer sb = handDriven.createSequencer("b", 0, RetryPolicy.DEFAULT, b);
        sa.queue(1, null);
        sb.queue(1, null);

        loop.runOnce(0);

        assertEquals(List.of(Kind.CREATED), a.kinds());
        assertEquals(List.of(Kind.CREATED), b.kinds());
    }

    @Test
    void eventQueuedFromAnotherThreadIsDeliveredOnTheLoop() throws Exception {
        EventLoop loop = handDrivenLoop();
        List<Boolean> onLoop = new ArrayList<>();
        Sequencer s = handDriven.createSequencer("s", 0, RetryPolicy.DEFAULT, (seq, e) -> {
            onLoop.add(seq.loop().inLoop());
            return Result.CONTINUE;
        });
        Thread t = new Thread(() -> s.queue(7, null));
        t.start();
        t.join();

        loop.runOnce(0);
        loop.runOnce(0);

        assertEquals(List.of(true, true), onLoop);
    }

    @Test
    void timeoutQueuesTimedOutAndClosesNothing() {
        EventLoop loop = handDrivenLoop();
        Recorder r = new Recorder();
        Sequencer s = handDriven.createSequencer("s", 0, RetryPolicy.DEFAULT, r);
        loop.runOnce(0);
        s.setTimeout(5);

        now += 4_999_999;
        loop.runOnce(0);
        assertEquals(List.of(Kind.CREATED), r.kinds());

        now += 1;
        loop.runOnce(0);
        assertEquals(List.of(Kind.CREATED, Kind.TIMED_OUT), r.kinds());
        assertFalse(s.isDestroyed(), "a sequencer timeout only sends the event");
    }

    @Test
    void zeroDisarmsTheTimeout() {
        EventLoop loop = handDrivenLoop();
        Recorder r = new Recorder();
        Sequencer s = handDriven.createSequencer("s", 0, RetryPolicy.DEFAULT, r);
        s.setTimeout(5);
        s.setTimeout(0);

        now += 60_000_000;
        loop.runOnce(0);
        loop.runOnce(0);

        assertEquals(List.of(Kind.CREATED), r.kinds());
    }

    @Test
    void destroyResultDestroysAndDeliversDestroyedAndDropsTheRest() {
        EventLoop loop = handDrivenLoop();
        Recorder r = new Recorder();
        Sequencer s = handDriven.createSequencer("s", 0, RetryPolicy.DEFAULT, r);
        s.queue(99, null); // answered with DESTROY
        s.queue(100, null);

        for (int i = 0; i < 5; i++) {
            loop.runOnce(0);
        }

        assertTrue(s.isDestroyed());
        assertEquals(List.of(Kind.CREATED, Kind.USER, Kind.DESTROYED), r.kinds());
        s.queue(101, null);
        loop.runOnce(0);
        assertEquals(3, r.events.size(), "a destroyed sequencer gets nothing more");
    }

    @Test
    void destroyingDeliversDestroyedOnce() {
        EventLoop loop = handDrivenLoop();
        Recorder r = new Recorder();
        Sequencer s = handDriven.createSequencer("s", 0, RetryPolicy.DEFAULT, r);
        loop.runOnce(0);

        s.destroy();
        s.destroy();

        assertEquals(List.of(Kind.CREATED, Kind.DESTROYED), r.kinds());
    }

    @Test
    void contextCloseDestroysLiveSequencers() {
        handDrivenLoop();
        Recorder r = new Recorder();
        Sequencer s = handDriven.createSequencer("s", 0, RetryPolicy.DEFAULT, r);

        handDriven.close();
        handDriven = null;

        assertTrue(s.isDestroyed());
        assertEquals(Kind.DESTROYED, r.kinds().get(r.kinds().size() - 1));
    }

    @Test
    void loopOnlyOperationsRefuseOtherThreads() throws Exception {
        handDrivenLoop();
        Sequencer s = handDriven.createSequencer("s", 0, RetryPolicy.DEFAULT, new Recorder());
        AtomicInteger refused = new AtomicInteger();
        Thread t = new Thread(() -> {
            for (Runnable op : List.<Runnable>of(() -> s.setTimeout(1), s::destroy, () -> s.checkConnection(null))) {
                try {
                    op.run();
                } catch (IllegalStateException e) {
                    refused.incrementAndGet();
                }
            }
        });
        t.start();
        t.join();

        assertEquals(3, refused.get());
        assertFalse(s.isDestroyed());
    }

    // ---- connection lifecycle events, on a real context ----

    private final ProbeProtocol server = new ProbeProtocol("server").echo();
    private final ProbeProtocol client = new ProbeProtocol();
    private final CountingResolver resolver = new CountingResolver();

    private Context realContext() {
        FixedRegistry registry = new FixedRegistry().add(Role.class, ProbeRole.withoutPing())
                .add(ProtocolProvider.class, server).add(ProtocolProvider.class, client)
                .add(Resolver.class, resolver);
        real = new CoreContextFactory(registry).create(ContextSettings.builder()
                .vhost(Servers.listenAccept("server", ProbeRole.NAME, "server"))
                .vhost(VhostSettings.builder("client").protocol(ProbeProtocol.NAME, Options.EMPTY).build()).build());
        return real;
    }

    /** Collects events for a test thread to wait on. */
    private static final class Collector implements SequencerHandler {
        final BlockingQueue<SequencerEvent> events = new LinkedBlockingQueue<>();
        volatile java.util.function.BiFunction<Sequencer, SequencerEvent, Result> react = (s, e) -> Result.CONTINUE;

        @Override
        public Result onEvent(Sequencer sequencer, SequencerEvent event) {
            events.add(event);
            return react.apply(sequencer, event);
        }

        SequencerEvent next() throws InterruptedException {
            SequencerEvent e = events.poll(10, TimeUnit.SECONDS);
            if (e == null) {
                throw new AssertionError("no sequencer event within 10 s");
            }
            return e;
        }
    }

    private ClientRequest.Builder request(int port, Sequencer s) {
        return ClientRequest.builder("127.0.0.1", port).role(ProbeRole.NAME).protocol(ProbeProtocol.NAME).sequencer(s);
    }

    @Test
    void clientConnectionReportsConnectedThenClosed() throws Exception {
        Context context = realContext();
        Collector events = new Collector();
        Sequencer s = context.createSequencer("s", 0, RetryPolicy.DEFAULT, events);
        assertEquals(Kind.CREATED, events.next().kind());
        int port = Servers.address(context.vhost("server").orElseThrow()).getPort();

        Connection c = context.vhost("client").orElseThrow().connect(request(port, s).build());

        SequencerEvent connected = events.next();
        assertEquals(Kind.CONNECTION_CONNECTED, connected.kind());
        assertSame(c, connected.connection());
        assertSame(s.loop(), c.loop(), "a sequencer's connections live on its loop");
        server.awaitOpened().close(); // the peer hangs up
        SequencerEvent closed = events.next();
        assertEquals(Kind.CONNECTION_CLOSED, closed.kind());
        assertSame(c, closed.connection());
    }

    @Test
    void checkConnectionSeesAQueuedCloseBeforeItIsDelivered() throws Exception {
        Context context = realContext();
        Collector events = new Collector();
        boolean[] before = new boolean[1];
        boolean[] after = new boolean[1];
        events.react = (seq, e) -> {
            if (e.kind() == Kind.CONNECTION_CONNECTED) {
                before[0] = seq.checkConnection(e.connection());
                e.connection().close(); // on the loop: its close event is queued behind this one
                after[0] = seq.checkConnection(e.connection());
            }
            return Result.CONTINUE;
        };
        Sequencer s = context.createSequencer("s", 0, RetryPolicy.DEFAULT, events);
        int port = Servers.address(context.vhost("server").orElseThrow()).getPort();

        context.vhost("client").orElseThrow().connect(request(port, s).build());

        assertEquals(Kind.CREATED, events.next().kind());
        assertEquals(Kind.CONNECTION_CONNECTED, events.next().kind());
        assertEquals(Kind.CONNECTION_CLOSED, events.next().kind());
        assertFalse(before[0]);
        assertTrue(after[0]);
    }

    @Test
    void failedConnectIsReportedOnceAfterTheConcealedRetries() throws Exception {
        Context context = realContext();
        Collector events = new Collector();
        Sequencer s = context.createSequencer("s", 0, RetryPolicy.DEFAULT, events);
        assertEquals(Kind.CREATED, events.next().kind());
        RetryPolicy policy = RetryPolicy.builder().retryMillis(20).concealCount(2).build();

        Connection c = context.vhost("client").orElseThrow().connect(request(Servers.closedPort(), s).retryPolicy(policy).build());

        SequencerEvent failed = events.next();
        assertEquals(Kind.CONNECTION_FAILED, failed.kind());
        assertSame(c, failed.connection());
        context.close(); // joins the loops
        assertEquals(List.of(Kind.DESTROYED), events.events.stream().map(SequencerEvent::kind).toList(),
                "no second failure report, no close event");
        assertEquals(1, client.count("connectFailed"));
        assertEquals(3, resolver.lookups(), "one attempt and two concealed retries");
    }

    @Test
    void sequencerOnAMissingLoopIsRefused() {
        handDrivenLoop();
        assertThrows(IndexOutOfBoundsException.class,
                () -> handDriven.createSequencer("s", 1, RetryPolicy.DEFAULT, new Recorder()));
    }
}
