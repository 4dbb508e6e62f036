/**
 * JOSE over the generic crypto layer (lws {@code lws-jose.h}, {@code lws-jwk.h},
 * {@code lws-jws.h}, {@code lws-jwe.h}): {@link org.lightwire.jose.Jwk} and
 * {@link org.lightwire.jose.JwkSet} (RFC 7517, RFC 8037 OKP keys, RFC 7638 thumbprints),
 * JWS (RFC 7515, RFC 7797 unencoded payloads) and the {@link org.lightwire.jose.JosePolicy}
 * that says which algorithms and keys a caller accepts. Everything starts from a
 * {@link org.lightwire.jose.Jose}, which holds the crypto backend and the input limits.
 *
 * <p>Conventions: parsing is strict (duplicate JSON members, padded or non-canonical
 * base64url, unknown critical headers are refused); every failure is a
 * {@link org.lightwire.jose.JoseException} subclass saying which rule was broken; values
 * are immutable and thread-safe unless a type says otherwise; key material is zeroed by
 * {@link org.lightwire.jose.Jwk#destroy()}.
 */
@Export
@Version("1.0.0")
package org.lightwire.jose;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
