package com.paysign;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;

/** diagnose / diagnoseSign (the JSON report), built-in keys and the Alipay notify_verify URL. */
public class DiagnoseTest {
    private static final String WX_SECRET_CASE = "wechat-notify-xml-md5-derived";
    private static final String KQ_SHA1_CASE = "99bill-rsa-sha1-request-10012140356-pem";

    interface Call {
        Object run() throws Exception;
    }

    private static PaySignException expectStatus(int status, Call call) {
        try {
            Object r = call.run();
            fail("expected PaySignException " + status + ", got a result: " + r);
            return null;
        } catch (PaySignException e) {
            assertEquals("status of " + e, status, e.getStatus());
            assertNotNull(e.getMessage());
            return e;
        } catch (Exception e) {
            throw new AssertionError("expected PaySignException " + status + ", got " + e, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> report(String json) {
        assertNotNull(json);
        Object parsed = MiniJson.parse(json);
        assertTrue(json, parsed instanceof Map);
        return (Map<String, Object>) parsed;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> m, String name) {
        return (Map<String, Object>) m.get(name);
    }

    @SuppressWarnings("unchecked")
    private static String secretOf(Map<String, Object> v) {
        return (String) ((Map<String, Object>) v.get("key")).get("secret");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    // ---- diagnose -----------------------------------------------------------------------------

    @Test
    public void wechatNotifyValidHasNoCause() throws Exception {
        Map<String, Object> v = Vectors.byId(WX_SECRET_CASE);
        String secret = secretOf(v);
        try (Key key = Key.secret(secret)) {
            String json = PaySign.diagnose("wechatpay.notify", utf8((String) v.get("body")), "xml", "utf-8", key);
            Map<String, Object> r = report(json);
            assertEquals(json, "verify", r.get("mode"));
            assertEquals(json, "valid", r.get("verdict"));
            assertEquals(json, "PAYSIGN_OK", r.get("status"));
            assertTrue(json, r.containsKey("cause"));
            assertNull(json, r.get("cause"));
            assertTrue(json, ((String) r.get("sign_string")).endsWith("&key=***"));
            assertFalse("the secret is masked", json.contains(secret));
        }
    }

    @Test
    public void wechatNotifyTamperedIsInvalid() throws Exception {
        Map<String, Object> v = Vectors.byId(WX_SECRET_CASE);
        String body = (String) v.get("body");
        String tampered = body.replace("<total_fee>1</total_fee>", "<total_fee>2</total_fee>");
        assertFalse(tampered.equals(body));
        try (Key key = Key.secret(secretOf(v))) {
            String json = PaySign.diagnose("wechatpay.notify", utf8(tampered), "xml", null, key);
            Map<String, Object> r = report(json);
            assertEquals(json, "invalid", r.get("verdict"));
            assertEquals(json, "PAYSIGN_BAD_SIGNATURE", r.get("status"));
            assertEquals(json, "none", r.get("cause"));
            assertEquals(json, Boolean.FALSE, r.get("confirmed"));
            assertTrue(json, r.get("explanation") instanceof String);
            assertTrue(json, r.get("warnings") instanceof List);
            long tried = (Long) r.get("variants_tried");
            assertTrue(json, tried > 0 && tried <= (Long) r.get("max_variants"));
        }
    }

    @Test
    public void kuaiqianSha1CheckedAsSha256NamesTheDigest() throws Exception {
        Map<String, Object> v = Vectors.byId(KQ_SHA1_CASE);
        LinkedHashMap<String, String> params = Vectors.params(v.get("params"));
        LinkedHashMap<String, String> posted;
        try (Key priv = Key.fromFile(Vectors.path("keys/99bill_10012140356.pem"), null)) {
            posted = PaySign.signParams("99bill.pay.request", params, priv, "hash=sha1");
        }
        byte[] body = PaySign.encode(posted, "form", null).getBytes(StandardCharsets.US_ASCII);
        try (Key cert = Key.fromFile(Vectors.path("keys/99bill_10012140356_cert.pem"), null)) {
            assertFalse(PaySign.verifyBody("99bill.pay.request", body, "form", null, cert, "hash=sha256"));
            String json = PaySign.diagnose("99bill.pay.request", body, "form", null, cert, "hash=sha256");
            assertTrue("a report longer than the usual first buffer: " + json.length(),
                       json.getBytes(StandardCharsets.UTF_8).length > 1024);
            Map<String, Object> r = report(json);
            assertEquals(json, "invalid", r.get("verdict"));
            assertEquals(json, "digest", r.get("cause"));
            assertEquals(json, Boolean.TRUE, r.get("confirmed"));
            assertEquals(json, "SHA256withRSA", r.get("method"));
            Map<String, Object> variant = object(r, "variant");
            assertEquals(json, "SHA1withRSA", variant.get("method"));
            assertEquals(json, "sha1", object(variant, "detail").get("hash"));
            assertEquals(json, Boolean.TRUE, object(r, "key").get("expired"));

            // options as a map; the right digest verifies; a null format is form
            Map<String, String> opts = Collections.singletonMap("hash", "sha256");
            assertEquals("digest", report(PaySign.diagnose("99bill.pay.request", body, null, null, cert, opts)).get("cause"));
            assertEquals("valid", report(PaySign.diagnose("99bill.pay.request", body, "form", null, cert, "hash=sha1")).get("verdict"));
        }
        // no key: the report says what is missing
        Map<String, Object> r = report(PaySign.diagnose("99bill.pay.request", body, "form", null, null, "hash=sha256"));
        assertEquals("error", r.get("verdict"));
        assertEquals("PAYSIGN_NULL_ARGUMENT", r.get("status"));
        assertNull(r.get("key"));
    }

    @Test
    public void reportLongerThanTheFirstBuffer() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8000; i++) {
            sb.append('长');
        }
        Map<String, String> params = new LinkedHashMap<String, String>();
        params.put("appid", "wx1");
        params.put("attach", sb.toString());
        params.put("total_fee", "1");
        try (Key key = Key.secret("k")) {
            LinkedHashMap<String, String> signed = PaySign.signParams("wechatpay.notify", params, key);
            signed.put("total_fee", "2");
            byte[] body = PaySign.encode(signed, "form", null).getBytes(StandardCharsets.US_ASCII);
            String json = PaySign.diagnose("wechatpay.notify", body, "form", null, key);
            assertTrue(json.getBytes(StandardCharsets.UTF_8).length > 16384);
            Map<String, Object> r = report(json);
            assertEquals("invalid", r.get("verdict"));
            assertTrue(((String) r.get("sign_string")).contains(sb.toString()));
        }
    }

    @Test
    public void signModeComparesTheMerchantsSignature() {
        Map<String, String> req = new LinkedHashMap<String, String>();
        req.put("appid", "wxd930ea5d5a258f4f");
        req.put("mch_id", "10000100");
        req.put("nonce_str", "n1");
        req.put("body", "test");
        try (Key key = Key.secret("192006250b4c09247ec02edce69f6a2d")) {
            LinkedHashMap<String, String> signed = PaySign.signParams("wechatpay.request", req, key);
            String json = PaySign.diagnoseSign("wechatpay.request", utf8(PaySign.encode(signed, "form", null)), "form", null, key);
            Map<String, Object> r = report(json);
            assertEquals(json, "sign", r.get("mode"));
            assertEquals(json, "valid", r.get("verdict"));
            assertNull(json, r.get("cause"));
            assertEquals(json, signed.get("sign"), r.get("paysign_signature"));

            signed.put("sign", signed.get("sign").toLowerCase(java.util.Locale.ROOT));
            json = PaySign.diagnoseSign("wechatpay.request", utf8(PaySign.encode(signed, "form", null)), "form", null, key,
                                        (String) null);
            assertEquals(json, "hex_case", report(json).get("cause"));
        }
    }

    @Test
    public void undecodableBodyIsReportedNotThrown() {
        try (Key key = Key.secret("k")) {
            Map<String, Object> r = report(PaySign.diagnose("wechatpay.notify", utf8("<xml><a>1</b></xml>"), "xml", null, key));
            assertEquals("error", r.get("verdict"));
            assertEquals("PAYSIGN_MALFORMED_INPUT", r.get("status"));
        }
    }

    @Test
    public void badArgumentsThrow() {
        final byte[] body = utf8("a=1");
        try (final Key key = Key.secret("k")) {
            PaySignException e = expectStatus(12, () -> PaySign.diagnose("no.such.profile", body, "form", null, key));
            assertTrue(e.getMessage(), e.getMessage().contains("no.such.profile"));
            expectStatus(11, () -> PaySign.diagnose("wechatpay.notify", body, "form", null, key, "colour=red"));
            expectStatus(11, () -> PaySign.diagnoseSign("wechatpay.notify", body, "yaml", null, key));
            expectStatus(11, () -> PaySign.diagnose("wechatpay.notify", body, "form", "latin-42", key));
            expectStatus(10, () -> PaySign.diagnose(null, body, "form", null, key));
            // a null body is NULL with length 0: an argument error or an error report, never a crash
            try {
                assertNotNull(PaySign.diagnose("wechatpay.notify", null, "form", null, key));
            } catch (PaySignException ex) {
                assertEquals(PaySignException.NULL_ARGUMENT, ex.getStatus());
            }
        }
        try {
            PaySign.diagnose("wechatpay.notify\0", body, "form", null, null);
            fail("NUL accepted");
        } catch (IllegalArgumentException expected) {
            // refused, not truncated
        }
        Key closed = Key.secret("k");
        closed.close();
        try {
            PaySign.diagnose("wechatpay.notify", body, "form", null, closed);
            fail("closed key accepted");
        } catch (IllegalStateException expected) {
            // as everywhere
        }
    }

    // ---- built-in keys --------------------------------------------------------------------------

    @Test
    public void builtinKeysListsTheGateways() {
        List<String> names = PaySign.builtinKeys();
        assertTrue(names.toString(), names.contains("allinpay.gateway"));
        assertTrue(names.toString(), names.contains("99bill.production"));
        for (String name : names) {
            assertFalse(name.isEmpty() || name.contains("\n"));
            try (Key k = Key.builtin(name)) {
                assertFalse(k.isClosed());
            }
        }
        try {
            names.add("x");
            fail("the list is modifiable");
        } catch (UnsupportedOperationException expected) {
            // unmodifiable, like profiles()
        }
    }

    @Test
    public void builtin99billProductionRejectsAJunkBody() {
        StringBuilder junk = new StringBuilder("merchantAcctId=1001214035601&version=v2.0&language=1&signType=4&payType=00"
            + "&orderId=1&orderTime=20190220134835&orderAmount=1&dealId=1&dealTime=20190220134835&payAmount=1&payResult=10"
            + "&signMsg=");
        for (int i = 0; i < 86; i++) {
            junk.append("Wlpa"); // base64 of junk bytes
        }
        byte[] body = utf8(junk.toString());
        try (Key k = Key.builtin("99bill.production")) {
            try {
                assertFalse(PaySign.verifyBody("99bill.pay.notify", body, "form", null, k, "hash=sha256"));
            } catch (PaySignException e) {
                assertTrue(e.toString(), e.getStatus() > 1 && e.getStatus() < 99 && !e.getMessage().isEmpty());
            }
            Map<String, Object> r = report(PaySign.diagnose("99bill.pay.notify", body, "form", null, k, "hash=sha256"));
            assertFalse("valid".equals(r.get("verdict")));
            assertEquals("99bill.production", object(r, "key").get("builtin"));
        }
    }

    @Test
    public void unknownBuiltinIs11AndListsTheNames() {
        PaySignException e = expectStatus(11, () -> Key.builtin("no.such.gateway"));
        assertEquals(PaySignException.INVALID_ARGUMENT, e.getStatus());
        assertTrue(e.getMessage(), e.getMessage().contains("no.such.gateway"));
        assertTrue(e.getMessage(), e.getMessage().contains("allinpay.gateway"));
        expectStatus(11, () -> Key.builtin(""));
        expectStatus(10, () -> Key.builtin(null));
    }

    // ---- Alipay notify_verify -------------------------------------------------------------------

    @Test
    public void alipayNotifyVerifyUrl() {
        assertEquals("https://mapi.alipay.com/gateway.do?service=notify_verify&partner=2088101122136241&notify_id=ab%2Bc",
                     PaySign.alipayNotifyVerifyUrl("2088101122136241", "ab+c"));
        try {
            PaySign.alipayNotifyVerifyUrl("2088101122136241", "a\0b");
            fail("NUL accepted");
        } catch (IllegalArgumentException expected) {
            // refused, not truncated
        }
    }
}
