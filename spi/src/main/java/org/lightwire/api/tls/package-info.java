/**
 * What protocols see of TLS (lws {@code LWS_CALLBACK_SSL_INFO}, {@code lws_tls_peer_cert_info}):
 * the negotiated session of a connection. TLS itself is a layer under every role, configured
 * per vhost; protocols never handle records.
 */
@Export
@Version("1.0.0")
package org.lightwire.api.tls;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
