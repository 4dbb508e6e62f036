/**
 * Loading lwsws-style JSON configuration: {@link org.lightwire.config.ConfigLoader} turns a
 * config directory, or one document, into {@link org.lightwire.api.ContextSettings};
 * {@link org.lightwire.config.ConfigException} says which file, line and key is wrong.
 */
@Export
@Version("1.0.0")
package org.lightwire.config;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
