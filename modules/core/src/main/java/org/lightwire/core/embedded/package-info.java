/**
 * The in-memory harness for role and protocol tests (think Netty's EmbeddedChannel): a
 * real context and connection on a loop driven by the test thread, with a transport that
 * is just byte buffers and a clock the test moves. Bytes in, bytes out, no sockets; hostile
 * input is just more bytes.
 */
@Export
@Version("1.0.0")
package org.lightwire.core.embedded;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
