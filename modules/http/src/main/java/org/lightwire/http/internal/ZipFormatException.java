package org.lightwire.http.internal;

import java.io.IOException;

/**
 * A zip file (or one member of it) cannot be served: malformed or truncated structures,
 * offsets outside the file, sizes that disagree, or features left out on purpose (zip64,
 * encryption, compression methods other than stored and deflate). The message names the
 * file and, where one is concerned, the member.
 */
public final class ZipFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public ZipFormatException(String message) {
        super(message);
    }
}
