/**
 * SSH key files: OpenSSH private keys ({@code openssh-key-v1}, unencrypted) and
 * {@code authorized_keys} lines, as ops implementations need them to keep a host key and
 * decide which client keys are authorised (lws leaves both to its test apps).
 */
@Export
@Version("1.0.0")
package org.lightwire.ssh.keys;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
