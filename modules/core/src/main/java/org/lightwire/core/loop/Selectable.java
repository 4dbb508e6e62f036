package org.lightwire.core.loop;

/** Something registered with a loop's selector: the key's attachment. */
public interface Selectable {

    /** The channel is ready for {@code readyOps}; runs on the loop thread. */
    void onReady(int readyOps);
}
