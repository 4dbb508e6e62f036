package org.lightwire.ssh;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.lightwire.api.Vhost;
import org.lightwire.api.crypto.KeyElements;

/**
 * Everything ssh-base leaves to user code, for one vhost (lws {@code struct lws_ssh_ops}).
 *
 * <p>ssh-base does the SSH protocols; an implementation of this interface decides and does
 * the rest: host keys, which public keys (and, if offered, passwords) are accepted, and what
 * a session channel does with a shell, a command, its input and output. Nothing is allowed
 * unless the ops allow it — there is no built-in user database, authorized_keys or shell.
 *
 * <h2>Threads</h2>
 * Every method is called on the loop thread of the SSH connection concerned (vhost-level
 * methods on whichever loop needs them; a vhost with {@code count-threads} &gt; 1 calls
 * them concurrently). Methods must not block: start work elsewhere and report back through
 * the {@link SshChannel} methods, which are callable from any thread.
 *
 * <h2>Mapping to {@code lws_ssh_ops}</h2>
 * <table>
 * <caption>lws member and its Java form</caption>
 * <tr><td>{@code channel_create}</td><td>{@link #channelCreate}</td></tr>
 * <tr><td>{@code channel_destroy}</td><td>{@link #channelDestroy}</td></tr>
 * <tr><td>{@code tx_waiting}</td><td>{@link #txWaiting}</td></tr>
 * <tr><td>{@code tx}</td><td>{@link #tx}</td></tr>
 * <tr><td>{@code rx}</td><td>{@link #rx}</td></tr>
 * <tr><td>{@code get_server_key}</td><td>{@link #getServerKeys}</td></tr>
 * <tr><td>{@code set_server_key}</td><td>{@link #setServerKey}</td></tr>
 * <tr><td>{@code set_env}</td><td>{@link #setEnv}</td></tr>
 * <tr><td>{@code pty_req}</td><td>{@link #ptyReq} (and {@link #windowChange}, which lws lacks)</td></tr>
 * <tr><td>{@code child_process_io}</td><td>{@link SshChannel#requestTx()}: output became available</td></tr>
 * <tr><td>{@code child_process_terminated}</td><td>{@link SshChannel#exit(int)} /
 *     {@link SshChannel#exitSignal}: the {@code lws_ssh_finish_exec} callback</td></tr>
 * <tr><td>{@code exec}</td><td>{@link #exec}</td></tr>
 * <tr><td>{@code shell}</td><td>{@link #shell}</td></tr>
 * <tr><td>{@code is_pubkey_authorized}</td><td>{@link #isPubkeyAuthorized}</td></tr>
 * <tr><td>{@code banner}</td><td>{@link #banner}</td></tr>
 * <tr><td>{@code disconnect_reason}</td><td>{@link #disconnectReason}</td></tr>
 * <tr><td>{@code server_string}</td><td>{@link #serverString}</td></tr>
 * <tr><td>{@code api_version}</td><td>{@link #apiVersion}</td></tr>
 * </table>
 * Additions over lws: {@link #eof}, {@link #signal}, {@link #windowChange}, password and
 * keyboard-interactive authentication ({@link #offersPassword}, {@link #checkPassword}),
 * and {@link #allowSshRsa} for legacy SHA-1 RSA signatures.
 */
public interface SshOps {

    /** The ops API version this interface describes (lws {@code api_version}). */
    int API_VERSION = 1;

    /** {@link #txWaiting} bit: stdout data is waiting (lws {@code 1 << LWS_STDOUT}). */
    int TX_STDOUT = 1;

    /** {@link #txWaiting} bit: stderr data (extended data type 1) is waiting (lws {@code 1 << LWS_STDERR}). */
    int TX_STDERR = 2;

    // ---- per channel -------------------------------------------------------------------

    /**
     * A client opened a session channel (lws {@code channel_create}). Keep per-channel state
     * with {@link SshChannel#attach}. Return false to refuse the channel (the client sees
     * {@code SSH_MSG_CHANNEL_OPEN_FAILURE}, administratively prohibited).
     */
    boolean channelCreate(SshChannel channel);

    /**
     * The channel is gone — closed by either side or with its connection (lws
     * {@code channel_destroy}). Release what {@link #channelCreate} set up; called once
     * for every channel {@link #channelCreate} accepted.
     */
    void channelDestroy(SshChannel channel);

    /**
     * Which output is waiting to be sent (lws {@code tx_waiting}): a combination of
     * {@link #TX_STDOUT} and {@link #TX_STDERR}, 0 for none. Asked after
     * {@link SshChannel#requestTx()} and whenever the client opens its window again.
     */
    int txWaiting(SshChannel channel);

    /**
     * Fills {@code out} with output for the client (lws {@code tx}): put at most
     * {@code out.remaining()} bytes of the stream named by {@code which} ({@link #TX_STDOUT}
     * or {@link #TX_STDERR}). {@code out.remaining()} is already limited by the client's
     * window and packet size, which is how the client's flow control reaches the ops.
     * Writing nothing is fine. The buffer is only valid during the call.
     */
    void tx(SshChannel channel, int which, ByteBuffer out);

    /**
     * Channel data (stdin) arrived from the client (lws {@code rx}). Consume {@code data}
     * during the call (copy what must be kept). The client's window is opened again after
     * this returns, unless the ops paused it with {@link SshChannel#rxFlowControl(boolean)}
     * — the back-pressure path from a slow consumer to the client.
     */
    void rx(SshChannel channel, ByteBuffer data);

    /**
     * The client will send no more data on this channel ({@code SSH_MSG_CHANNEL_EOF}): close
     * the command's stdin. lws has no such op; without it a command reading stdin to the end
     * (e.g. {@code ssh host cat < file}) would never finish.
     */
    default void eof(SshChannel channel) {
    }

    /**
     * Environment variable request (lws {@code set_env}). Return false to refuse it
     * (the client gets {@code SSH_MSG_CHANNEL_FAILURE} if it asked for a reply).
     */
    default boolean setEnv(SshChannel channel, String name, String value) {
        return false;
    }

    /** Pseudo-terminal request (lws {@code pty_req}). Return false to refuse. */
    default boolean ptyReq(SshChannel channel, SshPty pty) {
        return false;
    }

    /** The client's terminal changed size ({@code window-change}, RFC 4254 6.7). */
    default void windowChange(SshChannel channel, int columns, int rows, int widthPixels, int heightPixels) {
    }

    /**
     * The client asks to deliver a signal ({@code signal}, RFC 4254 6.9), e.g. "INT",
     * without the "SIG" prefix. Return false if not delivered.
     */
    default boolean signal(SshChannel channel, String signalName) {
        return false;
    }

    /**
     * Run {@code command} for this channel (lws {@code exec}). Return false to refuse it.
     * When it has finished, call {@link SshChannel#exit(int)} or
     * {@link SshChannel#exitSignal} (lws' {@code finish} callback); ssh-base then drains the
     * output still waiting and closes the channel.
     */
    boolean exec(SshChannel channel, String command);

    /** Start a shell for this channel (lws {@code shell}); otherwise as {@link #exec}. */
    boolean shell(SshChannel channel);

    // ---- per vhost -----------------------------------------------------------------------

    /**
     * The host keys of this vhost (lws {@code get_server_key}): RSA keys (offered as
     * rsa-sha2-512 and rsa-sha2-256, and ssh-rsa if {@link #allowSshRsa}) and Ed25519 keys
     * (ssh-ed25519), private parts included. Empty means none yet: ssh-base then generates an
     * Ed25519 key with the vhost's crypto backend and hands it to {@link #setServerKey}. Asked
     * once per ops instance, when its first connection arrives.
     */
    List<KeyElements> getServerKeys(Vhost vhost);

    /**
     * Store a host key ssh-base generated (lws {@code set_server_key}); e.g. write it with
     * {@link org.lightwire.ssh.keys.OpenSshPrivateKey#write}. Later calls of
     * {@link #getServerKeys} should return it.
     */
    void setServerKey(Vhost vhost, KeyElements key);

    /**
     * Whether {@code user} may log in with this public key (lws
     * {@code is_pubkey_authorized}). {@code keyType} is the SSH key type
     * ("ssh-ed25519", "ssh-rsa"); {@code publicKeyBlob} the key in SSH wire format, as in
     * an authorized_keys line. Asked before the client proves it holds the private key, and
     * again after (when the signature is checked here); must not block.
     */
    boolean isPubkeyAuthorized(String user, String keyType, byte[] publicKeyBlob);

    /** Whether the "password" and "keyboard-interactive" methods are offered. */
    default boolean offersPassword() {
        return false;
    }

    /**
     * Checks a password ("password" method, or the single "Password:" prompt of
     * "keyboard-interactive"). Only asked if {@link #offersPassword}. The array is zeroed
     * after the call.
     */
    default boolean checkPassword(String user, char[] password) {
        return false;
    }

    /**
     * The pre-authentication banner (lws {@code banner}), sent as
     * {@code SSH_MSG_USERAUTH_BANNER}; empty for none.
     */
    default Optional<String> banner() {
        return Optional.empty();
    }

    /**
     * The client sent {@code SSH_MSG_DISCONNECT} (lws {@code disconnect_reason}), with one of
     * the {@link SshDisconnect} codes.
     */
    default void disconnectReason(int reason, String description, String language) {
    }

    /**
     * The identification string sent first (lws {@code server_string}), "SSH-2.0-" and
     * printable US-ASCII without spaces up to 255 bytes (RFC 4253 4.2); checked at startup.
     */
    default String serverString() {
        return "SSH-2.0-Lightwire_ssh-base";
    }

    /** The ops API version this implementation was written for (lws {@code api_version}). */
    default int apiVersion() {
        return API_VERSION;
    }

    /** Whether legacy "ssh-rsa" signatures (SHA-1) are accepted and offered. Off by default. */
    default boolean allowSshRsa() {
        return false;
    }
}
