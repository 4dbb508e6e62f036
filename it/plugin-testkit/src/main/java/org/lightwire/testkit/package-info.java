/**
 * Socket-free stand-ins for the SPI a WebSocket protocol plugin talks to, shared by the plugin
 * bundles' unit tests: a {@link org.lightwire.testkit.Peer} opens a session of the protocol under
 * test over a {@link org.lightwire.testkit.FakeWebSocket} and {@link org.lightwire.testkit.FakeConnection},
 * delivers messages and writeable events the way the ws role does (lws' {@code LWS_CALLBACK_RECEIVE}
 * and {@code LWS_CALLBACK_SERVER_WRITEABLE}), and records what the protocol sent; time moves only when
 * a test advances the {@link org.lightwire.testkit.FakeScheduler}. {@link org.lightwire.testkit.JsonCheck}
 * reads JSON strictly so a test can assert on what a protocol wrote.
 *
 * <p>Single-threaded by design: every method is meant to be called from the test thread.
 */
package org.lightwire.testkit;
