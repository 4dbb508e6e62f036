/**
 * The WebSocket protocol family (lws {@code LWS_CALLBACK_ESTABLISHED}, {@code RECEIVE},
 * {@code SERVER_WRITEABLE}, {@code CLIENT_*}, {@code CLOSED}): typed events for connections
 * in the {@code ws} role, server and client alike. Protocols see messages and fragments,
 * never frames, masks or compression.
 */
@Export
@Version("1.0.0")
package org.lightwire.api.ws;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
