package org.lightwire.http;

import org.lightwire.api.LightwireException;

/**
 * A vhost's mounts cannot be served as configured: an unreadable or malformed
 * {@code basic-auth} credentials file, a file mount whose origin is no directory or zip,
 * a mount kind this module does not serve. The message names the vhost, the mountpoint
 * and the problem.
 */
public class RouteConfigException extends LightwireException {

    private static final long serialVersionUID = 1L;

    private final String vhost;
    private final String mountpoint;

    public RouteConfigException(String vhost, String mountpoint, String problem) {
        this(vhost, mountpoint, problem, null);
    }

    public RouteConfigException(String vhost, String mountpoint, String problem, Throwable cause) {
        super("vhost '" + vhost + "', mount " + mountpoint + ": " + problem, cause);
        this.vhost = vhost;
        this.mountpoint = mountpoint;
    }

    /** The vhost whose mount failed. */
    public String vhost() {
        return vhost;
    }

    /** The mountpoint of the mount that failed. */
    public String mountpoint() {
        return mountpoint;
    }
}
