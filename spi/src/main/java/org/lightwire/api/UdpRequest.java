package org.lightwire.api;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * A datagram socket to create and adopt (lws {@code lws_create_adopt_udp}). Immutable.
 */
public final class UdpRequest {

    private final String protocol;
    private final InetSocketAddress bindAddress;
    private final InetSocketAddress defaultDestination;
    private final Integer lossSimTxPercent;
    private final Integer lossSimRxPercent;
    private final Object userData;

    private UdpRequest(Builder b) {
        this.protocol = Objects.requireNonNull(b.protocol, "protocol");
        this.bindAddress = b.bindAddress;
        this.defaultDestination = b.defaultDestination;
        this.lossSimTxPercent = checkPercent(b.lossSimTxPercent);
        this.lossSimRxPercent = checkPercent(b.lossSimRxPercent);
        this.userData = b.userData;
    }

    private static Integer checkPercent(Integer p) {
        if (p != null && (p < 0 || p > 100)) {
            throw new IllegalArgumentException("loss simulation percentage must be 0..100: " + p);
        }
        return p;
    }

    public static Builder builder(String protocol) {
        return new Builder(protocol);
    }

    public String protocol() {
        return protocol;
    }

    /** Where to bind, to receive datagrams (lws {@code LWS_CAUDP_BIND}); empty: an ephemeral port. */
    public Optional<InetSocketAddress> bindAddress() {
        return Optional.ofNullable(bindAddress);
    }

    /** The peer reported as {@link Connection#peerAddress()}, for protocols that talk to one peer. */
    public Optional<InetSocketAddress> defaultDestination() {
        return Optional.ofNullable(defaultDestination);
    }

    /** Simulated transmit loss for this socket; empty: the context's setting. */
    public Optional<Integer> lossSimTxPercent() {
        return Optional.ofNullable(lossSimTxPercent);
    }

    /** Simulated receive loss for this socket; empty: the context's setting. */
    public Optional<Integer> lossSimRxPercent() {
        return Optional.ofNullable(lossSimRxPercent);
    }

    public Object userData() {
        return userData;
    }

    /** Builds a UDP request. */
    public static final class Builder {
        private final String protocol;
        private InetSocketAddress bindAddress;
        private InetSocketAddress defaultDestination;
        private Integer lossSimTxPercent;
        private Integer lossSimRxPercent;
        private Object userData;

        private Builder(String protocol) {
            this.protocol = protocol;
        }

        public Builder bind(InetSocketAddress address) {
            this.bindAddress = address;
            return this;
        }

        public Builder defaultDestination(InetSocketAddress address) {
            this.defaultDestination = address;
            return this;
        }

        public Builder lossSimTxPercent(int percent) {
            this.lossSimTxPercent = percent;
            return this;
        }

        public Builder lossSimRxPercent(int percent) {
            this.lossSimRxPercent = percent;
            return this;
        }

        public Builder userData(Object userData) {
            this.userData = userData;
            return this;
        }

        public UdpRequest build() {
            return new UdpRequest(this);
        }
    }
}
