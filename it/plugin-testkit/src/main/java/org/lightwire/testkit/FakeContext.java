package org.lightwire.testkit;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.lightwire.api.Blobs;
import org.lightwire.api.Context;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.RetryPolicy;
import org.lightwire.api.Sequencer;
import org.lightwire.api.SequencerHandler;
import org.lightwire.api.ServiceLoop;
import org.lightwire.api.SystemState;
import org.lightwire.api.Vhost;
import org.lightwire.api.crypto.CryptoBackend;

/**
 * A context (lws {@code lws_context}) holding given loops and vhosts, with default settings: what a
 * status protocol reads about its server, nothing more. {@link #deprecate} only marks it deprecated
 * (there is nothing to drain); services it does not have throw {@link UnsupportedOperationException}.
 */
public final class FakeContext implements Context {

    private final List<ServiceLoop> loops;
    private final List<Vhost> vhosts;
    private boolean deprecated;

    public FakeContext(List<ServiceLoop> loops, List<Vhost> vhosts) {
        this.loops = List.copyOf(loops);
        this.vhosts = List.copyOf(vhosts);
    }

    @Override
    public ContextSettings settings() {
        return ContextSettings.builder().build();
    }

    @Override
    public String version() {
        return "lightwire 0.0.0-test";
    }

    @Override
    public List<ServiceLoop> loops() {
        return loops;
    }

    @Override
    public List<Vhost> vhosts() {
        return vhosts;
    }

    @Override
    public Optional<Vhost> vhost(String name) {
        return vhosts.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    @Override
    public SystemState systemState() {
        throw new UnsupportedOperationException("not used by the plugins");
    }

    @Override
    public Blobs blobs() {
        throw new UnsupportedOperationException("not used by the plugins");
    }

    @Override
    public RetryPolicy retryPolicy() {
        return RetryPolicy.DEFAULT;
    }

    @Override
    public void cancelService() {
    }

    @Override
    public void attach(int loopIndex, SystemState.State state, Consumer<ServiceLoop> callback) {
        throw new UnsupportedOperationException("not used by the plugins");
    }

    @Override
    public Sequencer createSequencer(String name, int loopIndex, RetryPolicy retryPolicy, SequencerHandler handler) {
        throw new UnsupportedOperationException("not used by the plugins");
    }

    @Override
    public CryptoBackend crypto() {
        throw new UnsupportedOperationException("not used by the plugins");
    }

    /** Marks the context deprecated; {@code whenDrained} never runs, as a fake has nothing to drain. */
    @Override
    public void deprecate(Runnable whenDrained) {
        deprecated = true;
    }

    @Override
    public boolean isDeprecated() {
        return deprecated;
    }

    @Override
    public void close() {
    }
}
