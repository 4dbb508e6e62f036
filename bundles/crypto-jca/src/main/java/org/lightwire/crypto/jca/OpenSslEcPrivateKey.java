package org.lightwire.crypto.jca;

import java.math.BigInteger;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECParameterSpec;
import org.lightwire.crypto.jca.ossl.NativeKey;

/** An EC private key (P-256/384/521) that {@link OpenSslSignatures} signs with on OpenSSL. */
final class OpenSslEcPrivateKey extends OpenSslPrivateKey implements ECPrivateKey {

    private static final long serialVersionUID = 1L;

    private final ECPrivateKey ec;

    OpenSslEcPrivateKey(ECPrivateKey jdk, NativeKey nativeKey) {
        super(jdk, nativeKey);
        this.ec = jdk;
    }

    @Override
    public ECParameterSpec getParams() {
        return ec.getParams();
    }

    @Override
    public BigInteger getS() {
        return ec.getS();
    }
}
