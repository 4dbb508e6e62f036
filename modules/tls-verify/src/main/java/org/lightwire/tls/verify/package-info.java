/**
 * Provider-neutral server certificate verification for the crypto backends:
 * {@link org.lightwire.tls.verify.HostnameMatcher} decides whether a certificate names a
 * host (RFC 6125), {@link org.lightwire.tls.verify.RelaxedServerTrust} wraps a backend's
 * real trust manager with the peer relaxations (lws {@code LCCSCF_ALLOW_SELFSIGNED},
 * {@code LCCSCF_ALLOW_EXPIRED}). Only {@code java.security.cert} and {@code javax.net.ssl}
 * are used; the JCA provider that builds certificate paths is the caller's.
 */
@Export
@Version("1.0.0")
package org.lightwire.tls.verify;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
