package org.lightwire.api;

/**
 * What a protocol plugin exports: a named protocol (lws {@code lws_protocols} entry in a
 * plugin). Register it with {@code provides org.lightwire.api.ProtocolProvider with ...}
 * in module-info and in {@code META-INF/services}; the same jar then works on the module
 * path and hot-deployed into the OSGi launcher.
 */
public interface ProtocolProvider {

    /** The protocol's name as configs and peers know it, e.g. "protocol-lws-raw-test". */
    String name();

    /**
     * Creates the instance for one vhost (lws {@code LWS_CALLBACK_PROTOCOL_INIT}).
     *
     * @param vhost the vhost enabling the protocol
     * @param options the vhost's options for this protocol (lws pvo)
     */
    Protocol create(Vhost vhost, Options options);
}
