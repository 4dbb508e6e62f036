/**
 * HTTP content for the HTTP roles: {@link org.lightwire.http.VhostRoutes} decides the
 * answer to one request on one vhost (lws {@code lws_http_action} and the vhost's mounts),
 * {@link org.lightwire.http.ResponseBody} streams a served body one transport operation per
 * writeable event, {@link org.lightwire.http.RequestPaths} normalises request paths,
 * {@link org.lightwire.http.AccessLog} writes Apache combined log lines. Wire formats stay
 * in the roles.
 */
@Export
@Version("2.0.0")
package org.lightwire.http;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
