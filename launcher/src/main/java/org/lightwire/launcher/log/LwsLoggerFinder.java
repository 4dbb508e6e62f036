package org.lightwire.launcher.log;

/**
 * Routes every {@link System.Logger} in the process — launcher, core, roles, plugins,
 * whichever layer or bundle they live in — to lws-style stderr lines under the {@code -d}
 * bitfield.
 */
public final class LwsLoggerFinder extends System.LoggerFinder {

    @Override
    public System.Logger getLogger(String name, Module module) {
        return new LwsLogger(name, System.err);
    }
}
