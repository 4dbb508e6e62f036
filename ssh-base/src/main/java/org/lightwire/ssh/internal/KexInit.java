package org.lightwire.ssh.internal;

import java.util.List;

/**
 * One side's SSH_MSG_KEXINIT (RFC 4253 7.1): its algorithm name-lists in preference order,
 * the first-kex-packet-follows flag, and the whole payload (I_C / I_S of the exchange hash).
 */
record KexInit(List<String> kex, List<String> hostKey, List<String> cipherC2s, List<String> cipherS2c,
        List<String> macC2s, List<String> macS2c, List<String> compressionC2s, List<String> compressionS2c,
        boolean firstKexPacketFollows, byte[] payload) {

    /** Longest name-list accepted; real clients send a few hundred bytes. */
    static final int MAX_NAME_LIST = 4096;

    static KexInit read(PayloadReader r, byte[] payload) throws SshProtocolException {
        r.skip(16); // cookie
        List<String> kex = nameList(r);
        List<String> hostKey = nameList(r);
        List<String> encC = nameList(r);
        List<String> encS = nameList(r);
        List<String> macC = nameList(r);
        List<String> macS = nameList(r);
        List<String> compC = nameList(r);
        List<String> compS = nameList(r);
        nameList(r); // languages client to server
        nameList(r); // languages server to client
        boolean follows = r.bool();
        r.u32(); // reserved
        r.end("KEXINIT");
        return new KexInit(kex, hostKey, encC, encS, macC, macS, compC, compS, follows, payload);
    }

    private static List<String> nameList(PayloadReader r) throws SshProtocolException {
        String s = r.ascii(MAX_NAME_LIST);
        if (s.isEmpty()) {
            return List.of();
        }
        return List.of(s.split(",", -1));
    }

    /** Writes a KEXINIT payload with these lists and a fresh cookie. */
    static byte[] write(PayloadWriter w, byte[] cookie, List<String> kex, List<String> hostKey, List<String> ciphers,
            List<String> macs, List<String> compression) {
        w.reset().u8(Msg.KEXINIT).raw(cookie);
        w.string(String.join(",", kex)).string(String.join(",", hostKey));
        w.string(String.join(",", ciphers)).string(String.join(",", ciphers));
        w.string(String.join(",", macs)).string(String.join(",", macs));
        w.string(String.join(",", compression)).string(String.join(",", compression));
        w.string("").string("").bool(false).u32(0);
        return w.toBytes();
    }
}
