package org.lightwire.it.tls;

/** The TLS suite on crypto-bc (BouncyCastle JSSE), dropped into the plugin directory from optional/. */
class TlsBcIT extends TlsSuite {

    @Override
    String backend() {
        return "bc";
    }
}
