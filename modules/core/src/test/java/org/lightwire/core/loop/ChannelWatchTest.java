package org.lightwire.core.loop;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lightwire.api.Context;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.ServiceLoop;
import org.lightwire.core.CoreContextFactory;
import org.lightwire.core.registry.FixedRegistry;

/** A foreign channel in the loop's own selector: readiness on the loop, one-shot interest. */
class ChannelWatchTest {

    private Context context;
    private ServiceLoop loop;
    private Pipe pipe;

    @BeforeEach
    void start() throws Exception {
        context = new CoreContextFactory(new FixedRegistry()).create(ContextSettings.builder().build());
        loop = context.loops().get(0);
        pipe = Pipe.open();
    }

    @AfterEach
    void stop() throws Exception {
        context.close();
        pipe.source().close();
        pipe.sink().close();
    }

    private <T> T onLoop(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                f.complete(work.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(5, TimeUnit.SECONDS);
    }

    @Test
    void readinessRunsTheHandlerOnTheLoopOnceUntilReArmed() throws Exception {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        ServiceLoop.ChannelWatch watch = onLoop(() -> loop.watch(pipe.source(), SelectionKey.OP_READ,
                ops -> events.add(Thread.currentThread().getName() + " ops=" + ops)));
        pipe.sink().write(ByteBuffer.wrap(new byte[] {1}));

        String first = events.poll(5, TimeUnit.SECONDS);
        assertTrue(first != null && first.startsWith("lightwire-loop-0") && first.endsWith("ops=" + SelectionKey.OP_READ),
                String.valueOf(first));
        assertNull(events.poll(200, TimeUnit.MILLISECONDS), "one-shot: the unread byte reports nothing more");

        onLoop(() -> {
            watch.interest(SelectionKey.OP_READ);
            return null;
        });
        assertTrue(events.poll(5, TimeUnit.SECONDS) != null, "re-armed: still readable, reported again");
        onLoop(() -> {
            watch.close();
            watch.interest(SelectionKey.OP_READ); // after close: ignored
            return null;
        });
        assertNull(events.poll(200, TimeUnit.MILLISECONDS));
    }

    @Test
    void watchingFromAnotherThreadIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> loop.watch(pipe.source(), SelectionKey.OP_READ, ops -> { }));
        assertTrue(e.getMessage().contains("only the loop's own thread"), e.getMessage());
    }
}
