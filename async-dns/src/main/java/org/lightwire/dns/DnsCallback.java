package org.lightwire.dns;

/** Receives the outcome of one lookup, on the thread of the loop the lookup was made for. */
@FunctionalInterface
public interface DnsCallback {

    /** Called exactly once per lookup, with a success or a failure. */
    void resolved(DnsResult result);
}
