package org.lightwire.role.h1.client;

import java.util.Map;
import org.lightwire.api.ClientRequest;
import org.lightwire.api.Connection;
import org.lightwire.api.LightwireException;
import org.lightwire.api.Protocol;
import org.lightwire.api.Sequencer;
import org.lightwire.api.Vhost;
import org.lightwire.api.http.HttpClientProtocol;

/**
 * Makes HTTP/1.1 client requests with everything lws' client connect does for http
 * methods (lws {@code lws_client_connect_via_info} with {@code info.method}): a plain
 * HTTP proxy ({@link ClientRequest#httpProxy()}, else the {@code http_proxy} environment
 * honouring {@code no_proxy}) and pipelining of {@link ClientRequest#pipeline()} requests
 * behind an open or opening connection to the same server (lws {@code LCCSCF_PIPELINE}).
 *
 * <p>Calling {@link Vhost#connect} directly with role "h1" also works, for direct
 * connections: core dials the request's own host and port, so neither a proxy nor
 * joining another connection's pipeline is possible on that path, though a pipeline()
 * request made that way still lets later requests made here queue behind it.
 *
 * <p>Callable from any thread, like {@link Vhost#connect}. The returned connection is the
 * request's own: for a queued request it is not a network connection of its own until the
 * server has shown that it does not keep connections alive, and then one is made for it.
 */
public final class H1Client {

    private H1Client() {
    }

    /**
     * Starts an HTTP request; its session learns the outcome through its events.
     * @throws IllegalArgumentException if the request's role is not "h1" or the proxy setting is malformed
     * @throws LightwireException if the protocol is not enabled on the vhost, not installed,
     *         or not an {@link HttpClientProtocol}
     */
    public static Connection connect(Vhost vhost, ClientRequest request) {
        return connect(vhost, request, System.getenv());
    }

    /**
     * {@link #connect(Vhost, ClientRequest)} with the proxy variables ({@code http_proxy},
     * {@code HTTP_PROXY}, {@code no_proxy}, {@code NO_PROXY}) taken from
     * {@code environment} instead of the process environment; {@code Map.of()} means no
     * proxy unless the request names one.
     */
    public static Connection connect(Vhost vhost, ClientRequest request, Map<String, String> environment) {
        if (!"h1".equals(request.role())) {
            throw new IllegalArgumentException("an HTTP client request needs role \"h1\", not \"" + request.role() + "\"");
        }
        ClientRoute route = ClientRoute.of(request, environment);
        if (request.pipeline()) {
            H1ClientHandler carrier = Pipelines.carrier(Pipelines.Key.of(vhost, route));
            if (carrier != null && carrier.takesQueued(request)) {
                return queue(vhost, request, route, carrier);
            }
        }
        if (!route.proxied()) {
            return vhost.connect(request);
        }
        ClientRequest dialed = redial(request, route.dialHost(), route.dialPort(), request.pipeline(),
                request.sequencer().orElse(null));
        Pipelines.expect(dialed, new Pipelines.Pending(route, null));
        try {
            return vhost.connect(dialed);
        } catch (RuntimeException e) {
            Pipelines.claim(dialed);
            throw e;
        }
    }

    private static Connection queue(Vhost vhost, ClientRequest request, ClientRoute route, H1ClientHandler carrier) {
        Protocol p = vhost.protocol(request.protocol()).orElseThrow(() -> new LightwireException(
                "protocol '" + request.protocol() + "' is not enabled on vhost '" + vhost.name() + "' or not installed"));
        if (!(p instanceof HttpClientProtocol http)) {
            throw new LightwireException("role 'h1' client request needs an HttpClientProtocol, but protocol '"
                    + request.protocol() + "' on vhost '" + vhost.name() + "' is not one");
        }
        ClientExchange exchange = new ClientExchange(request, route);
        PipelinedConnection connection = new PipelinedConnection(vhost, carrier.wire().loop(), request, exchange);
        exchange.presented = connection;
        connection.loop().execute(() -> {
            exchange.session = http.newHttpClientSession(connection);
            carrier.enqueue(exchange);
        });
        return connection;
    }

    /** A copy of {@code request} going to {@code host:port} (the proxy, or the same server again). */
    static ClientRequest redial(ClientRequest request, String host, int port, boolean pipeline, Sequencer sequencer) {
        ClientRequest.Builder b = ClientRequest.builder(host, port).role(request.role()).protocol(request.protocol())
                .method(request.method().orElse(null)).path(request.path()).pipeline(pipeline)
                .userData(request.userData()).sequencer(sequencer);
        request.retryPolicy().ifPresent(b::retryPolicy);
        return b.build();
    }
}
