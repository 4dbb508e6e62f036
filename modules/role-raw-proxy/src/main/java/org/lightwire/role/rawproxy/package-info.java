/**
 * The raw-proxy role and protocol. Nothing here is API: both are reached by name through
 * the registry ({@code "listen-accept-role": "raw-proxy"}, {@code "raw-proxy"} in
 * {@code ws-protocols} with its {@code "onward"} option).
 */
package org.lightwire.role.rawproxy;
