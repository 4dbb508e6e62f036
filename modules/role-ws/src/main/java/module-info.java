/**
 * The WebSocket role (lws role {@code ws}, RFC 6455 with RFC 7692 permessage-deflate).
 * For now it holds only the wire codec ({@code org.lightwire.role.ws.codec}), which is
 * internal: nothing is exported and no role is registered yet.
 */
module org.lightwire.role.ws {
}
