package org.lightwire.ssh;

import java.util.Optional;
import org.lightwire.api.Connection;

/**
 * One session channel of an SSH connection, as the {@link SshOps} see it: the handle ops
 * keep to report back (lws passes the channel's {@code priv} and the {@code wsi}).
 *
 * <p>{@link #requestTx()}, {@link #exit(int)}, {@link #exitSignal}, {@link #sendEof()},
 * {@link #rxFlowControl(boolean)} and {@link #close()} may be called from any thread (a
 * process reader, say); the rest belong to the connection's loop thread.
 */
public interface SshChannel {

    /** The server's channel number (recipient channel of the client's messages). */
    int id();

    /** The authenticated user name. */
    String user();

    /**
     * The raw connection carrying this channel, for its addresses, loop and id. Never write to
     * it or change its flow control: ssh-base owns the byte stream.
     */
    Connection connection();

    /** The pty requested for this channel, if any. */
    Optional<SshPty> pty();

    /** The per-channel object of the ops (lws' {@code priv}); null until {@link #attach}. */
    Object attachment();

    /** Keeps the ops' per-channel object with the channel. */
    void attach(Object attachment);

    /**
     * Output may be waiting: ssh-base will ask {@link SshOps#txWaiting} and call
     * {@link SshOps#tx} as the client's window allows (lws {@code child_process_io} followed by
     * {@code lws_callback_on_writable}). Several calls before the event count as one.
     */
    void requestTx();

    /**
     * The receive window ssh-base grants the client on this channel (pvo {@code channel-window},
     * default 2 MiB): after {@link #rxFlowControl(boolean) rxFlowControl(false)} the client can
     * still send at most this many bytes, which bounds what the ops must be able to hold.
     */
    int rxWindowSize();

    /** The largest data ssh-base lets the client send in one message (pvo {@code channel-max-packet}). */
    int rxMaxPacket();

    /**
     * Stops ({@code false}) or restarts ({@code true}) opening the client's window after
     * {@link SshOps#rx}: while stopped, the client can send at most one window more.
     */
    void rxFlowControl(boolean enable);

    /**
     * The command or shell has ended with {@code status} (lws {@code lws_ssh_finish_exec},
     * {@code child_process_terminated}): ssh-base drains the output still waiting, then sends
     * {@code exit-status}, EOF and CLOSE.
     */
    void exit(int status);

    /**
     * As {@link #exit(int)} but terminated by a signal ({@code exit-signal}, RFC 4254 6.10);
     * {@code signalName} without the "SIG" prefix.
     */
    void exitSignal(String signalName, boolean coreDumped, String message);

    /** Sends EOF once the waiting output has gone; nothing more will be sent on the channel. */
    void sendEof();

    /** Closes the channel now (both directions), without exit status. */
    void close();

    /** Whether the channel is still open. */
    boolean isOpen();
}
