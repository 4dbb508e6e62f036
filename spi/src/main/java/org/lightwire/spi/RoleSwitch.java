package org.lightwire.spi;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.lightwire.api.http.HttpRequest;

/**
 * What a role hands to the next role when a connection changes role (lws
 * {@code lws_role_transition}: h1 to ws after an upgrade request, h1 to h2c later).
 *
 * @param fromRole the name of the role giving the connection up
 * @param request  the HTTP request that asked for the switch (the upgrade request), if any;
 *                 its headers stay readable until the new role says the switch is complete
 * @param leftover bytes the old role read beyond what it consumed (the first frames a
 *                 client sent right behind its upgrade request); owned by the new role
 */
public record RoleSwitch(String fromRole, Optional<HttpRequest> request, ByteBuffer leftover) {
}
