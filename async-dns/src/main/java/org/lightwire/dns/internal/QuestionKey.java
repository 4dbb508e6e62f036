package org.lightwire.dns.internal;

/** What is cached and piggybacked on: one normalised name and one record type (A or AAAA). */
record QuestionKey(String name, int type) {

    @Override
    public String toString() {
        return name + "/" + RecordType.name(type);
    }
}
