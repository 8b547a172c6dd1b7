package com.paysign;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Conversions between Java text and the UTF-8 bytes the C ABI takes. */
final class Strings {
    private Strings() {
    }

    /**
     * UTF-8 bytes of {@code s} (null stays null). A NUL would silently end a C string, and an
     * unpaired surrogate has no UTF-8 form: both are rejected instead of being altered.
     */
    static byte[] utf8(String s, String what) {
        if (s == null) {
            return null;
        }
        boolean surrogates = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\0') {
                throw nul(what, i);
            }
            if (Character.isSurrogate(c)) {
                surrogates = true;
            }
        }
        if (!surrogates) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        try {
            // newEncoder() reports malformed input (an unpaired surrogate) instead of writing '?'
            ByteBuffer bb = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(s));
            byte[] out = new byte[bb.remaining()];
            bb.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw unpaired(what, e);
        }
    }

    private static IllegalArgumentException nul(String what, int i) {
        return new IllegalArgumentException(
                "paysign: " + what + " contains a NUL character at index " + i);
    }

    private static IllegalArgumentException unpaired(String what, CharacterCodingException e) {
        return new IllegalArgumentException(
                "paysign: " + what + " contains an unpaired surrogate (not valid UTF-16)", e);
    }

    static String text(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    /**
     * A parameter map packed for {@code paysign_params_set_all}: the first {@code length} bytes
     * of {@code data} are UTF-8 {@code name NUL value NUL ...}, the last NUL included.
     */
    static final class Packed {
        final byte[] data;
        final int length;

        Packed(byte[] data, int length) {
            this.data = data;
            this.length = length;
        }
    }

    /**
     * Packs the map in one pass, in iteration order; a null map stays null (the core reports
     * it). Each name and value is checked as {@link #utf8} checks it, with the same messages. A
     * null name or value has no packed form: it is NULL_ARGUMENT, as the core reported it when
     * it was handed over as a NULL string, after every other field was checked.
     */
    static Packed pack(Map<String, String> params) {
        if (params == null) {
            return null;
        }
        int size = params.size();
        Packer p = new Packer(size * 48 + 16);
        String nullField = null;
        int count = 0;
        for (Map.Entry<String, String> e : params.entrySet()) {
            String name = e.getKey();
            String value = e.getValue();
            if (name != null) {
                p.put(name, null);
            }
            if (value != null) {
                p.put(value, String.valueOf(name));
            }
            if ((name == null || value == null) && nullField == null) {
                nullField = name == null ? "a parameter name" : "the value of parameter " + name;
            }
            count++;
        }
        if (count != size) {
            throw new java.util.ConcurrentModificationException();
        }
        if (nullField != null) {
            throw new PaySignException(PaySignException.NULL_ARGUMENT, "PAYSIGN_NULL_ARGUMENT",
                                       "paysign: " + nullField + " is null");
        }
        return new Packed(p.buf, p.pos);
    }

    /** A growing byte[] of NUL-terminated UTF-8 strings. */
    private static final class Packer {
        byte[] buf;
        int pos;

        Packer(int capacity) {
            buf = new byte[capacity];
        }

        private void ensure(int more) {
            if (buf.length - pos < more) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + more));
            }
        }

        /**
         * Appends s and its NUL. {@code valueOf} is null for a name, else the name whose value
         * s is (the error messages name the field, as {@link #utf8} does).
         */
        void put(String s, String valueOf) {
            int n = s.length();
            ensure(n + 1);
            byte[] b = buf;
            int at = pos;
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c == 0 || c >= 0x80) {
                    pos = at;
                    putRest(s, i, valueOf);
                    return;
                }
                b[at++] = (byte) c;
            }
            b[at++] = 0;
            pos = at;
        }

        /** UTF-8 of s from index i on, and the NUL. */
        private void putRest(String s, int i, String valueOf) {
            int n = s.length();
            ensure(3 * (n - i) + 1); // at most 3 bytes per UTF-16 unit
            byte[] b = buf;
            int at = pos;
            for (; i < n; i++) {
                char c = s.charAt(i);
                if (c == 0) {
                    throw nul(what(valueOf), i);
                } else if (c < 0x80) {
                    b[at++] = (byte) c;
                } else if (c < 0x800) {
                    b[at++] = (byte) (0xc0 | (c >> 6));
                    b[at++] = (byte) (0x80 | (c & 0x3f));
                } else if (!Character.isSurrogate(c)) {
                    b[at++] = (byte) (0xe0 | (c >> 12));
                    b[at++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                    b[at++] = (byte) (0x80 | (c & 0x3f));
                } else if (Character.isHighSurrogate(c) && i + 1 < n
                           && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    b[at++] = (byte) (0xf0 | (cp >> 18));
                    b[at++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                    b[at++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                    b[at++] = (byte) (0x80 | (cp & 0x3f));
                } else {
                    // utf8() reports a NUL anywhere in the string before a surrogate
                    int z = s.indexOf('\0', i);
                    if (z >= 0) {
                        throw nul(what(valueOf), z);
                    }
                    throw unpaired(what(valueOf), new MalformedInputException(1));
                }
            }
            b[at++] = 0;
            pos = at;
        }

        private static String what(String valueOf) {
            return valueOf == null ? "parameter name" : "value of parameter " + valueOf;
        }
    }

    /** Fills {@code out} from pairs starting at {@code from}. */
    static <M extends Map<String, String>> M toMap(byte[][] pairs, int from, M out) {
        for (int i = from; i + 1 < pairs.length; i += 2) {
            out.put(text(pairs[i]), text(pairs[i + 1]));
        }
        return out;
    }

    static LinkedHashMap<String, String> toMap(byte[][] pairs, int from) {
        return toMap(pairs, from, new LinkedHashMap<String, String>());
    }

    /** Options map to the {@code name=value&name=value} text of the C ABI. */
    static String options(Map<String, String> options) {
        if (options == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : options.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new IllegalArgumentException("paysign: null option name or value");
            }
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(e.getKey()).append('=').append(e.getValue());
        }
        return sb.toString();
    }
}
