/**
 * The HTTP/1.1 wire codecs both sides of the h1 role share (server in
 * {@code org.lightwire.role.h1.internal}, client in {@code org.lightwire.role.h1.client}):
 * the head reader (start line and field lines, strict CRLF, limits), the chunked body
 * decoder and encoder, and message body framing (Content-Length / Transfer-Encoding).
 * Internal to the module: not exported, not API.
 *
 * <p>All codecs are incremental (bytes arrive in any split) and allocate nothing per
 * byte or per chunk; violations are {@link org.lightwire.role.h1.wire.HttpWireException}s
 * naming the rule and the status a server answers with.
 */
package org.lightwire.role.h1.wire;
