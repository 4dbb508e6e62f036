/**
 * The ssh-base ops SPI (lws {@code struct lws_ssh_ops}, {@code lws-plugin-ssh.h}).
 *
 * <p>ssh-base is the protocol {@value org.lightwire.ssh.SshBase#PROTOCOL_NAME} on raw vhosts.
 * It does the SSH transport, user authentication and connection protocols and nothing
 * else: every decision (which keys are authorised, what a command does, where the host key
 * lives) is made by the vhost's {@link org.lightwire.ssh.SshOps}, supplied through the
 * {@code "ops"} pvo (ops registered by name in {@link org.lightwire.ssh.SshOpsRegistry}) or
 * the {@code "ops-from"} pvo (another protocol on the same vhost that implements
 * {@link org.lightwire.ssh.SshOpsSource}).
 */
@Export
@Version("1.0.0")
package org.lightwire.ssh;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
