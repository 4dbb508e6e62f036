/**
 * The client side of the h1 role (lws client http wsis): {@link org.lightwire.role.h1.client.H1ClientHandler}
 * is the role handler core binds to client connections of role "h1"; {@link org.lightwire.role.h1.client.H1Client}
 * is what protocols call to make HTTP requests with lws' client extras — a plain HTTP proxy
 * ({@code http_proxy}) and pipelining ({@code LCCSCF_PIPELINE}); failures reach sessions as
 * {@link org.lightwire.role.h1.client.HttpClientFailure}s.
 */
@Export
@Version("0.1.0")
package org.lightwire.role.h1.client;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
