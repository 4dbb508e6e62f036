package org.lightwire.plugin.sshddemo;

import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.lightwire.api.Connection;
import org.lightwire.api.ServiceLoop;
import org.lightwire.ssh.SshChannel;
import org.lightwire.ssh.SshPty;

/**
 * An {@link SshChannel} as ssh-base would hand it to the ops, recording what the ops report
 * back. The test thread plays the loop: tasks the ops post with {@code loop().execute} wait
 * in {@link #tasks} until the test runs them.
 */
final class FakeChannel implements SshChannel {

    final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    final AtomicInteger txRequests = new AtomicInteger();
    volatile Boolean rxEnabled;
    volatile Integer exitStatus;
    volatile boolean closed;
    private Object attachment;
    private final Connection connection;

    private final int window;

    FakeChannel() {
        this(2 * 1024 * 1024);
    }

    /** @param window what ssh-base would report as the channel's receive window */
    FakeChannel(int window) {
        this.window = window;
        ServiceLoop loop = (ServiceLoop) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ServiceLoop.class},
                (p, m, a) -> switch (m.getName()) {
                    case "execute" -> {
                        tasks.add((Runnable) a[0]);
                        yield null;
                    }
                    case "inLoop" -> false;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (p, m, a) -> switch (m.getName()) {
                    case "loop" -> loop;
                    case "id" -> 1L;
                    case "peerAddress" -> Optional.empty();
                    case "toString" -> "fake connection";
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    /** Runs the posted loop tasks. */
    void runTasks() {
        Runnable r;
        while ((r = tasks.poll()) != null) {
            r.run();
        }
    }

    @Override
    public int id() {
        return 0;
    }

    @Override
    public String user() {
        return "tester";
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public Optional<SshPty> pty() {
        return Optional.empty();
    }

    @Override
    public Object attachment() {
        return attachment;
    }

    @Override
    public void attach(Object a) {
        attachment = a;
    }

    @Override
    public int rxWindowSize() {
        return window;
    }

    @Override
    public int rxMaxPacket() {
        return 32768;
    }

    @Override
    public void requestTx() {
        txRequests.incrementAndGet();
    }

    @Override
    public void rxFlowControl(boolean enable) {
        rxEnabled = enable;
    }

    @Override
    public void exit(int status) {
        exitStatus = status;
    }

    @Override
    public void exitSignal(String signalName, boolean coreDumped, String message) {
        exitStatus = -1;
    }

    @Override
    public void sendEof() {
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public boolean isOpen() {
        return !closed;
    }
}
