package org.lightwire.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

import org.lightwire.config.internal.JsonReader;
import org.lightwire.config.internal.JsonValue;
import org.lightwire.config.internal.JsonValue.BooleanValue;
import org.lightwire.config.internal.JsonValue.NumberValue;
import org.lightwire.config.internal.JsonValue.StringValue;

/**
 * Reads config values the way lwsws does. Every value is text to lws ({@code "port": "443"}),
 * so a JSON number or boolean is taken as the text it is written as; integers and flags
 * are then read from that text. {@code _lws_ddir_} in a string becomes the data
 * directory, so a config can name installed files without knowing the install prefix.
 */
final class Scalars {

    /** The lwsws placeholder for the data directory. */
    static final String DATA_DIR_TOKEN = "_lws_ddir_";

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
    private static final Pattern NON_NEGATIVE = Pattern.compile("[0-9]+");

    private final String dataDir;

    Scalars(Path dataDir) {
        this.dataDir = dataDir.toString();
    }

    /** The value as text: a string ({@code _lws_ddir_} replaced), or a number or boolean as written. */
    String text(Field f) throws ConfigException {
        JsonValue v = f.value();
        if (v instanceof StringValue s) {
            return substitute(f, s.value());
        }
        if (v instanceof NumberValue n) {
            return n.text();
        }
        if (v instanceof BooleanValue b) {
            return Boolean.toString(b.value());
        }
        throw f.error("expected a string, found " + v.kind());
    }

    /** {@link #text} that must not be empty, for names and paths. */
    String nonEmptyText(Field f) throws ConfigException {
        String text = text(f);
        if (text.isEmpty()) {
            throw f.error("must not be empty");
        }
        return text;
    }

    /** A decimal {@code int}. */
    int integer(Field f) throws ConfigException {
        String text = text(f);
        if (!INTEGER.matcher(text).matches()) {
            throw f.error("expected an integer, found " + MessageText.quote(text));
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw f.error("integer " + MessageText.quote(text) + " is out of range");
        }
    }

    /** A decimal {@code int} in {@code min..max}. */
    int integer(Field f, int min, int max) throws ConfigException {
        int value = integer(f);
        if (value < min || value > max) {
            throw f.error("must be " + min + ".." + max + ", not " + value);
        }
        return value;
    }

    /** A decimal {@code long} in {@code min..max}, for byte counts and OpenSSL option bits. */
    long longInteger(Field f, long min, long max) throws ConfigException {
        String text = text(f);
        if (!INTEGER.matcher(text).matches()) {
            throw f.error("expected an integer, found " + MessageText.quote(text));
        }
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw f.error("integer " + MessageText.quote(text) + " is out of range");
        }
        if (value < min || value > max) {
            throw f.error("must be " + min + ".." + max + ", not " + value);
        }
        return value;
    }

    /**
     * A file system path ({@code _lws_ddir_} replaced). Only its form is checked here:
     * whether the file exists is for whoever opens it at start, which may be after the
     * config is read (a log file created on start, a certificate provisioned later).
     */
    Path path(Field f) throws ConfigException {
        String text = nonEmptyText(f);
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw f.error("not a usable path: " + e.getReason());
        }
    }

    /**
     * A flag as lws reads one: a non-zero integer or on/yes/true is true, 0 or off/no/false
     * is false (words in any case). Anything else is refused rather than read as false, so
     * a typo cannot quietly turn a feature off.
     */
    boolean flag(Field f) throws ConfigException {
        String text = text(f);
        switch (text.toLowerCase(Locale.ROOT)) {
            case "on", "yes", "true":
                return true;
            case "off", "no", "false":
                return false;
            default:
                if (INTEGER.matcher(text).matches()) {
                    return text.chars().anyMatch(c -> c >= '1' && c <= '9');
                }
                throw f.error("expected a flag (on/off, yes/no, true/false or an integer), found "
                        + MessageText.quote(text));
        }
    }

    /** A comma-separated list of non-negative integers, such as a retry table "1000,2000,5000". */
    int[] integerList(Field f) throws ConfigException {
        String text = text(f);
        if (text.isBlank()) {
            return new int[0];
        }
        String[] entries = text.split(",", -1);
        int[] values = new int[entries.length];
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            if (!NON_NEGATIVE.matcher(entry).matches()) {
                throw f.error("entry " + (i + 1) + " of the list: expected a non-negative integer, found "
                        + MessageText.quote(entry));
            }
            try {
                values[i] = Integer.parseInt(entry);
            } catch (NumberFormatException e) {
                throw f.error("entry " + (i + 1) + " of the list: " + MessageText.quote(entry) + " is out of range");
            }
        }
        return values;
    }

    private String substitute(Field f, String value) throws ConfigException {
        int count = 0;
        for (int i = value.indexOf(DATA_DIR_TOKEN); i >= 0; i = value.indexOf(DATA_DIR_TOKEN, i + DATA_DIR_TOKEN.length())) {
            count++;
        }
        if (count == 0) {
            return value;
        }
        // Checked before replacing: a hostile file full of placeholders must not make us
        // build a huge string first.
        long length = value.length() + (long) count * (dataDir.length() - DATA_DIR_TOKEN.length());
        if (length > JsonReader.MAX_STRING_LENGTH) {
            throw f.error("string longer than 64 KiB once " + DATA_DIR_TOKEN + " is replaced");
        }
        return value.replace(DATA_DIR_TOKEN, dataDir);
    }
}
