/**
 * The raw protocol family: typed events for connections bound to the raw-skt, raw-file
 * and udp roles (lws' {@code LWS_CALLBACK_RAW_*} callbacks).
 */
@Export
@Version("1.0.0")
package org.lightwire.api.raw;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
