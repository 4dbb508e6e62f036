package org.lightwire.crypto.bc;

import java.util.List;
import java.util.Objects;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import org.bouncycastle.jsse.BCSSLEngine;
import org.bouncycastle.jsse.BCSSLParameters;
import org.lightwire.api.crypto.BadParameterException;
import org.lightwire.api.crypto.TlsContext;
import org.lightwire.api.crypto.TlsSettings;
import org.lightwire.tls.verify.HostnameMatcher;

/** A built BCJSSE {@link SSLContext} with the engine parameters every connection gets. */
final class BcTlsContext implements TlsContext {

    private final TlsSettings settings;
    private final SSLContext context;
    private final SSLParameters parameters;

    BcTlsContext(TlsSettings settings, SSLContext context, SSLParameters parameters) {
        this.settings = settings;
        this.context = context;
        this.parameters = parameters;
    }

    @Override
    public TlsSettings settings() {
        return settings;
    }

    @Override
    public SSLEngine serverEngine() {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        engine.setSSLParameters(copy());
        restrictGroups(engine);
        return engine;
    }

    @Override
    public SSLEngine clientEngine(String peerHost, int peerPort) {
        Objects.requireNonNull(peerHost, "peerHost");
        SSLEngine engine = context.createSSLEngine(peerHost, peerPort);
        engine.setUseClientMode(true);
        SSLParameters p = copy();
        if (HostnameMatcher.ipLiteral(peerHost) == null) {
            // RFC 6066: SNI carries host names only, never address literals
            String sni = peerHost.endsWith(".") ? peerHost.substring(0, peerHost.length() - 1) : peerHost;
            try {
                p.setServerNames(List.of(new SNIHostName(sni)));
            } catch (IllegalArgumentException e) {
                throw new org.lightwire.api.crypto.BadParameterException("TLS: '" + peerHost + "' is not a valid host name for SNI");
            }
        }
        engine.setSSLParameters(p);
        restrictGroups(engine);
        return engine;
    }

    /** Key-exchange groups (lws ecdh-curve): BCJSSE takes them per engine, JSSE's SSLParameters cannot before Java 20. */
    private void restrictGroups(SSLEngine engine) {
        if (settings.namedGroups().isEmpty()) {
            return;
        }
        BCSSLEngine bc = (BCSSLEngine) engine;
        BCSSLParameters p = bc.getParameters();
        p.setNamedGroups(settings.namedGroups().toArray(new String[0]));
        try {
            bc.setParameters(p);
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("TLS named groups " + settings.namedGroups() + ": " + e.getMessage(), e);
        }
    }

    /** SSLParameters is mutable: each engine gets its own copy. */
    private SSLParameters copy() {
        SSLParameters p = new SSLParameters(parameters.getCipherSuites(), parameters.getProtocols());
        p.setApplicationProtocols(parameters.getApplicationProtocols());
        p.setEndpointIdentificationAlgorithm(parameters.getEndpointIdentificationAlgorithm());
        if (parameters.getNeedClientAuth()) {
            p.setNeedClientAuth(true);
        } else if (parameters.getWantClientAuth()) {
            p.setWantClientAuth(true);
        }
        p.setUseCipherSuitesOrder(parameters.getUseCipherSuitesOrder());
        return p;
    }
}
