package org.lightwire.jose.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lightwire.jose.MalformedJoseException;

/**
 * An immutable JSON object with its members in document order and typed accessors whose
 * errors name the object ({@code what}, e.g. "JWS protected header") and the member. Values
 * are {@link String}, {@link JsonNumber}, {@link Boolean}, {@link JsonNull}, {@link JsonObject}
 * and unmodifiable {@link List}s of those.
 */
public final class JsonObject {

    private final String what;
    private final Map<String, Object> members;

    JsonObject(String what, LinkedHashMap<String, Object> members) {
        this.what = what;
        this.members = Collections.unmodifiableMap(members);
    }

    /** An object of the given members (copied, order kept) for writing. */
    public static JsonObject of(String what, Map<String, ?> members) {
        return new JsonObject(what, new LinkedHashMap<>(members));
    }

    /** What this object is, for messages. */
    public String what() {
        return what;
    }

    public Map<String, Object> members() {
        return members;
    }

    public Set<String> names() {
        return members.keySet();
    }

    public boolean has(String name) {
        return members.containsKey(name);
    }

    public Object get(String name) {
        return members.get(name);
    }

    public int size() {
        return members.size();
    }

    /** A required string member. */
    public String string(String name) {
        String s = optString(name);
        if (s == null) {
            throw new MalformedJoseException(what + ": member \"" + name + "\" is missing");
        }
        return s;
    }

    /** A string member, or null if absent; a member of another type is an error. */
    public String optString(String name) {
        Object v = members.get(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw wrongType(name, "a string");
        }
        return s;
    }

    /** A boolean member, or null if absent. */
    public Boolean optBoolean(String name) {
        Object v = members.get(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Boolean b)) {
            throw wrongType(name, "true or false");
        }
        return b;
    }

    /** An object member, or null if absent. */
    public JsonObject optObject(String name) {
        Object v = members.get(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof JsonObject o)) {
            throw wrongType(name, "an object");
        }
        return o;
    }

    /** An array member, or null if absent. */
    public List<Object> optArray(String name) {
        Object v = members.get(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof List<?> l)) {
            throw wrongType(name, "an array");
        }
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) l;
        return list;
    }

    /** An array of strings, or null if absent; an element of another type is an error. */
    public List<String> optStringArray(String name) {
        List<Object> l = optArray(name);
        if (l == null) {
            return null;
        }
        List<String> out = new ArrayList<>(l.size());
        for (Object o : l) {
            if (!(o instanceof String s)) {
                throw wrongType(name, "an array of strings");
            }
            out.add(s);
        }
        return List.copyOf(out);
    }

    /** An array of objects, or null if absent. */
    public List<JsonObject> optObjectArray(String name) {
        List<Object> l = optArray(name);
        if (l == null) {
            return null;
        }
        List<JsonObject> out = new ArrayList<>(l.size());
        for (Object o : l) {
            if (!(o instanceof JsonObject j)) {
                throw wrongType(name, "an array of objects");
            }
            out.add(j);
        }
        return List.copyOf(out);
    }

    /** A number member, or null if absent. */
    public JsonNumber optNumber(String name) {
        Object v = members.get(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof JsonNumber n)) {
            throw wrongType(name, "a number");
        }
        return n;
    }

    private MalformedJoseException wrongType(String name, String expected) {
        return new MalformedJoseException(what + ": member \"" + name + "\" must be " + expected);
    }

    /** The object as compact JSON, members in order. */
    public String toJson() {
        return JsonWriter.write(this);
    }

    @Override
    public String toString() {
        return toJson();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonObject j && j.members.equals(members);
    }

    @Override
    public int hashCode() {
        return members.hashCode();
    }
}
