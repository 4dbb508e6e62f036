package org.lightwire.it.crypto;

import java.util.Arrays;

/** Just enough DER walking for tests to take apart what a backend produced. */
final class Der {

    private Der() {
    }

    /** A cursor over a run of DER elements. */
    static final class Walk {
        private final byte[] data;
        private int pos;
        private final int end;

        Walk(byte[] data) {
            this(data, 0, data.length);
        }

        private Walk(byte[] data, int from, int to) {
            this.data = data;
            this.pos = from;
            this.end = to;
        }

        /** Steps into the constructed element here. */
        Walk enter() {
            int[] h = header();
            pos = h[1] + h[2];
            return new Walk(data, h[1], h[1] + h[2]);
        }

        /** The whole element here, header included, without moving. */
        byte[] raw() {
            int[] h = header();
            return Arrays.copyOfRange(data, pos, h[1] + h[2]);
        }

        void skip() {
            int[] h = header();
            pos = h[1] + h[2];
        }

        byte[] bitString() {
            int[] h = header();
            pos = h[1] + h[2];
            return Arrays.copyOfRange(data, h[1] + 1, h[1] + h[2]);
        }

        /** {tag, content start, content length}. */
        private int[] header() {
            if (pos >= end) {
                throw new AssertionError("DER: no element at " + pos);
            }
            int tag = data[pos] & 0xff;
            int p = pos + 1;
            int len = data[p++] & 0xff;
            if (len >= 0x80) {
                int n = len & 0x7f;
                len = 0;
                for (int i = 0; i < n; i++) {
                    len = (len << 8) | (data[p++] & 0xff);
                }
            }
            return new int[] {tag, p, len};
        }
    }
}
