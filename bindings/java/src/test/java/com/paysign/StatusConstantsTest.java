package com.paysign;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;

/**
 * PaySignException's status constants against include/paysign.h, both ways: a status added to
 * the C ABI without its Java constant (or with another number) fails here, not in a merchant's
 * catch block.
 */
public class StatusConstantsTest {
    private static Map<String, Integer> headerStatuses() throws Exception {
        // paysign.vectors is <root>/testdata/vectors; the header is <root>/include/paysign.h.
        File root = new File(System.getProperty("paysign.vectors")).getAbsoluteFile()
                .getParentFile().getParentFile();
        String h = new String(Files.readAllBytes(new File(root, "include/paysign.h").toPath()),
                StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("^\\s*PAYSIGN_([A-Z_]+) = (\\d+),", Pattern.MULTILINE).matcher(h);
        Map<String, Integer> out = new TreeMap<>();
        while (m.find()) {
            out.put(m.group(1), Integer.valueOf(m.group(2)));
        }
        return out;
    }

    private static Map<String, Integer> javaStatuses() throws Exception {
        Map<String, Integer> out = new TreeMap<>();
        for (Field f : PaySignException.class.getDeclaredFields()) {
            int mod = f.getModifiers();
            if (Modifier.isPublic(mod) && Modifier.isStatic(mod) && Modifier.isFinal(mod)
                    && f.getType() == int.class) {
                out.put(f.getName(), f.getInt(null));
            }
        }
        return out;
    }

    @Test
    public void everyHeaderStatusHasItsJavaConstant() throws Exception {
        Map<String, Integer> header = headerStatuses();
        assertTrue("header parsed: " + header, header.size() >= 17);
        Map<String, Integer> java = javaStatuses();
        for (Map.Entry<String, Integer> e : header.entrySet()) {
            if (e.getKey().equals("OK")) {
                continue; // success is not an exception
            }
            assertEquals("PaySignException." + e.getKey(), e.getValue(), java.get(e.getKey()));
        }
    }

    @Test
    public void everyJavaConstantIsInTheHeader() throws Exception {
        Map<String, Integer> header = headerStatuses();
        for (Map.Entry<String, Integer> e : javaStatuses().entrySet()) {
            assertEquals("PAYSIGN_" + e.getKey() + " in paysign.h", e.getValue(), header.get(e.getKey()));
        }
        assertFalse(javaStatuses().containsKey("OK"));
    }
}
