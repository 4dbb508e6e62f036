package org.lightwire.core.loop;

/**
 * Which failures of plugin code may be contained to one connection or task. Everything is,
 * including linkage errors from a plugin built against another API version and a stack
 * overflow in one callback, except the virtual machine running out of what it needs.
 */
public final class Fatal {

    private Fatal() {
    }

    /** Rethrows {@code t} if the process cannot go on after it; returns otherwise. */
    public static void rethrowIfFatal(Throwable t) {
        if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError)) {
            throw (VirtualMachineError) t;
        }
    }
}
