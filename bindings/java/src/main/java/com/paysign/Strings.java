package com.paysign;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
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
                throw new IllegalArgumentException(
                        "paysign: " + what + " contains a NUL character at index " + i);
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
            throw new IllegalArgumentException(
                    "paysign: " + what + " contains an unpaired surrogate (not valid UTF-16)", e);
        }
    }

    static String text(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    /** {name0, value0, name1, value1, ...}; null map stays null (the core reports it). */
    static byte[][] pairs(Map<String, String> params) {
        if (params == null) {
            return null;
        }
        byte[][] out = new byte[params.size() * 2][];
        int i = 0;
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (i >= out.length) {
                throw new java.util.ConcurrentModificationException();
            }
            String name = e.getKey();
            out[i++] = utf8(name, "parameter name");
            out[i++] = utf8(e.getValue(), "value of parameter " + name);
        }
        if (i != out.length) {
            throw new java.util.ConcurrentModificationException();
        }
        return out;
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
