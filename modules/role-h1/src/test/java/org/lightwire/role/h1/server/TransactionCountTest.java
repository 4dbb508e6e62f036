package org.lightwire.role.h1.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.lightwire.api.Mount;
import org.lightwire.api.Options;
import org.lightwire.api.VhostSettings;
import org.lightwire.core.embedded.EmbeddedConnection;

/** lws {@code h1_trans}: the vhost's statistics count one HTTP transaction per request, keep-alive or not. */
class TransactionCountTest {

    private static final String H = "Host: localhost\r\n";

    private final TestHttp echo = new TestHttp("echo");

    private EmbeddedConnection connect() {
        VhostSettings v = VhostSettings.builder("localhost").protocol("echo", Options.EMPTY)
                .mount(Mount.builder("/", "callback://echo").build()).build();
        return H1Server.connect(H1Server.settings(v).build(), echo);
    }

    private static long transactions(EmbeddedConnection c) {
        return c.connection().vhost().stats().httpTransactions();
    }

    @Test
    void eachRequestOnAKeepAliveConnectionCountsOnce() {
        try (EmbeddedConnection c = connect()) {
            assertEquals(0, transactions(c));
            for (int i = 1; i <= 3; i++) {
                c.writeInbound("GET /r" + i + " HTTP/1.1\r\n" + H + "\r\n");
                assertEquals(200, Response.parseOne(c.readOutbound()).status());
                assertEquals(i, transactions(c), "one transaction per request");
            }
            assertEquals(1, c.connection().vhost().stats().connectionsAccepted());
        }
    }

    @Test
    void pipelinedRequestsCountOnceEach() {
        try (EmbeddedConnection c = connect()) {
            c.writeInbound("GET /a HTTP/1.1\r\n" + H + "\r\nGET /b HTTP/1.1\r\n" + H + "\r\n");
            c.readOutbound();
            assertEquals(2, transactions(c));
        }
    }

    @Test
    void malformedRequestIsNoTransaction() {
        try (EmbeddedConnection c = connect()) {
            c.writeInbound("NOT-HTTP\r\n\r\n");
            c.readOutbound();
            assertEquals(0, transactions(c), "a request that never reached its vhost is not counted");
        }
    }
}
