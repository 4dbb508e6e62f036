package org.lightwire.plugin.postdemo;

/** One submitted form field: its name and value as the client sent them (decoded, unescaped). */
record FormField(String name, String value) {
}
