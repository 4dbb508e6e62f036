/**
 * The generic crypto layer (lws {@code lws_genhash}, {@code lws_genhmac}, {@code lws_genaes},
 * {@code lws_genrsa}, {@code lws_genec} and {@code lws_x509}): code written against these
 * types runs unchanged on every installed {@link org.lightwire.api.crypto.CryptoBackend},
 * the way lws code runs unchanged on OpenSSL or mbedTLS. JOSE, TLS, ssh, ACME and sessions
 * reach crypto only through this package.
 *
 * <p>Conventions every backend keeps:
 * <ul>
 *   <li>Keys are {@link org.lightwire.api.crypto.KeyElements}: arrays of octet strings in
 *       the lws manner (oct 1, RSA 8, EC 4 elements; OKP 3), zeroed by
 *       {@link org.lightwire.api.crypto.KeyElements#destroy()}. Symmetric primitives take
 *       their key as a {@code byte[]}, copied on entry.</li>
 *   <li>Every failure is a {@link org.lightwire.api.crypto.CryptoException} subclass with a
 *       message naming the primitive and the rule broken; no JCA checked exception leaks.</li>
 *   <li>Decryption that fails (tag, padding, integrity) returns no plaintext at all.</li>
 *   <li>Input arrays are never modified and never retained; returned arrays are the
 *       caller's.</li>
 *   <li>Per-message objects ({@link org.lightwire.api.crypto.StreamCipher},
 *       {@link org.lightwire.api.crypto.Poly1305}, {@link org.lightwire.api.crypto.AesCipher})
 *       can be re-initialised for the next message with {@code reset} (since 1.1), the way
 *       OpenSSL contexts are re-initialised with a new IV, so hot paths allocate none.</li>
 *   <li>TLS clients honour {@link org.lightwire.api.crypto.TlsSettings.PeerRelaxation}
 *       (since 1.2): each relaxation accepts exactly one kind of server-certificate failure.</li>
 * </ul>
 */
@Export
@Version("1.3.0")
package org.lightwire.api.crypto;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
