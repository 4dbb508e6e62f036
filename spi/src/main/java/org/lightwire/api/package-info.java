/**
 * The API protocol authors and embedding applications use: {@link org.lightwire.api.Context},
 * {@link org.lightwire.api.ServiceLoop}, {@link org.lightwire.api.Vhost},
 * {@link org.lightwire.api.Connection}, {@link org.lightwire.api.ProtocolProvider},
 * {@link org.lightwire.api.Scheduler}, {@link org.lightwire.api.RetryPolicy},
 * {@link org.lightwire.api.Sequencer}, {@link org.lightwire.api.SystemState} and
 * {@link org.lightwire.api.Blobs}, plus the settings an embedding application builds a
 * context from.
 *
 * <p>Threading follows lws: everything about a connection happens on its service loop's
 * thread. The few entry points that may be called from any thread say so.
 */
@Export
@Version("1.3.0")
package org.lightwire.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
