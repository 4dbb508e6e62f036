package org.lightwire.role.ws.codec;

/** Frame opcodes (RFC 6455 §5.2, §11.8) and their classes. */
public final class Opcodes {
    public static final int CONTINUATION = 0x0;
    public static final int TEXT = 0x1;
    public static final int BINARY = 0x2;
    public static final int CLOSE = 0x8;
    public static final int PING = 0x9;
    public static final int PONG = 0xA;

    private Opcodes() {
    }

    /** Control frames have the high bit of the opcode set (§5.5). */
    public static boolean isControl(int opcode) {
        return (opcode & 0x8) != 0;
    }

    /** Whether the opcode is one RFC 6455 defines. */
    public static boolean isDefined(int opcode) {
        return opcode <= BINARY || (opcode >= CLOSE && opcode <= PONG);
    }
}
