package org.lightwire.it.crypto;

import java.util.HexFormat;

/** Hex for vectors: whitespace inside a value is ignored, so long values can be grouped. */
final class Hex {

    private Hex() {
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
    }

    static String of(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
