/** The ws role: handshakes, framing events, validity and closing for WebSocket connections. */
package org.lightwire.role.ws;
