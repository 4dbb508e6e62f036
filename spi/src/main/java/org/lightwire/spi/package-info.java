/**
 * The SPI for those who implement the platform rather than use it: roles (the byte-level
 * state machines of connections, lws' {@code lws_role_ops}), the service
 * {@link org.lightwire.spi.Registry} and name {@link org.lightwire.spi.Resolver}s with the
 * {@link org.lightwire.spi.ResolverProvider}s that open one per context.
 */
@Export
@Version("1.3.0")
package org.lightwire.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
