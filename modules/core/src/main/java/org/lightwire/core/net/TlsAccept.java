package org.lightwire.core.net;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import org.lightwire.api.TlsSettings;
import org.lightwire.core.loop.BufferPool;
import org.lightwire.core.tls.ClientHelloSniffer;
import org.lightwire.core.tls.HttpsRedirect;
import org.lightwire.core.tls.TlsTransport;

/**
 * What a connection to a TLS listen socket sends first decides what it is (lws
 * {@code lws_server_socket_service_ssl}): a ClientHello (0x16 0x03...) chooses the vhost
 * by SNI and starts the TLS layer; other bytes go, in README.http-fallback.md's order, to
 * {@code redirect-http} (a 301 to https, then close), {@code allow-http-on-https} (or a
 * bare {@code allow-non-tls}: served without TLS), {@code fallback-listen-accept} (the
 * listen-accept role and protocol, e.g. raw-proxy to sshd), else they are dropped with a
 * log line. The bytes read meanwhile sit in a pooled record buffer and are handed on
 * unchanged. Once they are known not to be TLS they count in the port's first vhost's rx,
 * as does every later read of a redirect, and the 301 in its tx: they bypass the wire's
 * own counting. A ClientHello does not count: rx is bytes after TLS, never the handshake.
 * One per undecided connection; loop thread only.
 */
final class TlsAccept {

    private static final System.Logger LOG = Wire.LOG;

    // one per loop thread: examine() keeps no state between calls
    private static final ThreadLocal<ClientHelloSniffer> SNIFFERS =
            ThreadLocal.withInitial(() -> new ClientHelloSniffer(BufferPool.TLS_RECORD_BUFFER));

    private final Wire wire;
    private final BufferPool pool;
    private ByteBuffer firstBytes;
    private HttpsRedirect redirect;

    TlsAccept(Wire wire, BufferPool pool) {
        this.wire = wire;
        this.pool = pool;
    }

    /**
     * Reads what arrived and decides if it can; true once the TLS layer runs under the
     * wire, false while undecided or when the wire went another way (closed, plain,
     * fallback).
     */
    boolean step(StreamTransport socket) throws IOException {
        if (firstBytes == null) {
            firstBytes = pool.take();
        }
        int n = socket.read(firstBytes);
        if (n < 0) {
            int had = firstBytes.position();
            LOG.log(had > 0 ? Level.INFO : Level.DEBUG, () -> wire.describe() + ": dropped: peer closed after " + had
                    + " bytes, before a whole ClientHello or request");
            wire.closeNow();
            return false;
        }
        firstBytes.flip();
        try {
            if (redirect != null) {
                wire.counters().addRx(n);
                redirectHttp(socket);
                return false;
            }
            ClientHelloSniffer sniffer = SNIFFERS.get();
            switch (sniffer.examine(firstBytes)) {
                case NEED_MORE -> {
                    return false;
                }
                case MALFORMED -> {
                    String why = sniffer.reason();
                    LOG.log(Level.INFO, () -> wire.describe() + ": dropped: not a valid TLS ClientHello: " + why);
                    wire.tlsAlert("malformed ClientHello: " + why);
                    wire.closeNow();
                    return false;
                }
                case NOT_TLS -> {
                    notTls(socket);
                    return false;
                }
                case TLS -> {
                    return startTls(socket, sniffer.serverName());
                }
                default -> throw new IllegalStateException();
            }
        } finally {
            if (firstBytes != null) {
                firstBytes.compact();
            }
        }
    }

    private boolean startTls(StreamTransport socket, String sni) throws IOException {
        VhostImpl certVhost = wire.followSni(sni);
        Optional<SSLEngine> engine = certVhost.tls().serverEngine();
        if (engine.isEmpty()) {
            LOG.log(Level.INFO, () -> wire.describe() + ": dropped: vhost '" + certVhost.name()
                    + "' has no certificate yet (ignore-missing-cert)");
            wire.closeNow();
            return false;
        }
        TlsTransport layer = new TlsTransport(socket, engine.get(), pool, firstBytes);
        release();
        wire.startServerTls(layer, sni);
        return true;
    }

    private void notTls(StreamTransport socket) throws IOException {
        // plain bytes, whatever happens to them next (served, redirected, relayed or dropped)
        wire.counters().addRx(firstBytes.remaining());
        VhostImpl first = wire.portOwner();
        TlsSettings t = first.tls().settings();
        if (t.redirectHttp()) {
            redirect = new HttpsRedirect();
            redirectHttp(socket);
        } else if (t.allowHttpOnHttps() || (t.allowNonTls() && !t.fallbackListenAccept())) {
            LOG.log(Level.DEBUG, () -> wire.describe() + ": plain HTTP on the TLS port (allow-http-on-https)");
            wire.continuePlain(takeBytes());
        } else if (t.fallbackListenAccept()) {
            VhostImpl.Fallback fb = first.fallbackBinding(wire.peerAddress().map(String::valueOf).orElse("?"));
            if (fb == null) {
                wire.closeNow();
                return;
            }
            wire.fallBack(fb, takeBytes());
        } else {
            LOG.log(Level.INFO, () -> wire.describe() + ": dropped: not TLS on a TLS port"
                    + " (allow-non-tls, redirect-http, allow-http-on-https or fallback-listen-accept would take it)");
            wire.tlsAlert("not TLS");
            wire.closeNow();
        }
    }

    /** The bytes read so far, copied out of the pooled buffer, which goes back. */
    private ByteBuffer takeBytes() {
        ByteBuffer held = ByteBuffer.allocate(firstBytes.remaining());
        held.put(firstBytes).flip();
        release();
        return held;
    }

    /** redirect-http: wait for a whole head, answer 301 to https, close. */
    private void redirectHttp(StreamTransport socket) throws IOException {
        switch (redirect.examine(firstBytes, wire.portOwner().name())) {
            case NEED_MORE -> {
            }
            case NOT_HTTP -> {
                LOG.log(Level.INFO, () -> wire.describe() + ": dropped: not TLS and not an HTTP request (redirect-http)");
                wire.closeNow();
            }
            case REDIRECT -> {
                LOG.log(Level.DEBUG, () -> wire.describe() + ": plain HTTP on the TLS port, redirected to " + redirect.location());
                // a few hundred bytes into an empty socket buffer: one write takes them
                wire.counters().addTx(socket.write(redirect.response()));
                socket.shutdownOutput();
                wire.closeNow();
            }
            default -> throw new IllegalStateException();
        }
    }

    /** Gives the record buffer back (decided, or the wire closed). Idempotent. */
    void release() {
        if (firstBytes != null) {
            pool.give(firstBytes);
            firstBytes = null;
        }
    }
}
