package com.paysign;

import static com.paysign.Statuses.statusOf;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.Test;

/**
 * WeChat Pay v2 refund notifications on testdata/wechatpay (SOURCES.md there), with wrong-key,
 * cut-short and altered twins; and the JSAPI paySign profile.
 */
public class WechatTest {

    private static final String GOPAY_KEY = "ziR0QKsTUfMOuochC9RfCdmfHECorQAP";
    private static final String OTHER_KEY = "GFDS8j98rewnmgl45wHTt980jg543wmg";

    private static byte[] read(String name) throws Exception {
        File dir = new File(Vectors.dir().getParentFile(), "wechatpay");
        return Files.readAllBytes(new File(dir, name).toPath());
    }

    private static String reqInfo() throws Exception {
        return new String(read("gopay_req_info.txt"), StandardCharsets.UTF_8).trim();
    }

    /** The notification with another req_info. */
    private static byte[] with(String reqInfo) throws Exception {
        String body = new String(read("derived_refund_notify.xml"), StandardCharsets.UTF_8);
        return body.replace(reqInfo(), reqInfo).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    public void decryptsTheGopayFixture() throws Exception {
        try (Key k = Key.secret(GOPAY_KEY)) {
            LinkedHashMap<String, String> f = PaySign.wechatRefundDecrypt(read("derived_refund_notify.xml"), k);
            assertEquals(17, f.size());
            assertEquals(Arrays.asList("return_code", "appid", "mch_id", "nonce_str", "out_refund_no"),
                         new ArrayList<>(f.keySet()).subList(0, 5));
            assertFalse(f.containsKey("req_info"));
            assertEquals("50fd012ed1b311e7af7800163e32c503", f.get("out_refund_no"));
            assertEquals("SUCCESS", f.get("refund_status"));
            assertEquals("6", f.get("refund_fee"));
            assertEquals("支付用户零钱", f.get("refund_recv_accout"));
            assertEquals("2017-11-25 15:36:17", f.get("success_time"));
        }
        try (Key k = Key.secret(OTHER_KEY)) {
            Map<String, String> f = PaySign.wechatRefundDecrypt(read("derived_fullpad_notify.xml"), k);
            assertEquals(6, f.size());
            assertEquals("CHANGE", f.get("refund_status"));
        }
    }

    @Test
    public void wrongKeyCutShortAndAlteredAreDecryptErrors() throws Exception {
        byte[] ct = Base64.getDecoder().decode(reqInfo());
        byte[] altered = ct.clone();
        altered[3] ^= 1;
        try (Key gopay = Key.secret(GOPAY_KEY); Key other = Key.secret(OTHER_KEY)) {
            byte[] body = read("derived_refund_notify.xml");
            try {
                PaySign.wechatRefundDecrypt(body, other);
                fail("no exception");
            } catch (PaySignException e) {
                assertEquals(PaySignException.DECRYPT_ERROR, e.getStatus());
                assertTrue(e.getMessage(), e.getMessage().contains("req_info"));
                assertFalse(e.getMessage(), e.getMessage().contains(OTHER_KEY));
            }
            for (byte[] bad : new byte[][] {Arrays.copyOf(ct, 830), Arrays.copyOf(ct, 816), altered}) {
                byte[] b = with(Base64.getEncoder().encodeToString(bad));
                assertEquals(PaySignException.DECRYPT_ERROR, statusOf(() -> PaySign.wechatRefundDecrypt(b, gopay)));
            }
            byte[] empty = with("");
            assertEquals(PaySignException.MISSING_FIELD, statusOf(() -> PaySign.wechatRefundDecrypt(empty, gopay)));
            byte[] notB64 = with("not base64!");
            assertEquals(PaySignException.INVALID_FIELD, statusOf(() -> PaySign.wechatRefundDecrypt(notB64, gopay)));
            byte[] cut = Arrays.copyOf(body, body.length - 3);
            assertEquals(PaySignException.MALFORMED_INPUT, statusOf(() -> PaySign.wechatRefundDecrypt(cut, gopay)));
            assertEquals(PaySignException.NULL_ARGUMENT, statusOf(() -> PaySign.wechatRefundDecrypt(body, null)));
            assertEquals(PaySignException.MALFORMED_INPUT, statusOf(() -> PaySign.wechatRefundDecrypt(null, gopay)));
        }
    }

    @Test
    public void jsapiPaySign() {
        try (Key k = Key.secret("192006250b4c09247ec02edce69f6a2d")) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("appId", "wx2421b1c4370ec43b");
            p.put("timeStamp", "1395712654");
            p.put("nonceStr", "e61463f8efa94090b1f366cccfbbb444");
            p.put("package", "prepay_id=u802345jgfjsdfgsdg888");
            p.put("signType", "MD5");
            LinkedHashMap<String, String> signed = PaySign.signParams("wechatpay.jsapi.paysign", p, k);
            assertEquals("0784A14C2CD35747364F62512E724FD8", signed.get("paySign"));
            assertTrue(PaySign.verify("wechatpay.jsapi.paysign", signed, k));
            signed.put("package", "prepay_id=u802345jgfjsdfgsdg889");
            assertFalse(PaySign.verify("wechatpay.jsapi.paysign", signed, k));
        }
    }
}
