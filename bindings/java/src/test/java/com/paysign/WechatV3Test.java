package com.paysign;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.junit.Test;

/** WeChat Pay API v3 on testdata/wechat_v3 (SOURCES.md there: DERIVED signatures). */
public class WechatV3Test {
    private static final String MERCHANT_SERIAL = "5F1C72E2A8931B72A2E13AF8DEE92471EB397115";
    private static final String PLATFORM_SERIAL = "440024045C4A427599D09BB4E3DE0279F2E813FD";
    private static final byte[] APIV3_KEY = "a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb".getBytes(StandardCharsets.UTF_8);
    private static final String RESP_SIG = "1EvJteDDa9rMtZKZ3UIhZ7haTwr4WBBGjMv6MzOzOkZeyWcwPiVDskYxQuuhoGblfuPCnyTdfxpk9wA2D9vw2ft0PoNFJLOlnfQThcMkilX8YmRZMCPJsKJCvsxbqng386RjjFDn5RI95O6w5SJWgH/mDmD4CTpH+eCe8t+1eSv9hSldIPdQ62MkPDb0zXnn+4ul22CEbyJlvjePXp5o2jhK0zmkruBonu+s7jMNrZDL27X4svDINpf0gru8KVHnSrt56Q36Um2h3d8UtvspKtpfhaV0bukPPg+uur7Cq1wj2rbLyA0iDcCD/6cc4FSCeJC0+VR+bGULG3eDOdlmgA==";
    private static final String NOTIFY_SIG = "PlgYBt3yb7VgF/MqvOndUqdXJ1pUR0dNGNA3J4SzGVj9vCgZwkBip/INP+7vMZY0oWhK1tfs37LJD1lAgDI5G86lNDiK7uJiNhkx9X7mi0iDsvudd7Qz/mQ5w/Zx/qdaYItczMWBG9zdBqnv1oVfoDntKbSmhM7LwyXeHj7vFs4pkUbmops6eB4ETgUQEpJi3FHoYTXge6jOjlHlRZqaAvZmY/COrJi4FCUGn4bgc6z1SiVMuv0PrSFS/NrbLIWySCkaecVdx8+z25ScxdWGVByB0i6GsKxOgBnW0pYRMwZKU5OFT2qCvyq7TEh9bHE/6YgHFKBeV1NY3MOndP/wPw==";

    private static File dir() {
        return new File(Vectors.dir().getParentFile(), "wechat_v3");
    }

    private static byte[] read(String name) throws Exception {
        return Files.readAllBytes(new File(dir(), name).toPath());
    }

    private static Key key(String name) {
        return Key.fromFile(new File(dir(), name).getPath(), null);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static int statusOf(Runnable r) {
        try {
            r.run();
            fail("no exception");
            return 0;
        } catch (PaySignException e) {
            return e.getStatus();
        }
    }

    @Test
    public void authorizationAndClientSigns() {
        Key merchant = key("merchant_private_key.pem");
        String h = PaySign.wechatV3Authorization("GET", "/v3/certificates", null, "1900009191", merchant,
                                                 MERCHANT_SERIAL, "1554208460", "593BEC0C930BF1AFEB40B4A08C8FB242");
        assertTrue(h, h.startsWith("WECHATPAY2-SHA256-RSA2048 mchid=\"1900009191\",nonce_str=\"593BEC0C930BF1AFEB40B4A08C8FB242\","
                                   + "signature=\"Yql2HJi5R+/B/WzOlH5KqIUNOCTrECi808qopAT8Pk2v"));
        assertTrue(h, h.endsWith(",timestamp=\"1554208460\",serial_no=\"" + MERCHANT_SERIAL + "\""));
        String g = PaySign.wechatV3Authorization("POST", "/v3/x", utf8("{}"), "1", merchant, MERCHANT_SERIAL, null, null);
        assertTrue(g, g.contains("nonce_str=\"") && !g.contains("Yql2HJi5R"));
        assertEquals(PaySignException.INVALID_ARGUMENT, statusOf(() -> PaySign.wechatV3Authorization(
            "GET", "https://api.mch.weixin.qq.com/v3/x", null, "1", merchant, MERCHANT_SERIAL, null, null)));
        assertEquals(PaySignException.NULL_ARGUMENT, statusOf(() -> PaySign.wechatV3Authorization(
            "GET", "/v3/x", null, "1", null, MERCHANT_SERIAL, null, null)));
        assertTrue(PaySign.wechatV3ClientSign("jsapi", "wx8888888888888888", "1414561699", "5K8264ILTKCH16CQ2502SI8ZNMTM67VS",
                                              "prepay_id=wx201410272009395522657a690389285100", merchant)
                       .startsWith("Uvgm57c+/kZHCS8g8wjy"));
        assertTrue(PaySign.wechatV3ClientSign("app", "wx8888888888888888", "1414561699", "5K8264ILTKCH16CQ2502SI8ZNMTM67VS",
                                              "WX1217752501201407033233368018", merchant)
                       .startsWith("LUb6W20Ijj/Tf06cmW9Z"));
        assertEquals(PaySignException.INVALID_ARGUMENT,
                     statusOf(() -> PaySign.wechatV3ClientSign("h5", "a", "1", "n", "p", merchant)));
        merchant.close();
    }

    @Test
    public void verifyWindowAndDecrypt() throws Exception {
        Key platform = key("derived_platform_certificate.pem");
        Key pub = key("wechat_pay_public_key.pem");
        byte[] body = utf8("{\"code\":\"SUCCESS\"}");
        assertTrue(PaySign.wechatV3Verify("1700000000", "nonce-resp-1", RESP_SIG, PLATFORM_SERIAL, body, platform, "now=1700000100"));
        assertFalse(PaySign.wechatV3Verify("1700000000", "nonce-resp-1", RESP_SIG, PLATFORM_SERIAL,
                                           utf8("{\"code\": \"SUCCESS\"}"), platform, "now=1700000100"));
        assertTrue(PaySign.wechatV3Verify("1700000000", "nonce-resp-1", RESP_SIG, "PUB_KEY_ID_0114232134912410000000000000",
                                          body, pub, "now=1700000000"));
        assertEquals(PaySignException.STALE_TIMESTAMP, statusOf(() -> PaySign.wechatV3Verify("1700000000", "nonce-resp-1", RESP_SIG, PLATFORM_SERIAL, body,
                                                               platform, null)));
        assertEquals(PaySignException.KEY_MISMATCH, statusOf(() -> PaySign.wechatV3Verify(
            "1700000000", "nonce-resp-1", RESP_SIG, MERCHANT_SERIAL, body, platform, "now=1700000000")));

        byte[] nb = read("notification_body.json");
        assertTrue(PaySign.wechatV3Verify("1700000000", "c6a1d9a8d5f14b2f9e0e3a7b6c5d4e3f", NOTIFY_SIG, PLATFORM_SERIAL, nb,
                                          platform, "now=1700000042"));
        assertEquals(new String(read("notification_plain.json"), StandardCharsets.UTF_8), PaySign.wechatV3Decrypt(nb, APIV3_KEY));
        byte[] wrong = APIV3_KEY.clone();
        wrong[31] ^= 1;
        assertEquals(PaySignException.DECRYPT_ERROR, statusOf(() -> PaySign.wechatV3Decrypt(nb, wrong)));
        assertEquals(PaySignException.KEY_ERROR, statusOf(() -> PaySign.wechatV3Decrypt(nb, utf8("short"))));
        assertEquals(PaySignException.MISSING_FIELD, statusOf(() -> PaySign.wechatV3Decrypt(utf8("{}"), APIV3_KEY)));
        // Twins: one ciphertext byte changed, and the tag cut by one byte.
        byte[] flipped = withCiphertext(nb, c -> { c[0] ^= 1; return c; });
        byte[] cut = withCiphertext(nb, c -> java.util.Arrays.copyOf(c, c.length - 1));
        assertEquals(PaySignException.DECRYPT_ERROR, statusOf(() -> PaySign.wechatV3Decrypt(flipped, APIV3_KEY)));
        assertEquals(PaySignException.DECRYPT_ERROR, statusOf(() -> PaySign.wechatV3Decrypt(cut, APIV3_KEY)));
        platform.close();
        pub.close();
    }

    @Test
    public void certificateDownload() throws Exception {
        byte[] body = read("sdk_certificate_download.json");
        String pem = new String(read("downloaded_platform_certificate.pem"), StandardCharsets.UTF_8);
        String want = "[{\"serial_no\":\"5DEA10EF55877E3CF6C33255C2E7DEFFF7E427EC\",\"effective_time\":\"2023-09-19T23:15:58+08:00\","
            + "\"expire_time\":\"2028-09-17T23:15:58+08:00\",\"pem\":\"" + pem.replace("\n", "\\n") + "\"}]";
        assertEquals(want, PaySign.wechatV3Certificates(body, APIV3_KEY));

        // DERIVED two-entry body: the response's order; the second certificate verifies RESP_SIG.
        String two = PaySign.wechatV3Certificates(read("derived_certificate_download.json"), APIV3_KEY);
        int first = two.indexOf("\"serial_no\":\"5DEA10EF55877E3CF6C33255C2E7DEFFF7E427EC\"");
        int second = two.indexOf("\"serial_no\":\"" + PLATFORM_SERIAL + "\"");
        assertTrue(first == 2 && second > first);
        String derived = new String(read("derived_platform_certificate.pem"), StandardCharsets.UTF_8);
        assertTrue(two.endsWith("\"pem\":\"" + derived.replace("\n", "\\n") + "\"}]"));
        Key k = Key.load(utf8(derived), null);
        assertTrue(PaySign.wechatV3Verify("1700000000", "nonce-resp-1", RESP_SIG, PLATFORM_SERIAL, utf8("{\"code\":\"SUCCESS\"}"),
                                          k, "now=1700000000"));
        k.close();

        byte[] tampered = utf8(new String(body, StandardCharsets.UTF_8).replace("E427EC\"", "E427ED\""));
        try {
            PaySign.wechatV3Certificates(tampered, APIV3_KEY);
            fail("serial_no altered");
        } catch (PaySignException e) {
            assertEquals(PaySignException.KEY_MISMATCH, e.getStatus());
            assertEquals("data[0] (serial_no 5DEA10EF55877E3CF6C33255C2E7DEFFF7E427ED): the decrypted certificate's serial is "
                + "5DEA10EF55877E3CF6C33255C2E7DEFFF7E427EC", e.getMessage());
        }
        byte[] wrong = APIV3_KEY.clone();
        wrong[31] ^= 1;
        assertEquals(PaySignException.DECRYPT_ERROR, statusOf(() -> PaySign.wechatV3Certificates(body, wrong)));
        assertEquals(PaySignException.MISSING_FIELD, statusOf(() -> PaySign.wechatV3Certificates(utf8("{\"data\":[]}"), APIV3_KEY)));
    }

    /** The notification body with its resource's ciphertext (decoded) changed by {@code edit}. */
    private static byte[] withCiphertext(byte[] body, java.util.function.UnaryOperator<byte[]> edit) {
        String text = new String(body, StandardCharsets.UTF_8);
        String mark = "\"ciphertext\":\"";
        int start = text.indexOf(mark) + mark.length();
        int end = text.indexOf('"', start);
        byte[] raw = java.util.Base64.getDecoder().decode(text.substring(start, end));
        String edited = java.util.Base64.getEncoder().encodeToString(edit.apply(raw));
        return utf8(text.substring(0, start) + edited + text.substring(end));
    }
}
