/**
 * The HTTP protocol family: what a protocol implements to answer HTTP requests routed to it
 * by a {@code callback://} mount (lws {@code LWS_CALLBACK_HTTP*}), and to make HTTP client
 * requests (lws {@code LWS_CALLBACK_*_CLIENT_HTTP}). The same events serve HTTP/1.1 and,
 * later, HTTP/2 streams: protocols never see the wire format.
 */
@Export
@Version("1.0.0")
package org.lightwire.api.http;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
