package org.lightwire.plugin.postdemo;

import java.util.Map;
import java.util.Optional;

/**
 * A request body's Content-Type as the demo reads it: {@code type/subtype} in lower case
 * and its parameters, e.g. {@code multipart/form-data; boundary=...}.
 */
record MediaType(String type, Map<String, String> parameters) {

    static final String URLENCODED = "application/x-www-form-urlencoded";
    static final String MULTIPART = "multipart/form-data";

    /** @throws FormRejectedException (400) if {@code value} is not a media type */
    static MediaType parse(String value) throws FormRejectedException {
        HeaderValueReader r = new HeaderValueReader(value, "Content-Type");
        String type = r.leadingType(true);
        return new MediaType(type, Map.copyOf(r.parameters(HeaderValueReader.Backslash.ESCAPES)));
    }

    Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }
}
