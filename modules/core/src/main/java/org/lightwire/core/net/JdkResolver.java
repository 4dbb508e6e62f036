package org.lightwire.core.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.lightwire.api.ServiceLoop;
import org.lightwire.spi.Resolver;

/**
 * The fallback resolver: the JDK's blocking lookup on a small pool of helper threads, so
 * the loop never blocks. Address literals are answered on the spot.
 */
public final class JdkResolver implements Resolver, AutoCloseable {

    private final ExecutorService pool;

    public JdkResolver() {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "lightwire-resolver");
                    t.setDaemon(true);
                    return t;
                });
        executor.allowCoreThreadTimeOut(true);
        this.pool = executor;
    }

    @Override
    public void resolve(String host, ServiceLoop loop, BiConsumer<List<InetAddress>, Throwable> callback) {
        if (isLiteral(host)) {
            try {
                List<InetAddress> addr = List.of(InetAddress.getByName(host));
                loop.execute(() -> callback.accept(addr, null));
            } catch (UnknownHostException e) {
                loop.execute(() -> callback.accept(null, e));
            }
            return;
        }
        pool.execute(() -> {
            try {
                List<InetAddress> addrs = List.of(InetAddress.getAllByName(host));
                loop.execute(() -> callback.accept(addrs, null));
            } catch (UnknownHostException | RuntimeException e) {
                loop.execute(() -> callback.accept(null, e));
            }
        });
    }

    /** IPv4 dotted quads and anything with a colon (IPv6) need no lookup. */
    static boolean isLiteral(String host) {
        if (host.indexOf(':') >= 0) {
            return true;
        }
        int dots = 0;
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c == '.') {
                dots++;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return dots == 3;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
