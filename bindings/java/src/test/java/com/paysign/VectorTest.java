package com.paysign;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.AfterClass;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/** Every shared vector case (testdata/vectors/*.json) through the Java API. */
@RunWith(Parameterized.class)
public class VectorTest {
    private static final AtomicInteger RAN = new AtomicInteger();
    private static int total;

    @Parameters(name = "{0}")
    public static Collection<Object[]> data() throws Exception {
        List<Object[]> out = new ArrayList<Object[]>();
        for (Map<String, Object> c : Vectors.cases()) {
            out.add(new Object[] {c.get("_file") + ":" + c.get("id"), c});
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no vector cases found in " + Vectors.dir());
        }
        total = out.size();
        return out;
    }

    @AfterClass
    public static void report() {
        System.out.println("vector cases run: " + RAN.get() + " of " + total);
        assertTrue("no vector case ran", RAN.get() > 0);
    }

    private final String name;
    private final Map<String, Object> c;

    public VectorTest(String name, Map<String, Object> c) {
        this.name = name;
        this.c = c;
    }

    @Test
    @SuppressWarnings("unchecked")
    public void vector() throws Exception {
        String op = (String) c.get("op");
        String profile = (String) c.get("profile");
        String options = (String) c.get("options");
        boolean expectOk = "ok".equals(c.get("expect"));
        if (!expectOk) {
            assertEquals(name, "bad_signature", c.get("expect"));
        }

        if (op.equals("authenticator")) {
            Map<String, Object> inputs = (Map<String, Object>) c.get("inputs");
            String hex = (String) c.get("expect_hex");
            LinkedHashMap<String, String> params = new LinkedHashMap<String, String>();
            for (Map.Entry<String, Object> e : inputs.entrySet()) {
                if (!e.getKey().equals("shared_secret")) {
                    params.put(e.getKey(), String.valueOf(e.getValue()));
                }
            }
            try (Key key = Key.secret((String) inputs.get("shared_secret"))) {
                LinkedHashMap<String, String> withAuth = new LinkedHashMap<String, String>(params);
                withAuth.put("authenticator", hex);
                assertEquals(name, expectOk, PaySign.verify(profile, withAuth, key, (String) null));
                if (expectOk) {
                    assertEquals(name, hex.toLowerCase(), PaySign.sign(profile, params, key, (String) null));
                }
            }
            RAN.incrementAndGet();
            return;
        }

        Map<String, Object> k = (Map<String, Object>) c.get("key");
        Key key;
        if (k.get("file") != null) {
            key = Key.fromFile(Vectors.path((String) k.get("file")), (String) k.get("password"));
            if (k.get("secret") != null) {
                String q = "query_key=" + k.get("secret");
                options = options == null || options.isEmpty() ? q : options + "&" + q;
            }
        } else {
            key = Key.secret((String) k.get("secret"));
        }
        try {
            if (op.equals("sign")) {
                LinkedHashMap<String, String> params = Vectors.params(c.get("params"));
                String sig = PaySign.sign(profile, params, key, options);
                if (expectOk) {
                    assertEquals(name, c.get("expect_signature"), sig);
                } else {
                    assertNotEquals(name, c.get("expect_signature"), sig);
                }
                if (c.containsKey("expect_sign_string")) {
                    assertEquals(name, c.get("expect_sign_string"),
                                 PaySign.signString(profile, params, key, options));
                }
            } else if (op.equals("verify")) {
                LinkedHashMap<String, String> params = Vectors.params(c.get("params"));
                assertEquals(name, expectOk, PaySign.verify(profile, params, key, options));
                if (c.containsKey("expect_sign_string")) { // the signature field is left out
                    assertEquals(name, c.get("expect_sign_string"),
                                 PaySign.signString(profile, params, key, options));
                }
            } else if (op.equals("verify_body")) {
                byte[] body = c.get("body_b64") != null
                        ? Base64.getDecoder().decode((String) c.get("body_b64"))
                        : ((String) c.get("body")).getBytes(StandardCharsets.UTF_8);
                String format = c.get("format") != null ? (String) c.get("format") : "form";
                String charset = (String) c.get("charset");
                LinkedHashMap<String, String> out = new LinkedHashMap<String, String>();
                assertEquals(name, expectOk,
                             PaySign.verifyBody(profile, body, format, charset, key, options, out));
                if (expectOk) {
                    assertFalse(name + ": no parsed params", out.isEmpty());
                } else {
                    assertTrue(name + ": params handed out on a bad signature", out.isEmpty());
                }
            } else {
                throw new AssertionError(name + ": unknown op " + op);
            }
        } finally {
            key.close();
        }
        RAN.incrementAndGet();
    }
}
