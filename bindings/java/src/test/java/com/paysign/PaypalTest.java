package com.paysign;

import static com.paysign.Statuses.statusOf;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.Test;

/** PayPal IPN postback, verdict, checks and fields on testdata/paypal (sources in ipn.json there). */
public class PaypalTest {
    private static byte[] read(String name) throws Exception {
        return Files.readAllBytes(new File(new File(Vectors.dir().getParentFile(), "paypal"), name).toPath());
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    public void postbackIsTheRawBodyPrefixed() throws Exception {
        byte[] body = read("offsite-web-accept.body");
        String postback = PaySign.paypalPostback(body);
        assertEquals("cmd=_notify-validate&" + new String(body, StandardCharsets.US_ASCII), postback);
        // The published postback of ipn.json, byte for byte (the body's %40, + and %3A untouched).
        assertTrue(postback.startsWith("cmd=_notify-validate&mc_gross=500.00&address_status=confirmed&"
                                       + "payer_id=EVMXCLDZJV77Q&tax=0.00&address_street=164+Waverley+Street&"
                                       + "payment_date=15%3A23%3A54+Apr+15%2C+2005+PDT&"));
        assertTrue(postback.endsWith("&test_ipn=1&payment_gross=&shipping=0.00"));
        // A longer body (a memo with parentheses, %24, %3A) comes back whole.
        byte[] memo = read("harvesthand-live.body");
        assertEquals("cmd=_notify-validate&" + new String(memo, StandardCharsets.US_ASCII), PaySign.paypalPostback(memo));
        assertEquals(PaySignException.MALFORMED_INPUT, statusOf(() -> PaySign.paypalPostback(ascii("a=1 2"))));
        assertEquals(PaySignException.INVALID_FIELD,
                     statusOf(() -> PaySign.paypalPostback(ascii("cmd=_notify-validate&a=1"))));
        // No body (null, as the core's NULL with length 0) is an empty one: not an IPN.
        assertEquals(PaySignException.MALFORMED_INPUT, statusOf(() -> PaySign.paypalPostback(null)));
        assertEquals(PaySignException.MALFORMED_INPUT, statusOf(() -> PaySign.paypalPostback(new byte[0])));
    }

    /** Every case of ipn.json: its postback byte for byte, its fields, its sandbox flag. */
    @Test
    @SuppressWarnings("unchecked")
    public void everyRecordedBody() throws Exception {
        Map<String, Object> doc = (Map<String, Object>) MiniJson.parse(new String(read("ipn.json"), StandardCharsets.UTF_8));
        int n = 0;
        for (Object o : (List<Object>) doc.get("cases")) {
            Map<String, Object> c = (Map<String, Object>) o;
            String id = (String) c.get("id");
            byte[] body = read(id + ".body");
            assertEquals(id, c.get("body"), new String(body, StandardCharsets.US_ASCII));
            assertEquals(id, c.get("expect_postback"), PaySign.paypalPostback(body));
            for (Map.Entry<String, Object> f : ((Map<String, Object>) c.get("expect_fields")).entrySet()) {
                assertEquals(id + " " + f.getKey(), f.getValue(), PaySign.paypalField(body, f.getKey()));
            }
            boolean sandbox = (Boolean) c.get("sandbox");
            PaySign.paypalCheck(body, sandbox ? "sandbox=1" : "sandbox=0");
            assertEquals(id, PaySignException.INVALID_FIELD,
                         statusOf(() -> PaySign.paypalCheck(body, sandbox ? "sandbox=0" : "sandbox=1")));
            n++;
        }
        assertEquals(6, n);
    }

    @Test
    public void verdicts() {
        assertTrue(PaySign.paypalVerdict(ascii("VERIFIED")));
        assertFalse(PaySign.paypalVerdict(ascii("INVALID")));
        assertEquals(PaySignException.MALFORMED_INPUT, statusOf(() -> PaySign.paypalVerdict(ascii("<html>"))));
        assertEquals(PaySignException.MALFORMED_INPUT, statusOf(() -> PaySign.paypalVerdict(new byte[0])));
    }

    @Test
    public void checksAndFields() throws Exception {
        byte[] body = read("offsite-web-accept.body");
        PaySign.paypalCheck(body, "receiver_email=tobi%40leetsoft.com&amount=500.00&currency=CAD&sandbox=1");
        PaySign.paypalCheck(body, null);
        try {
            PaySign.paypalCheck(body, "amount=5.00");
            throw new AssertionError("amount 5.00 accepted");
        } catch (PaySignException e) {
            assertEquals(PaySignException.INVALID_FIELD, e.getStatus());
            assertTrue(e.getMessage(), e.getMessage().contains("'mc_gross'"));
        }
        // test_ipn=1 is a sandbox notification: a live-only listener rejects it.
        assertEquals(PaySignException.INVALID_FIELD, statusOf(() -> PaySign.paypalCheck(body, "sandbox=0")));
        assertEquals(PaySignException.INVALID_ARGUMENT, statusOf(() -> PaySign.paypalCheck(body, "colour=red")));
        assertEquals("6G996328CK404320L", PaySign.paypalField(body, "txn_id"));
        assertEquals("15:23:54 Apr 15, 2005 PDT", PaySign.paypalField(body, "payment_date"));
        assertEquals(PaySignException.MISSING_FIELD, statusOf(() -> PaySign.paypalField(body, "no_such_field")));
        assertEquals("Jos\u00e9 M\u00fcller", PaySign.paypalField(read("derived-windows-1252.body"), "first_name"));
        assertEquals("\u4f60\u597d", PaySign.paypalField(read("derived-gb2312.body"), "first_name"));
        assertEquals("Jos\u00e9 \u4f60\u597d", PaySign.paypalField(read("derived-utf-8.body"), "first_name"));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> causes(String report) {
        Map<String, Object> r = (Map<String, Object>) MiniJson.parse(report);
        assertEquals("paypal_postback", r.get("mode"));
        List<Object> out = new java.util.ArrayList<Object>();
        for (Object f : (List<Object>) r.get("findings")) {
            out.add(((Map<String, Object>) f).get("cause"));
            assertTrue(report, !((String) ((Map<String, Object>) f).get("detail")).isEmpty());
        }
        return out;
    }

    @Test
    public void diagnoseNamesThePostbackMistakes() throws Exception {
        byte[] body = read("offsite-web-accept.body");
        String text = new String(body, StandardCharsets.US_ASCII);
        // The postback with '+' re-encoded as %20 (decode then rawurlencode), posted to the live host.
        byte[] pct20 = ascii("cmd=_notify-validate&" + text.replace("+", "%20"));
        assertEquals(java.util.Arrays.asList("sandbox_to_live_host", "plus_vs_pct20"),
                     causes(PaySign.paypalDiagnose(body, pct20, "ipnpb.paypal.com")));
        // The exact postback to the sandbox host explains nothing; nothing to compare neither.
        byte[] good = ascii(PaySign.paypalPostback(body));
        assertEquals(java.util.Collections.emptyList(),
                     causes(PaySign.paypalDiagnose(body, good, "ipnpb.sandbox.paypal.com")));
        assertEquals("{\"mode\":\"paypal_postback\",\"findings\":[]}", PaySign.paypalDiagnose(body, null, null));
    }
}
