package org.lightwire.it.tls;

/** The TLS suite on crypto-jca (JDK JSSE). */
class TlsJcaIT extends TlsSuite {

    @Override
    String backend() {
        return "jca";
    }
}
