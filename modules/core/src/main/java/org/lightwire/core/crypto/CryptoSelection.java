package org.lightwire.core.crypto;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.lightwire.api.LightwireException;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.spi.Registry;

/**
 * Which {@link CryptoBackend} a context hands new work to — lws' build-time choice of
 * OpenSSL or mbedTLS, made here at run time and remade whenever a backend bundle comes or
 * goes. The backend named by the global {@code crypto-backend} setting wins; without one the
 * highest {@link CryptoBackend#ranking()} wins, ties going to the earlier installed. A
 * change is logged at notice level as {@code crypto backend: <name> (<description>)}.
 *
 * <p>A configured backend that is not installed is not replaced by another: crypto work
 * fails with a message naming it until it appears, so a deployment never runs silently on
 * a backend its operator did not choose.
 *
 * <p>Thread-safe: the registry reports from its own threads, {@link #current()} is called
 * from any thread.
 */
public final class CryptoSelection implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("org.lightwire.core");

    private final Optional<String> configured;
    private final List<CryptoBackend> installed = new ArrayList<>();
    private volatile CryptoBackend current;
    private volatile boolean closing;
    private AutoCloseable watch = () -> { };

    private CryptoSelection(Optional<String> configured) {
        this.configured = Objects.requireNonNull(configured, "configured");
    }

    /**
     * Starts following the backends in {@code registry}; {@code configured} is the
     * {@code crypto-backend} setting.
     */
    public static CryptoSelection follow(Registry registry, Optional<String> configured) {
        CryptoSelection selection = new CryptoSelection(configured);
        selection.watch = registry.watch(CryptoBackend.class, new Registry.Watcher<>() {
            @Override
            public void added(CryptoBackend backend) {
                selection.added(backend);
            }

            @Override
            public void removed(CryptoBackend backend) {
                selection.removed(backend);
            }
        });
        if (selection.current == null) {
            LOG.log(Level.WARNING, selection.whyNone());
        }
        return selection;
    }

    synchronized void added(CryptoBackend backend) {
        installed.add(backend);
        reselect();
    }

    synchronized void removed(CryptoBackend backend) {
        if (installed.remove(backend)) {
            reselect();
        }
        try {
            backend.close();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "crypto backend " + backend.name() + " failed to close: " + e, e);
        }
    }

    /** The backend for new work. */
    public CryptoBackend current() {
        CryptoBackend c = current;
        if (c == null) {
            synchronized (this) {
                throw new LightwireException(whyNone());
            }
        }
        return c;
    }

    /** Every installed backend, in the order they appeared. */
    public synchronized List<CryptoBackend> installed() {
        return List.copyOf(installed);
    }

    private void reselect() {
        CryptoBackend chosen = null;
        if (configured.isPresent()) {
            for (CryptoBackend b : installed) {
                if (b.name().equals(configured.get())) {
                    chosen = b;
                    break;
                }
            }
        } else {
            for (CryptoBackend b : installed) {
                if (chosen == null || b.ranking() > chosen.ranking()) {
                    chosen = b;
                }
            }
        }
        CryptoBackend previous = current;
        if (chosen == previous) {
            return;
        }
        current = chosen;
        if (closing) {
            // the registry reports every backend as leaving when the watch closes: not news
            return;
        }
        if (chosen != null) {
            CryptoBackend c = chosen;
            LOG.log(Level.INFO, () -> "crypto backend: " + c.name() + " (" + c.description() + ")");
        } else if (previous != null) {
            LOG.log(Level.WARNING, whyNone());
        }
    }

    private String whyNone() {
        List<String> names = new ArrayList<>();
        for (CryptoBackend b : installed) {
            names.add(b.name());
        }
        if (configured.isPresent()) {
            return "crypto backend '" + configured.get() + "' (global setting crypto-backend) is not installed"
                    + (names.isEmpty() ? "; no crypto backend is installed" : "; installed: " + String.join(", ", names));
        }
        return "no crypto backend is installed: add a crypto backend bundle (e.g. crypto-jca) to the bundles directory";
    }

    /** Stops following the registry. */
    @Override
    public void close() {
        closing = true;
        try {
            watch.close();
        } catch (Exception e) {
            LOG.log(Level.DEBUG, "closing crypto backend watch: " + e);
        }
    }
}
