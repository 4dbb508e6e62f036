/**
 * The WebSocket wire codec: frame decoding and encoding (RFC 6455 §5), UTF-8 validation of
 * text payloads (§8.1), close payloads (§5.5.1, §7.4) and permessage-deflate (RFC 7692).
 * Internal to the ws role; not exported.
 */
package org.lightwire.role.ws.codec;
