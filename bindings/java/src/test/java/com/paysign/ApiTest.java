package com.paysign;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;

/** Errors, robustness, lifecycle and the parts of the API the vectors do not reach. */
public class ApiTest {
    private static final String MD5_REQUEST = "99bill-md5-request-midpay";
    private static final String PFX = "keys/99bill_10012140356.pfx";

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

    private static <T extends Throwable> T expectThrows(Class<T> type, Call call) {
        try {
            Object r = call.run();
            fail("expected " + type.getSimpleName() + ", got a result: " + r);
            return null;
        } catch (Throwable t) {
            if (!type.isInstance(t)) {
                throw new AssertionError("expected " + type.getSimpleName() + ", got " + t, t);
            }
            return type.cast(t);
        }
    }

    /** No crash: either a result or a PaySignException. */
    private static void survives(Call call) {
        try {
            call.run();
        } catch (PaySignException e) {
            assertTrue(e.getStatus() > 1);
        } catch (Exception e) {
            throw new AssertionError("unexpected " + e, e);
        }
    }

    private static Map<String, Object> vector(String id) throws Exception {
        return Vectors.byId(id);
    }

    @SuppressWarnings("unchecked")
    private static String secretOf(Map<String, Object> v) {
        return (String) ((Map<String, Object>) v.get("key")).get("secret");
    }

    // ---- basics -----------------------------------------------------------------------------

    @Test
    public void versionIsNotEmpty() {
        String v = PaySign.version();
        assertNotNull(v);
        assertFalse(v.isEmpty());
    }

    @Test
    public void profilesListKnownIds() {
        List<String> p = PaySign.profiles();
        assertTrue(p.toString(), p.contains("99bill.pay.request"));
        assertTrue(p.toString(), p.contains("99bill.pay.notify"));
        assertTrue(p.toString(), p.contains("wechatpay.notify"));
    }

    @Test
    public void replyBodies() {
        assertEquals("<result>1</result><redirecturl>http://m/ok</redirecturl>",
                     PaySign.reply("99bill.pay.notify", true, "http://m/ok"));
        assertEquals("<xml><return_code><![CDATA[SUCCESS]]></return_code>"
                     + "<return_msg><![CDATA[OK]]></return_msg></xml>",
                     PaySign.reply("wechatpay.notify", true, null));
        assertEquals(PaySign.reply("wechatpay.notify", true, null), PaySign.reply("wechatpay.notify", true));
        assertFalse(PaySign.reply("99bill.pay.notify", false, "http://m/fail").isEmpty());
    }

    // ---- error mapping ----------------------------------------------------------------------

    @Test
    public void unknownProfileIs12AndNamesTheProfile() {
        final Map<String, String> params = new LinkedHashMap<String, String>();
        params.put("a", "1");
        try (final Key key = Key.secret("k")) {
            PaySignException e = expectStatus(12, () -> PaySign.sign("no.such.profile", params, key));
            assertTrue(e.getMessage(), e.getMessage().contains("no.such.profile"));
            assertEquals("PAYSIGN_UNKNOWN_PROFILE", e.getStatusName());
            assertTrue(e.toString(), e.toString().contains("PAYSIGN_UNKNOWN_PROFILE"));
            expectStatus(12, () -> PaySign.verify("no.such.profile", params, key));
            expectStatus(12, () -> PaySign.signString("no.such.profile", params, key));
            expectStatus(12, () -> PaySign.verifyBody("no.such.profile", "a=1".getBytes(), "form", null, key));
            expectStatus(12, () -> PaySign.reply("no.such.profile", true, null));
        }
    }

    @Test
    public void junkKeyIs20() throws Exception {
        expectStatus(20, () -> Key.load("this is not a key".getBytes(StandardCharsets.UTF_8), null));
        expectStatus(20, () -> Key.load(new byte[] {0x30, (byte) 0x82, 0x01}, "pw"));
        final byte[] pfx = Files.readAllBytes(Vectors.file(PFX).toPath());
        expectStatus(20, () -> Key.load(pfx, "wrong password"));
        expectStatus(20, () -> Key.fromFile(Vectors.path(PFX), "wrong password"));
    }

    @Test
    public void missingKeyFileIs31() {
        expectStatus(31, () -> Key.fromFile(Vectors.path("keys/no-such-file.pem"), null));
    }

    @Test
    public void badPercentEncodingIs16() {
        try (final Key key = Key.secret("APPSECRET")) {
            expectStatus(16, () -> PaySign.verifyBody("99bill.pay.notify",
                    "orderId=1&signMsg=%zz".getBytes(StandardCharsets.US_ASCII), "form", null, key));
        }
    }

    @Test
    public void duplicateFieldInBodyIs15() {
        try (final Key key = Key.secret("k")) {
            expectStatus(15, () -> PaySign.verifyBody("wechatpay.notify",
                    "a=1&a=2".getBytes(StandardCharsets.US_ASCII), "form", null, key));
        }
    }

    @Test
    public void largeBodyIs16() {
        final byte[] body = new byte[2 * 1024 * 1024];
        Arrays.fill(body, (byte) 'a');
        body[1] = '=';
        try (final Key key = Key.secret("k")) {
            expectStatus(16, () -> PaySign.verifyBody("wechatpay.notify", body, "form", null, key));
            expectStatus(16, () -> PaySign.verifyBody("wechatpay.notify", body, "xml", null, key));
        }
    }

    @Test
    public void unknownOptionIs11() {
        final Map<String, String> params = new LinkedHashMap<String, String>();
        params.put("a", "1");
        try (final Key key = Key.secret("k")) {
            expectStatus(11, () -> PaySign.sign("wechatpay.request", params, key, "no_such_option=1"));
            expectStatus(11, () -> PaySign.verifyBody("wechatpay.notify", "a=1".getBytes(), "yaml", null, key));
        }
    }

    // ---- null / empty / NUL -----------------------------------------------------------------

    @Test
    public void nullArgumentsNeverCrash() throws Exception {
        final Map<String, String> params = Vectors.params(vector(MD5_REQUEST).get("params"));
        try (final Key key = Key.secret("APPSECRET")) {
            expectStatus(10, () -> PaySign.sign(null, params, key));
            expectStatus(10, () -> PaySign.sign("99bill.pay.request", null, key));
            expectStatus(10, () -> PaySign.signParams("99bill.pay.request", null, key));
            expectStatus(10, () -> PaySign.verify(null, params, key));
            expectStatus(10, () -> PaySign.verify("99bill.pay.notify", null, key));
            expectStatus(10, () -> PaySign.signString(null, params, key));
            expectStatus(10, () -> PaySign.verifyBody(null, "a=1".getBytes(), "form", null, key));
            expectStatus(10, () -> Key.secret(null));
            expectThrows(PaySignException.class, () -> Key.load(null, null)); // core: (NULL, 0) is empty data, KEY_ERROR
            expectStatus(10, () -> Key.fromFile(null, null));
            expectStatus(10, () -> PaySign.reply(null, true, null));
            survives(() -> PaySign.verifyBody("99bill.pay.notify", null, "form", null, key));
            survives(() -> PaySign.sign("99bill.pay.request", params, null));
            survives(() -> PaySign.verify("99bill.pay.notify", params, null));
            survives(() -> PaySign.verifyBody("99bill.pay.notify", "a=1".getBytes(), "form", null, null));
            survives(() -> PaySign.parse(null, "form", null));
            survives(() -> PaySign.encode(null, "form", null));
            final Map<String, String> nullValue = new LinkedHashMap<String, String>(params);
            nullValue.put("orderId", null);
            survives(() -> PaySign.sign("99bill.pay.request", nullValue, key));
            final Map<String, String> nullName = new HashMap<String, String>(params);
            nullName.put(null, "x");
            survives(() -> PaySign.sign("99bill.pay.request", nullName, key));
        }
    }

    @Test
    public void emptyInputsNeverCrash() {
        final Map<String, String> empty = Collections.emptyMap();
        try (final Key key = Key.secret("k")) {
            survives(() -> PaySign.sign("99bill.pay.request", empty, key));
            survives(() -> PaySign.signString("wechatpay.request", empty, key));
            expectThrows(PaySignException.class, () -> PaySign.verify("wechatpay.notify", empty, key));
            expectThrows(PaySignException.class,
                         () -> PaySign.verifyBody("wechatpay.notify", new byte[0], "form", null, key));
            expectThrows(PaySignException.class,
                         () -> PaySign.verifyBody("wechatpay.notify", new byte[0], "xml", null, key));
            expectThrows(PaySignException.class,
                         () -> PaySign.verifyBody("wechatpay.notify", new byte[0], "json", null, key));
            survives(() -> PaySign.verifyBody("99bill.pay.notify", new byte[0], "", "", key, ""));
            survives(() -> PaySign.reply("", true, ""));
            survives(() -> PaySign.sign("", empty, key, ""));
            survives(() -> PaySign.parse(new byte[0], "form", null));
            survives(() -> PaySign.encode(empty, "form", null));
        }
        survives(() -> { Key.secret("").close(); return null; });
        survives(() -> { Key.load(new byte[0], "").close(); return null; });
        survives(() -> { Key.fromFile("", "").close(); return null; });
    }

    @Test
    public void embeddedNulIsRejected() throws Exception {
        final Map<String, String> params = Vectors.params(vector(MD5_REQUEST).get("params"));
        final Map<String, String> nulValue = new LinkedHashMap<String, String>(params);
        nulValue.put("orderId", "123\u0000456");
        final Map<String, String> nulName = new LinkedHashMap<String, String>(params);
        nulName.put("order\u0000Id", "1");
        try (final Key key = Key.secret("APPSECRET")) {
            expectThrows(IllegalArgumentException.class, () -> PaySign.sign("99bill.pay.request\u0000x", params, key));
            expectThrows(IllegalArgumentException.class, () -> PaySign.sign("99bill.pay.request", nulValue, key));
            expectThrows(IllegalArgumentException.class, () -> PaySign.sign("99bill.pay.request", nulName, key));
            expectThrows(IllegalArgumentException.class, () -> PaySign.verify("99bill.pay.notify", nulValue, key));
            expectThrows(IllegalArgumentException.class, () -> PaySign.signString("99bill.pay.request", params, key, "hash=sha1\u0000"));
            expectThrows(IllegalArgumentException.class, () -> PaySign.reply("99bill.pay.notify", true, "http://m/\u0000"));
            expectThrows(IllegalArgumentException.class, () -> PaySign.verifyBody("99bill.pay.notify", "a=1".getBytes(), "form", "utf-8\u0000", key));
        }
        expectThrows(IllegalArgumentException.class, () -> Key.secret("APP\u0000SECRET"));
        expectThrows(IllegalArgumentException.class, () -> Key.fromFile(Vectors.path(PFX) + "\u0000.txt", "123456"));
        expectThrows(IllegalArgumentException.class, () -> Key.load(new byte[] {1}, "12\u00003456"));
    }

    @Test
    public void unpairedSurrogateIsRejected() {
        final Map<String, String> params = new LinkedHashMap<String, String>();
        params.put("body", "x\ud800y");
        try (final Key key = Key.secret("k")) {
            expectThrows(IllegalArgumentException.class, () -> PaySign.sign("wechatpay.request", params, key));
        }
    }

    @Test
    public void supplementaryCharactersRoundTrip() {
        // JNI's modified UTF-8 would turn U+1F600 into six bytes; the wrapper sends real UTF-8.
        String emoji = "\ud83d\ude00";
        Map<String, String> params = new LinkedHashMap<String, String>();
        params.put("appid", "wx");
        params.put("body", "商品" + emoji);
        try (Key key = Key.secret("k")) {
            String s = PaySign.signString("wechatpay.request", params, key, "sign_type=MD5");
            assertTrue(s, s.contains("body=商品" + emoji + "&"));
            LinkedHashMap<String, String> signed = PaySign.signParams("wechatpay.request", params, key, "sign_type=MD5");
            assertEquals("商品" + emoji, signed.get("body"));
            assertTrue(PaySign.verify("wechatpay.request", signed, key, "sign_type=MD5"));
        }
    }

    // ---- key lifecycle ----------------------------------------------------------------------

    @Test
    public void closeTwiceIsHarmlessAndClosedKeyThrows() throws Exception {
        final Map<String, String> params = Vectors.params(vector(MD5_REQUEST).get("params"));
        final Key key = Key.secret("APPSECRET");
        assertFalse(key.isClosed());
        key.close();
        key.close();
        assertTrue(key.isClosed());
        expectThrows(IllegalStateException.class, () -> PaySign.sign("99bill.pay.request", params, key));
        expectThrows(IllegalStateException.class, () -> PaySign.verify("99bill.pay.request", params, key));
        expectThrows(IllegalStateException.class, () -> PaySign.signString("99bill.pay.request", params, key));
        expectThrows(IllegalStateException.class,
                     () -> PaySign.verifyBody("99bill.pay.notify", "a=1".getBytes(), "form", null, key));
        key.close();
        Key file = Key.fromFile(Vectors.path(PFX), "123456");
        file.close();
        file.close();
    }

    @Test
    public void keyFromBytesEqualsKeyFromFile() throws Exception {
        Map<String, Object> v = vector("99bill-rsa-sha256-request-10012140356-pfx");
        Map<String, String> params = Vectors.params(v.get("params"));
        byte[] pfx = Files.readAllBytes(Vectors.file(PFX).toPath());
        try (Key a = Key.load(pfx, "123456"); Key b = Key.fromFile(Vectors.path(PFX), "123456")) {
            assertEquals(v.get("expect_signature"), PaySign.sign("99bill.pay.request", params, a, "hash=sha256"));
            assertEquals(v.get("expect_signature"), PaySign.sign("99bill.pay.request", params, b, "hash=sha256"));
        }
    }

    @Test
    public void sharedKeyAcrossThreadsAndCloseWhileInUse() throws Exception {
        Map<String, Object> v = vector("99bill-rsa-sha1-request-10012140356-pfx");
        final Map<String, String> params = Vectors.params(v.get("params"));
        final String expected = (String) v.get("expect_signature");
        final Key key = Key.fromFile(Vectors.path(PFX), "123456");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> futures = new ArrayList<Future<Integer>>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        assertEquals(expected, PaySign.sign("99bill.pay.request", params, key, "hash=sha1"));
                    }
                    return 25;
                }));
            }
            for (Future<Integer> f : futures) {
                assertEquals(Integer.valueOf(25), f.get(120, TimeUnit.SECONDS));
            }

            // close while other threads are signing: each call either completes or throws
            // IllegalStateException; none crashes or sees a freed key.
            final CountDownLatch started = new CountDownLatch(8);
            final AtomicInteger signed = new AtomicInteger();
            final AtomicInteger refused = new AtomicInteger();
            futures.clear();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(new Callable<Integer>() {
                    public Integer call() {
                        started.countDown();
                        for (int i = 0; i < 1000; i++) {
                            try {
                                assertEquals(expected, PaySign.sign("99bill.pay.request", params, key, "hash=sha1"));
                                signed.incrementAndGet();
                            } catch (IllegalStateException e) {
                                refused.incrementAndGet();
                                return i;
                            }
                        }
                        return 1000;
                    }
                }));
            }
            started.await();
            Thread.sleep(20);
            key.close();
            for (Future<Integer> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
            assertTrue(key.isClosed());
            assertTrue("signed " + signed + ", refused " + refused, signed.get() + refused.get() > 0);
        } finally {
            pool.shutdownNow();
            key.close();
        }
    }

    // ---- API shapes -------------------------------------------------------------------------

    @Test
    public void signParamsSetsTheSignatureFieldAndKeepsOrder() throws Exception {
        Map<String, Object> v = vector(MD5_REQUEST);
        LinkedHashMap<String, String> params = Vectors.params(v.get("params"));
        LinkedHashMap<String, String> before = new LinkedHashMap<String, String>(params);
        try (Key key = Key.secret(secretOf(v))) {
            LinkedHashMap<String, String> signed = PaySign.signParams("99bill.pay.request", params, key);
            assertEquals(before, params); // input untouched
            assertEquals(v.get("expect_signature"), signed.get("signMsg"));
            List<String> names = new ArrayList<String>(signed.keySet());
            assertEquals(new ArrayList<String>(params.keySet()), names.subList(0, params.size()));
            assertEquals(params.size() + 1, signed.size());
            assertTrue(PaySign.verify("99bill.pay.request", signed, key));
        }
    }

    @Test
    public void signParamsReadsEveryFieldBackWhole() throws Exception {
        // Chinese text, an empty value, and a list longer than the first 1024-byte buffer
        // (the list comes back in one paysign_params_get_all call, retried once with its size).
        Map<String, Object> v = vector(MD5_REQUEST);
        LinkedHashMap<String, String> params = Vectors.params(v.get("params"));
        params.put("productName", "测试商品 ½");
        params.put("ext1", "");
        for (int i = 0; i < 40; i++) {
            params.put("extra" + i, new String(new char[30]).replace('\0', (char) ('a' + i % 26)));
        }
        try (Key key = Key.secret(secretOf(v))) {
            LinkedHashMap<String, String> signed = PaySign.signParams("99bill.pay.request", params, key);
            assertEquals(params.size() + 1, signed.size());
            LinkedHashMap<String, String> withoutSig = new LinkedHashMap<String, String>(signed);
            withoutSig.remove("signMsg");
            assertEquals(new ArrayList<String>(params.keySet()), new ArrayList<String>(withoutSig.keySet()));
            assertEquals(params, withoutSig);
            assertEquals("测试商品 ½", signed.get("productName"));
            assertEquals("", signed.get("ext1"));
        }
    }

    @Test
    public void optionsAsMapEqualOptionsAsString() throws Exception {
        Map<String, Object> v = vector("99bill-rsa-sha256-request-10012140356-pfx");
        Map<String, String> params = Vectors.params(v.get("params"));
        Map<String, String> opts = new LinkedHashMap<String, String>();
        opts.put("hash", "sha256");
        try (Key key = Key.fromFile(Vectors.path(PFX), "123456")) {
            assertEquals(v.get("expect_signature"), PaySign.sign("99bill.pay.request", params, key, opts));
            assertEquals(PaySign.signString("99bill.pay.request", params, key, "hash=sha256"),
                         PaySign.signString("99bill.pay.request", params, key, opts));
            assertEquals(PaySign.signParams("99bill.pay.request", params, key, "hash=sha256"),
                         PaySign.signParams("99bill.pay.request", params, key, opts));
        }
    }

    @Test
    public void verifyBodyFillsOutOnlyWhenValid() {
        Map<String, String> params = new LinkedHashMap<String, String>();
        params.put("return_code", "SUCCESS");
        params.put("appid", "wx2421b1c4370ec43b");
        params.put("mch_id", "10000100");
        params.put("nonce_str", "5K8264ILTKCH16CQ2502SI8ZNMTM67VS");
        params.put("out_trade_no", "1409811653");
        params.put("total_fee", "1");
        params.put("attach", "支付测试");
        try (Key key = Key.secret("192006250b4c09247ec02edce69f6a2d")) {
            LinkedHashMap<String, String> signed = PaySign.signParams("wechatpay.notify", params, key);
            String xml = PaySign.encode(signed, "xml", null);
            LinkedHashMap<String, String> out = new LinkedHashMap<String, String>();
            assertTrue(xml, PaySign.verifyBody("wechatpay.notify", xml.getBytes(StandardCharsets.UTF_8), "xml", null, key, (String) null, out));
            assertEquals(signed, out);
            assertEquals(signed, PaySign.parse(xml.getBytes(StandardCharsets.UTF_8), "xml", null));

            String form = PaySign.encode(signed, "form", null);
            out.clear();
            assertTrue(form, PaySign.verifyBody("wechatpay.notify", form.getBytes(StandardCharsets.US_ASCII), "form", null, key, (String) null, out));
            assertEquals(signed, out);

            String tampered = xml.replace("<total_fee>1</total_fee>", "<total_fee>100</total_fee>")
                                 .replace("<total_fee><![CDATA[1]]></total_fee>", "<total_fee><![CDATA[100]]></total_fee>");
            assertFalse(tampered.equals(xml));
            out.clear();
            assertFalse(PaySign.verifyBody("wechatpay.notify", tampered.getBytes(StandardCharsets.UTF_8), "xml", null, key, (String) null, out));
            assertTrue(out.isEmpty());
        }
    }

    @Test
    public void kuaiqianNotifyAfterMerchantQueryUsesLastOccurrence() throws Exception {
        Map<String, Object> v = vector("99bill-md5-callback-midpay");
        LinkedHashMap<String, String> params = Vectors.params(v.get("params"));
        try (Key key = Key.secret(secretOf(v))) {
            // bgUrl = http://merchant/notify?orderId=mine ; 99bill appends its own fields
            String query = "orderId=mine&" + PaySign.encode(params, "form", null);
            LinkedHashMap<String, String> out = new LinkedHashMap<String, String>();
            assertTrue(query, PaySign.verifyBody("99bill.pay.notify", query.getBytes(StandardCharsets.US_ASCII), "form", null, key, (String) null, out));
            assertEquals(params.get("orderId"), out.get("orderId"));
            assertEquals(params.get("signMsg"), out.get("signMsg"));
        }
    }

    @Test
    public void outputsLongerThanTheFirstBuffer() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            sb.append((char) ('a' + i % 26));
        }
        String longValue = sb.toString() + "长";
        Map<String, String> params = new LinkedHashMap<String, String>();
        params.put("appid", "wx");
        params.put("body", longValue);
        try (Key key = Key.secret("k")) {
            String s = PaySign.signString("wechatpay.request", params, key, "sign_type=MD5");
            assertTrue(s.length() > 3000);
            assertTrue(s.contains(longValue));
            LinkedHashMap<String, String> signed = PaySign.signParams("wechatpay.request", params, key, "sign_type=MD5");
            assertEquals(longValue, signed.get("body"));
            String xml = PaySign.encode(signed, "xml", null);
            LinkedHashMap<String, String> out = new LinkedHashMap<String, String>();
            assertTrue(PaySign.verifyBody("wechatpay.request", xml.getBytes(StandardCharsets.UTF_8), "xml", null, key, "sign_type=MD5", out));
            assertEquals(longValue, out.get("body"));
        }
    }

    @Test
    public void manyFieldsCrossTheBoundary() {
        // hundreds of pairs each way: local references are released as the glue goes
        Map<String, String> params = new LinkedHashMap<String, String>();
        for (int i = 0; i < 400; i++) {
            params.put(String.format("f%03d", i), "v" + i);
        }
        try (Key key = Key.secret("k")) {
            LinkedHashMap<String, String> signed = PaySign.signParams("wechatpay.request", params, key, "sign_type=MD5");
            assertEquals(401, signed.size());
            String form = PaySign.encode(signed, "form", null);
            LinkedHashMap<String, String> out = new LinkedHashMap<String, String>();
            assertTrue(PaySign.verifyBody("wechatpay.request", form.getBytes(StandardCharsets.US_ASCII), "form", null, key, "sign_type=MD5", out));
            assertEquals(signed, out);
        }
    }

    @Test
    public void verifyBodyRawBytesAreNotReinterpreted() throws Exception {
        // the same body twice: identical verdicts (no state kept between calls)
        Map<String, Object> v = vector("99bill-md5-callback-midpay");
        LinkedHashMap<String, String> params = Vectors.params(v.get("params"));
        try (Key key = Key.secret(secretOf(v))) {
            byte[] body = PaySign.encode(params, "form", null).getBytes(StandardCharsets.US_ASCII);
            byte[] copy = body.clone();
            assertTrue(PaySign.verifyBody("99bill.pay.notify", body, "form", null, key));
            assertTrue(PaySign.verifyBody("99bill.pay.notify", body, "form", null, key));
            assertArrayEquals(copy, body);
        }
    }
}
