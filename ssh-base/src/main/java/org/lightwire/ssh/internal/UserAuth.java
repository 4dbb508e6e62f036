package org.lightwire.ssh.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.lightwire.ssh.SshDisconnect;

/**
 * The ssh-userauth service (RFC 4252, RFC 4256): publickey with the signature checked here
 * and authorisation asked of the ops; password and keyboard-interactive only if the ops offer
 * them; the ops' banner before the first answer.
 *
 * <p>Failures are rate-limited per connection: each failed attempt is answered only after
 * {@code auth-failure-delay-ms}, with input paused meanwhile, and after
 * {@code auth-max-attempts} failures the connection ends with NO_MORE_AUTH_METHODS_AVAILABLE.
 * A publickey query the ops accept (PK_OK) and "none" do not count as failures.
 */
final class UserAuth {
    private static final Logger LOG = System.getLogger("org.lightwire.ssh");
    static final int MAX_USER = 256;
    static final int MAX_PASSWORD = 1024;
    private static final String PUBLICKEY = "publickey";
    private static final String PASSWORD = "password";
    private static final String KEYBOARD_INTERACTIVE = "keyboard-interactive";

    private final SshServerSession session;
    private boolean authenticated;
    private String user;
    private boolean bannerSent;
    private int failures;
    private boolean noneAsked;
    private String keyboardUser;

    UserAuth(SshServerSession session) {
        this.session = session;
    }

    boolean authenticated() {
        return authenticated;
    }

    String user() {
        return user;
    }

    /** Handles messages 50-79; false if the type is not one of ours. */
    boolean handle(int type, PayloadReader r) throws SshProtocolException {
        if (type == Msg.USERAUTH_REQUEST) {
            if (authenticated) {
                return true; // RFC 4252 5.1: requests after success are ignored
            }
            request(r);
            return true;
        }
        if (type == Msg.USERAUTH_INFO_RESPONSE && keyboardUser != null && !authenticated) {
            infoResponse(r);
            return true;
        }
        return false;
    }

    private void request(PayloadReader r) throws SshProtocolException {
        String name = r.utf8(MAX_USER);
        String service = r.ascii(64);
        String method = r.ascii(64);
        keyboardUser = null;
        if (!service.equals("ssh-connection")) {
            throw new SshProtocolException(SshDisconnect.SERVICE_NOT_AVAILABLE, "service '" + service + "' is not available");
        }
        sendBanner();
        switch (method) {
            case "none":
                // the first "none" asks which methods exist (free, as in OpenSSH); repeating it
                // is a failure like any other: paced and counted, or a client could flood with it
                failure(noneAsked);
                noneAsked = true;
                return;
            case PUBLICKEY:
                publickey(name, r);
                return;
            case PASSWORD:
                if (session.ops.offersPassword()) {
                    password(name, r);
                    return;
                }
                break;
            case KEYBOARD_INTERACTIVE:
                if (session.ops.offersPassword()) {
                    r.ascii(64); // language tag (deprecated)
                    r.utf8(1024); // submethods
                    r.end("keyboard-interactive request");
                    keyboardUser = name;
                    session.send(session.writer.reset().u8(Msg.USERAUTH_INFO_REQUEST).string("").string("").string("")
                            .u32(1).string("Password: ").bool(false));
                    return;
                }
                break;
            default:
                break;
        }
        failure(true);
    }

    private void publickey(String name, PayloadReader r) throws SshProtocolException {
        int signedStart = r.position();
        boolean hasSignature = r.bool();
        String algorithm = r.ascii(64);
        byte[] blob = r.string();
        int signedEnd = r.position();
        byte[] signature = hasSignature ? r.string() : null;
        r.end("publickey request");
        String keyType = SignatureCheck.keyTypeFor(algorithm, session.ops.allowSshRsa());
        if (keyType == null || !keyTypeOf(blob).equals(keyType) || !session.ops.isPubkeyAuthorized(name, keyType, blob.clone())) {
            failure(true);
            return;
        }
        if (!hasSignature) {
            session.send(session.writer.reset().u8(Msg.USERAUTH_PK_OK).string(algorithm).string(blob));
            return;
        }
        // RFC 4252 7: the signature covers the session id and the request up to the key blob
        byte[] requestStart = r.array();
        PayloadWriter data = new PayloadWriter(256).string(session.sessionId()).u8(Msg.USERAUTH_REQUEST).string(name)
                .string("ssh-connection").string(PUBLICKEY);
        data.raw(requestStart, signedStart, signedEnd - signedStart);
        if (SignatureCheck.verify(session.crypto, algorithm, keyType, blob, signature, data.toBytes())) {
            success(name, PUBLICKEY + " " + algorithm);
        } else {
            failure(true);
        }
    }

    private void password(String name, PayloadReader r) throws SshProtocolException {
        boolean change = r.bool();
        byte[] pw = r.string();
        if (change) {
            r.string();
        }
        r.end("password request");
        if (!change && pw.length <= MAX_PASSWORD && checkPassword(name, pw)) {
            success(name, PASSWORD);
        } else {
            failure(true);
        }
    }

    private void infoResponse(PayloadReader r) throws SshProtocolException {
        String name = keyboardUser;
        keyboardUser = null;
        int n = r.u32();
        if (n != 1) {
            r.skip(r.remaining());
            failure(true);
            return;
        }
        byte[] pw = r.string();
        r.end("keyboard-interactive response");
        if (pw.length <= MAX_PASSWORD && checkPassword(name, pw)) {
            success(name, KEYBOARD_INTERACTIVE);
        } else {
            failure(true);
        }
    }

    private boolean checkPassword(String name, byte[] pw) {
        CharBuffer chars = StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(pw));
        char[] c = new char[chars.remaining()];
        chars.get(c);
        Arrays.fill(pw, (byte) 0);
        Arrays.fill(chars.array(), '\0');
        try {
            return session.ops.checkPassword(name, c);
        } finally {
            Arrays.fill(c, '\0');
        }
    }

    private void success(String name, String how) {
        authenticated = true;
        user = name;
        LOG.log(Level.INFO, () -> "ssh " + session.peer() + ": user '" + name + "' authenticated by " + how);
        session.send(session.writer.reset().u8(Msg.USERAUTH_SUCCESS));
        session.authenticated();
    }

    private void failure(boolean counts) {
        String methods = session.ops.offersPassword() ? "publickey,password,keyboard-interactive" : PUBLICKEY;
        if (!counts) {
            session.send(session.writer.reset().u8(Msg.USERAUTH_FAILURE).string(methods).bool(false));
            return;
        }
        failures++;
        if (failures >= session.limits.maxAuthAttempts()) {
            session.disconnect(SshDisconnect.NO_MORE_AUTH_METHODS_AVAILABLE,
                    "too many authentication failures (" + failures + ")");
            return;
        }
        int delay = session.limits.authFailureDelayMillis();
        if (delay == 0) {
            session.send(session.writer.reset().u8(Msg.USERAUTH_FAILURE).string(methods).bool(false));
            return;
        }
        // pace the client: nothing more is read until the answer goes out
        session.holdInput(true);
        session.timer(() -> {
            session.send(session.writer.reset().u8(Msg.USERAUTH_FAILURE).string(methods).bool(false));
            session.holdInput(false);
        }).schedule(delay * 1000L);
    }

    private void sendBanner() {
        if (bannerSent) {
            return;
        }
        bannerSent = true;
        Optional<String> banner = session.ops.banner();
        banner.ifPresent(b -> session.send(session.writer.reset().u8(Msg.USERAUTH_BANNER).string(b).string("")));
    }

    private static String keyTypeOf(byte[] blob) {
        try {
            return new PayloadReader().reset(blob, 0, blob.length).ascii(64);
        } catch (SshProtocolException e) {
            return "";
        }
    }
}
