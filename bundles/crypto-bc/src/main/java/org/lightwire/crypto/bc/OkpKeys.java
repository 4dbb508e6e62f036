package org.lightwire.crypto.bc;

import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.KeyType;
import org.lightwire.api.crypto.OkpCurve;

/** Checks that an {@link KeyElements} is an OKP key on the expected curve. */
final class OkpKeys {

    private OkpKeys() {
    }

    static void require(KeyElements key, OkpCurve curve, boolean needPrivate) {
        if (key.type() != KeyType.OKP) {
            throw new BadKeyException(curve.jwkName() + ": expected an OKP key, got " + key.type().jwkName());
        }
        if (key.okpCurve() != curve) {
            throw new BadKeyException(curve.jwkName() + ": expected a " + curve.jwkName() + " key, got " + key.okpCurve().jwkName());
        }
        if (needPrivate && !key.has(KeyElements.OKP_D)) {
            throw new BadKeyException(curve.jwkName() + ": a private key is needed, this one has no D");
        }
    }
}
