package com.paysign;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.Test;

/** Re-split (docs/security.md): join characters in echoed fields and the secret's marker. */
public class ResplitTest {
    private static Map<String, String> request(String attach) {
        Map<String, String> p = new LinkedHashMap<String, String>();
        p.put("appid", "wx1");
        p.put("mch_id", "10000100");
        p.put("nonce_str", "abc");
        p.put("body", "test");
        p.put("attach", attach);
        return p;
    }

    private static String md5Upper(String s) throws Exception {
        byte[] d = MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
        return String.format("%032X", new BigInteger(1, d));
    }

    private static PaySignException refused(Map<String, String> params, Key key) {
        try {
            PaySign.sign("wechatpay.request", params, key);
        } catch (PaySignException e) {
            return e;
        }
        fail("signed a value that re-splits");
        return null;
    }

    @Test
    public void echoedJoinCharacterIsInvalidFieldNamingTheField() {
        try (Key key = Key.secret("K")) {
            PaySignException e = refused(request("a&b=c"), key);
            assertEquals(14, e.getStatus());
            assertTrue(e.getMessage(), e.getMessage().contains("field 'attach'"));
            assertTrue(e.getMessage(), e.getMessage().contains("'&'"));
            assertTrue(e.getMessage(), e.getMessage().contains("allow_join=1"));
        }
    }

    @Test
    public void secretMarkerAnywhereIsInvalidField() {
        Map<String, String> p = new LinkedHashMap<String, String>();
        p.put("appid", "wx1");
        p.put("out_trade_no", "x&key=y");
        try (Key key = Key.secret("K")) {
            PaySignException e = refused(p, key);
            assertEquals(14, e.getStatus());
            assertTrue(e.getMessage(), e.getMessage().contains("field 'out_trade_no'"));
        }
    }

    @Test
    public void allowJoinSignsWeChatsOwnString() throws Exception {
        try (Key key = Key.secret("K")) {
            String sig = PaySign.sign("wechatpay.request", request("a&b=c"), key, "allow_join=1");
            assertEquals(md5Upper("appid=wx1&attach=a&b=c&body=test&mch_id=10000100&nonce_str=abc&key=K"), sig);
            Map<String, String> opts = new LinkedHashMap<String, String>();
            opts.put("allow_join", "1");
            assertEquals(sig, PaySign.sign("wechatpay.request", request("a&b=c"), key, opts));
        }
    }

    @Test
    public void urlInAFieldNotEchoedIsSignedAsItIs() throws Exception {
        Map<String, String> p = new LinkedHashMap<String, String>();
        p.put("appid", "wx1");
        p.put("notify_url", "http://m.example/n?a=1&b=2");
        try (Key key = Key.secret("K")) {
            assertEquals(md5Upper("appid=wx1&notify_url=http://m.example/n?a=1&b=2&key=K"),
                         PaySign.sign("wechatpay.request", p, key));
        }
    }
}
