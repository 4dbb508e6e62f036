package org.lightwire.ssh;

/** Names shared by ssh-base and the bundles that finish it. */
public final class SshBase {

    /** The protocol name of ssh-base on a vhost (as lws). */
    public static final String PROTOCOL_NAME = "lws-ssh-base";

    /** pvo naming ops registered in {@link SshOpsRegistry}. */
    public static final String PVO_OPS = "ops";

    /** pvo naming a protocol on the same vhost that implements {@link SshOpsSource}. */
    public static final String PVO_OPS_FROM = "ops-from";

    private SshBase() {
    }
}
