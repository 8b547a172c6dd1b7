package com.paysign;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.Test;

/**
 * The packed params path: a map crosses to the core as one byte[] (Strings.pack, then one
 * paysign_params_set_all in the JNI glue), and PaySign.sign gets the signature alone back.
 */
public class PackedParamsTest {
    private static final String MD5_REQUEST = "99bill-md5-request-midpay";
    /** 31 fields, Chinese text and empty values, RSA-SHA256 from a PFX. */
    private static final String RSA_REQUEST = "99bill-rsa-sha256-request-10012140356-pfx";
    private static final String WECHAT_MD5 = "wechat-doc-example-md5";

    interface Call {
        Object run() throws Exception;
    }

    private static Throwable thrown(Call call) {
        try {
            Object r = call.run();
            fail("expected an exception, got " + r);
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    /** The IllegalArgumentException message of call, which must throw one. */
    private static String rejection(Call call) {
        Throwable t = thrown(call);
        if (!(t instanceof IllegalArgumentException)) {
            throw new AssertionError("expected IllegalArgumentException, got " + t, t);
        }
        return t.getMessage();
    }

    private static String md5Upper(String s) throws Exception {
        byte[] d = MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
        StringBuilder sb = new StringBuilder();
        for (byte b : d) {
            sb.append(String.format("%02X", b & 0xff));
        }
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private static Key keyOf(Map<String, Object> v) {
        Map<String, Object> k = (Map<String, Object>) v.get("key");
        return k.get("file") != null
                ? Key.fromFile(Vectors.path((String) k.get("file")), (String) k.get("password"))
                : Key.secret((String) k.get("secret"));
    }

    private static String options(Map<String, Object> v) {
        String o = (String) v.get("options");
        return o == null || o.isEmpty() ? null : o;
    }

    /** The MD5 oracle of the wechatpay tests below, checked against the shared vector. */
    private static void checkWechatOracle() throws Exception {
        Map<String, Object> v = Vectors.byId(WECHAT_MD5);
        try (Key key = keyOf(v)) {
            String s = PaySign.signString("wechatpay.request", Vectors.params(v.get("params")), key,
                                          options(v));
            assertEquals(v.get("expect_signature"), md5Upper(s));
        }
    }

    private static void assertSameEntries(Map<String, String> expected, Map<String, String> actual) {
        assertEquals(new ArrayList<Map.Entry<String, String>>(expected.entrySet()),
                     new ArrayList<Map.Entry<String, String>>(actual.entrySet()));
    }

    // ---- the packed bytes ------------------------------------------------------------------

    @Test
    public void packIsUtf8NameNulValueNul() throws Exception {
        String[] samples = {
            "", "a", "\u007f", "\u0080", "\u07ff", "\u0800", "\ud7ff", "\ue000", "\uffff",
            "\ud800\udc00", "\udbff\udfff", "\ud83d\ude00", "商品描述", "ab\u00e9\u4e2d\ud83d\ude00cd",
            new String(new char[1000]).replace('\0', 'x') + "é", // grows the buffer mid-string
        };
        Map<String, String> m = new LinkedHashMap<String, String>();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int i = 0; i < samples.length; i++) {
            String name = "n" + i + samples[i];
            m.put(name, samples[samples.length - 1 - i]);
            for (String s : new String[] {name, samples[samples.length - 1 - i]}) {
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                expected.write(b, 0, b.length);
                expected.write(0);
            }
        }
        Strings.Packed p = Strings.pack(m);
        byte[] got = new byte[p.length];
        System.arraycopy(p.data, 0, got, 0, p.length);
        assertArrayEquals(expected.toByteArray(), got);

        Strings.Packed none = Strings.pack(Collections.<String, String>emptyMap());
        assertEquals(0, none.length);
        assertEquals(null, Strings.pack(null));
    }

    // ---- values through the core ----------------------------------------------------------

    @Test
    public void signatureAloneMatchesVectorAndSignParams() throws Exception {
        Map<String, Object> v = Vectors.byId(MD5_REQUEST);
        LinkedHashMap<String, String> params = Vectors.params(v.get("params"));
        try (Key key = keyOf(v)) {
            String sig = PaySign.sign("99bill.pay.request", params, key, options(v));
            assertEquals(v.get("expect_signature"), sig);
            assertEquals(v.get("expect_sign_string"),
                         PaySign.signString("99bill.pay.request", params, key, options(v)));
            LinkedHashMap<String, String> signed = PaySign.signParams("99bill.pay.request", params, key, options(v));
            LinkedHashMap<String, String> expected = new LinkedHashMap<String, String>(params);
            expected.put("signMsg", sig);
            assertSameEntries(expected, signed);
            assertTrue(PaySign.verify("99bill.pay.request", signed, key, options(v)));
        }
    }

    @Test
    public void nonAsciiAndEmptyValuesMatchVector() throws Exception {
        Map<String, Object> v = Vectors.byId(RSA_REQUEST);
        LinkedHashMap<String, String> params = Vectors.params(v.get("params"));
        assertTrue(params.containsValue(""));
        boolean nonAscii = false;
        for (String value : params.values()) {
            nonAscii |= !value.equals(new String(value.getBytes(StandardCharsets.US_ASCII), StandardCharsets.US_ASCII));
        }
        assertTrue("the vector has non-ASCII values", nonAscii);
        try (Key key = keyOf(v)) {
            assertEquals(v.get("expect_signature"), PaySign.sign("99bill.pay.request", params, key, options(v)));
            LinkedHashMap<String, String> signed = PaySign.signParams("99bill.pay.request", params, key, options(v));
            LinkedHashMap<String, String> expected = new LinkedHashMap<String, String>(params);
            expected.put("signMsg", (String) v.get("expect_signature"));
            assertSameEntries(expected, signed);
        }
    }

    @Test
    public void twoThreeAndFourByteCharacters() throws Exception {
        checkWechatOracle();
        Map<String, String> params = new LinkedHashMap<String, String>();
        params.put("appid", "wx");
        params.put("body", "ab\u00e9\u4e2d\ud83d\ude00cd");
        params.put("détail", "\u07ff\u0800\uffff");
        try (Key key = Key.secret("k")) {
            String s = PaySign.signString("wechatpay.request", params, key, "sign_type=MD5");
            assertEquals("appid=wx&body=ab\u00e9\u4e2d\ud83d\ude00cd&détail=\u07ff\u0800\uffff&key=k", s);
            assertEquals(md5Upper(s), PaySign.sign("wechatpay.request", params, key, "sign_type=MD5"));
            String form = PaySign.encode(params, "form", null);
            assertSameEntries(params, PaySign.parse(form.getBytes(StandardCharsets.US_ASCII), "form", null));
        }
    }

    @Test
    public void emptyMap() throws Exception {
        checkWechatOracle();
        Map<String, String> empty = Collections.emptyMap();
        try (Key key = Key.secret("k")) {
            assertEquals("key=k", PaySign.signString("wechatpay.request", empty, key, "sign_type=MD5"));
            String sig = PaySign.sign("wechatpay.request", empty, key, "sign_type=MD5");
            assertEquals(md5Upper("key=k"), sig);
            assertEquals(Collections.singletonMap("sign", sig),
                         PaySign.signParams("wechatpay.request", empty, key, "sign_type=MD5"));
            assertEquals("", PaySign.encode(empty, "form", null));
            PaySignException e = (PaySignException) thrown(() -> PaySign.sign("99bill.pay.request", empty, key));
            assertEquals(PaySignException.MISSING_FIELD, e.getStatus());
        }
    }

    @Test
    public void emptyValuesAndNames() throws Exception {
        Map<String, String> params = new LinkedHashMap<String, String>();
        params.put("a", "");
        params.put("b", "1");
        params.put("c", "");
        String form = PaySign.encode(params, "form", null);
        assertEquals("a=&b=1&c=", form);
        assertSameEntries(params, PaySign.parse(form.getBytes(StandardCharsets.US_ASCII), "form", null));
        try (Key key = Key.secret("k")) {
            assertEquals("b=1&key=k", PaySign.signString("wechatpay.request", params, key, "sign_type=MD5"));
            Map<String, String> emptyName = new LinkedHashMap<String, String>(params);
            emptyName.put("", "x"); // the core's rule: INVALID_ARGUMENT naming the pair
            PaySignException e = (PaySignException) thrown(
                    () -> PaySign.sign("wechatpay.request", emptyName, key, "sign_type=MD5"));
            assertEquals(PaySignException.INVALID_ARGUMENT, e.getStatus());
            assertTrue(e.getMessage(), e.getMessage().contains("pair 3"));
        }
    }

    @Test
    public void manyFieldsCrossTheHeapPath() throws Exception {
        Map<String, Object> v = Vectors.byId(MD5_REQUEST);
        LinkedHashMap<String, String> params = Vectors.params(v.get("params"));
        for (int i = 0; i < 3000; i++) { // ~40 KB packed: more than the glue's stack buffer
            params.put(String.format("extra%04d", i), "value " + i);
        }
        try (Key key = keyOf(v)) {
            // 99bill signs its own fields in its own order: the extras change nothing
            assertEquals(v.get("expect_sign_string"),
                         PaySign.signString("99bill.pay.request", params, key, options(v)));
            assertEquals(v.get("expect_signature"), PaySign.sign("99bill.pay.request", params, key, options(v)));
            LinkedHashMap<String, String> signed = PaySign.signParams("99bill.pay.request", params, key, options(v));
            LinkedHashMap<String, String> expected = new LinkedHashMap<String, String>(params);
            expected.put("signMsg", (String) v.get("expect_signature"));
            assertSameEntries(expected, signed);
            assertTrue(PaySign.verify("99bill.pay.request", signed, key, options(v)));
        }
        String form = PaySign.encode(params, "form", null);
        assertSameEntries(params, PaySign.parse(form.getBytes(StandardCharsets.US_ASCII), "form", null));
    }

    @Test
    public void largeValues() throws Exception {
        checkWechatOracle();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; sb.length() < 300000; i++) {
            sb.append("item ").append(i).append(" 商品\ud83d\ude00; ");
        }
        String big = sb.append("end").toString(); // (wechatpay trims a trailing space)
        Map<String, String> params = new LinkedHashMap<String, String>();
        params.put("appid", "wx");
        params.put("body", big);
        params.put("nonce_str", "n");
        try (Key key = Key.secret("k")) {
            String s = PaySign.signString("wechatpay.request", params, key, "sign_type=MD5");
            assertEquals("appid=wx&body=" + big + "&nonce_str=n&key=k", s);
            String sig = PaySign.sign("wechatpay.request", params, key, "sign_type=MD5");
            assertEquals(md5Upper(s), sig);
            LinkedHashMap<String, String> signed = PaySign.signParams("wechatpay.request", params, key, "sign_type=MD5");
            assertEquals(big, signed.get("body"));
            assertEquals(sig, signed.get("sign"));
            assertTrue(PaySign.verify("wechatpay.request", signed, key, "sign_type=MD5"));
        }
    }

    // ---- rejections -----------------------------------------------------------------------

    @Test
    public void nulIsRejectedNamingTheFieldAsUtf8Does() throws Exception {
        Map<String, Object> v = Vectors.byId(MD5_REQUEST);
        String[][] cases = { // name, value, what the message names
            {"orderId", "123\u0000456", "value of parameter orderId"},
            {"order\u0000Id", "1", "parameter name"},
            {"productName", "商品\u0000", "value of parameter productName"},
            {"productName", "x\ud800y\u0000", "value of parameter productName"}, // NUL before surrogate
            {"productName", "x\ud800y", "value of parameter productName"},
            {"productName", "\udc00", "value of parameter productName"},
            {"productName", "a\ud83d", "value of parameter productName"},
            {"名\ud800", "1", "parameter name"},
        };
        try (Key key = keyOf(v)) {
            for (final String[] c : cases) {
                final LinkedHashMap<String, String> params = Vectors.params(v.get("params"));
                params.put(c[0], c[1]);
                String before = c[2].equals("parameter name") ? c[0] : c[1];
                String expected = rejection(() -> Strings.utf8(before, c[2])); // the per-string check
                assertTrue(expected, expected.startsWith("paysign: " + c[2] + " contains "));
                assertEquals(expected, rejection(() -> PaySign.sign("99bill.pay.request", params, key)));
                assertEquals(expected, rejection(() -> PaySign.signParams("99bill.pay.request", params, key)));
                assertEquals(expected, rejection(() -> PaySign.signString("99bill.pay.request", params, key)));
                assertEquals(expected, rejection(() -> PaySign.verify("99bill.pay.request", params, key)));
                assertEquals(expected, rejection(() -> PaySign.encode(params, "form", null)));
            }
        }
        assertEquals("paysign: value of parameter orderId contains a NUL character at index 3",
                     rejection(() -> Strings.pack(Collections.singletonMap("orderId", "123\u0000456"))));
    }

    @Test
    public void nullNameOrValueIsNullArgumentNamingTheField() throws Exception {
        Map<String, Object> v = Vectors.byId(MD5_REQUEST);
        try (Key key = keyOf(v)) {
            final LinkedHashMap<String, String> params = Vectors.params(v.get("params"));
            params.put("orderId", null);
            PaySignException e = (PaySignException) thrown(() -> PaySign.sign("99bill.pay.request", params, key));
            assertEquals(PaySignException.NULL_ARGUMENT, e.getStatus());
            assertEquals("paysign: the value of parameter orderId is null", e.getMessage());
            // every string is checked first, as when the core saw the NULL after the conversion
            params.put("productDesc", "a\u0000");
            assertEquals("paysign: value of parameter productDesc contains a NUL character at index 1",
                         rejection(() -> PaySign.sign("99bill.pay.request", params, key)));
        }
    }
}
