package com.paysign;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Access to <root>/testdata/vectors (system property paysign.vectors, set by test.sh). */
final class Vectors {
    private Vectors() {
    }

    static File dir() {
        String d = System.getProperty("paysign.vectors");
        return new File(d != null ? d : "../../testdata/vectors").getAbsoluteFile();
    }

    static File file(String relative) {
        return new File(dir(), relative);
    }

    static String path(String relative) {
        return file(relative).getPath();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> cases() throws IOException {
        File[] files = dir().listFiles();
        if (files == null) {
            throw new IOException("no vector directory " + dir());
        }
        Arrays.sort(files);
        List<Map<String, Object>> out = new ArrayList<Map<String, Object>>();
        for (File f : files) {
            if (!f.getName().endsWith(".json")) {
                continue;
            }
            String text = new String(Files.readAllBytes(f.toPath()), StandardCharsets.UTF_8);
            Map<String, Object> doc = (Map<String, Object>) MiniJson.parse(text);
            for (Object c : (List<Object>) doc.get("cases")) {
                Map<String, Object> m = (Map<String, Object>) c;
                m.put("_file", f.getName());
                out.add(m);
            }
        }
        return out;
    }

    /** A case's case by id (for tests that reuse one vector's data). */
    static Map<String, Object> byId(String id) throws IOException {
        for (Map<String, Object> c : cases()) {
            if (id.equals(c.get("id"))) {
                return c;
            }
        }
        throw new IllegalArgumentException("no vector " + id);
    }

    /** [[name, value], ...] as an ordered map; a repeated name would be lost, so it fails. */
    @SuppressWarnings("unchecked")
    static LinkedHashMap<String, String> params(Object list) {
        LinkedHashMap<String, String> m = new LinkedHashMap<String, String>();
        for (Object pair : (List<Object>) list) {
            List<Object> p = (List<Object>) pair;
            String name = (String) p.get(0);
            if (m.containsKey(name)) {
                throw new IllegalArgumentException("vector repeats parameter " + name);
            }
            m.put(name, (String) p.get(1));
        }
        return m;
    }
}
