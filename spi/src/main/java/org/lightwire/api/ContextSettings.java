package org.lightwire.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How to create a context (lws {@code lws_context_creation_info}; lwsws' {@code "global"}
 * section plus its vhosts). Immutable; every limit has a safe default.
 */
public final class ContextSettings {

    private final int countThreads;
    private final int timeoutSecs;
    private final int ipLimitWsi;
    private final TcpKeepalive tcpKeepalive;
    private final RetryPolicy retryPolicy;
    private final int udpLossSimTxPercent;
    private final int udpLossSimRxPercent;
    private final int rxBufferSize;
    private final int streamBufferSize;
    private final List<Path> pluginDirs;
    private final List<VhostSettings> vhosts;
    private final List<SystemState.Notifier> systemNotifiers;

    private ContextSettings(Builder b) {
        this.countThreads = b.countThreads;
        this.timeoutSecs = b.timeoutSecs;
        this.ipLimitWsi = b.ipLimitWsi;
        this.tcpKeepalive = b.tcpKeepalive;
        this.retryPolicy = b.retryPolicy;
        this.udpLossSimTxPercent = b.udpLossSimTxPercent;
        this.udpLossSimRxPercent = b.udpLossSimRxPercent;
        this.rxBufferSize = b.rxBufferSize;
        this.streamBufferSize = b.streamBufferSize;
        this.pluginDirs = List.copyOf(b.pluginDirs);
        this.vhosts = List.copyOf(b.vhosts);
        this.systemNotifiers = List.copyOf(b.systemNotifiers);
    }

    private static int requireRange(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " must be " + min + ".." + max + ", not " + value);
        }
        return value;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Service loops to run (lws {@code count_threads}). Default 1. */
    public int countThreads() {
        return countThreads;
    }

    /** Timeout for network operations such as connecting, in seconds. Default 5, as lws. */
    public int timeoutSecs() {
        return timeoutSecs;
    }

    /** Most connections one peer IP may hold at once, extra ones are dropped; 0: no limit. */
    public int ipLimitWsi() {
        return ipLimitWsi;
    }

    public TcpKeepalive tcpKeepalive() {
        return tcpKeepalive;
    }

    /** The default retry and validity policy. */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** Percentage of outgoing datagrams dropped on purpose, for testing (lws {@code udp_loss_sim_tx_pc}). */
    public int udpLossSimTxPercent() {
        return udpLossSimTxPercent;
    }

    /** Percentage of incoming datagrams dropped on purpose, for testing. */
    public int udpLossSimRxPercent() {
        return udpLossSimRxPercent;
    }

    /**
     * Size of each loop's receive buffer: the most one receive event carries. Default 64 KiB:
     * one buffer per loop, and bulk transfers need a quarter of the reads 16 KiB would take.
     */
    public int rxBufferSize() {
        return rxBufferSize;
    }

    /** Bytes buffered per direction for an adopted file or stream. Default 64 KiB. */
    public int streamBufferSize() {
        return streamBufferSize;
    }

    /** Directories the launcher watches for plugin bundles. */
    public List<Path> pluginDirs() {
        return pluginDirs;
    }

    public List<VhostSettings> vhosts() {
        return vhosts;
    }

    /**
     * System state notifiers registered before the context starts stepping toward
     * operational, so they see every state (lws {@code register_notifier_list}).
     */
    public List<SystemState.Notifier> systemNotifiers() {
        return systemNotifiers;
    }

    /** Builds context settings; each setter checks its value at once, naming the config key. */
    public static final class Builder {
        private int countThreads = 1;
        private int timeoutSecs = 5;
        private int ipLimitWsi;
        private TcpKeepalive tcpKeepalive = TcpKeepalive.OFF;
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private int udpLossSimTxPercent;
        private int udpLossSimRxPercent;
        private int rxBufferSize = 64 * 1024;
        private int streamBufferSize = 64 * 1024;
        private final List<Path> pluginDirs = new ArrayList<>();
        private final List<VhostSettings> vhosts = new ArrayList<>();
        private final List<SystemState.Notifier> systemNotifiers = new ArrayList<>();

        public Builder countThreads(int n) {
            this.countThreads = requireRange("count-threads", n, 1, 64);
            return this;
        }

        public Builder timeoutSecs(int secs) {
            this.timeoutSecs = requireRange("timeout-secs", secs, 1, 86_400);
            return this;
        }

        public Builder ipLimitWsi(int limit) {
            this.ipLimitWsi = requireRange("ip-limit-wsi", limit, 0, Integer.MAX_VALUE);
            return this;
        }

        public Builder tcpKeepalive(TcpKeepalive keepalive) {
            this.tcpKeepalive = Objects.requireNonNull(keepalive, "tcpKeepalive");
            return this;
        }

        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
            return this;
        }

        public Builder udpLossSimTxPercent(int percent) {
            this.udpLossSimTxPercent = requireRange("udp-loss-sim-tx-pc", percent, 0, 100);
            return this;
        }

        public Builder udpLossSimRxPercent(int percent) {
            this.udpLossSimRxPercent = requireRange("udp-loss-sim-rx-pc", percent, 0, 100);
            return this;
        }

        public Builder rxBufferSize(int bytes) {
            this.rxBufferSize = requireRange("rx-buffer-size", bytes, 512, 16 << 20);
            return this;
        }

        public Builder streamBufferSize(int bytes) {
            this.streamBufferSize = requireRange("stream-buffer-size", bytes, 512, 16 << 20);
            return this;
        }

        public Builder pluginDir(Path dir) {
            pluginDirs.add(dir);
            return this;
        }

        public Builder vhost(VhostSettings vhost) {
            vhosts.add(vhost);
            return this;
        }

        public Builder systemNotifier(SystemState.Notifier notifier) {
            systemNotifiers.add(notifier);
            return this;
        }

        public ContextSettings build() {
            return new ContextSettings(this);
        }
    }
}
