package com.paysign;

import static com.paysign.Statuses.statusOf;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;

import org.junit.Test;

/**
 * UnionPay ACP certId and body verification on testdata/unionpay (SOURCES.md there) and the
 * unionpay.json vectors. The test certificates have expired: every check passes {@code now=}.
 */
public class UnionpayTest {
    /** 2017-10-30, when the omnipay-unionpay front notification was made. */
    private static final String OCT_2017 = "now=1509400000&test_cn=1";
    private static final String NOTIFY = "unionpay.acp.notify";

    private static byte[] read(String name) throws Exception {
        return Files.readAllBytes(new File(new File(Vectors.dir().getParentFile(), "unionpay"), name).toPath());
    }

    private static byte[] notifyBody(String replace, String with) throws Exception {
        String body = new String(read("notify_5.1.0_wtz.txt"), StandardCharsets.ISO_8859_1);
        assertTrue(replace, replace == null || body.contains(replace));
        return (replace == null ? body : body.replace(replace, with)).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String certIdParam(String vectorId) throws Exception {
        return Vectors.params(Vectors.byId(vectorId).get("params")).get("certId");
    }

    @Test
    public void certIdIsTheSerialTheVectorsSend() throws Exception {
        try (Key pfx = Key.fromFile(Vectors.path("keys/unionpay_acp_test_sign_2021.pfx"), "000000");
             Key old = Key.fromFile(Vectors.path("keys/unionpay_acp_test_sign_2015.pfx"), "000000");
             Key secret = Key.secret("k")) {
            // yansongda/pay's published requests carry certId=69903319369 with this PFX.
            assertEquals(certIdParam("unionpay-5.1.0-web-pay-request-yansongda"), PaySign.unionpayCertId(pfx));
            assertEquals("69903319369", PaySign.unionpayCertId(pfx));
            assertEquals(certIdParam("unionpay-5.0.0-front-request-derived"), PaySign.unionpayCertId(old));
            assertEquals(PaySignException.KEY_MISMATCH, statusOf(() -> PaySign.unionpayCertId(secret)));
        }
        assertEquals(PaySignException.NULL_ARGUMENT, statusOf(() -> PaySign.unionpayCertId(null)));
    }

    @Test
    public void v510NotificationVerifiesThroughRootAndMiddle() throws Exception {
        byte[] root = read("acp_test_root.pem");
        byte[] middle = read("acp_test_middle.pem");
        assertTrue(PaySign.unionpayVerify(NOTIFY, notifyBody(null, null), root, middle, null, OCT_2017));
        // The tampered twin: same certificate chain, one digit of orderId changed.
        byte[] tampered = notifyBody("orderId=20171030223623", "orderId=20171030223624");
        assertFalse(PaySign.unionpayVerify(NOTIFY, tampered, root, middle, null, OCT_2017));
    }

    @Test
    public void untrustedChainsAndCertificates() throws Exception {
        byte[] body = notifyBody(null, null);
        byte[] root = read("acp_test_root.pem");
        byte[] middle = read("acp_test_middle.pem");
        byte[] other = read("acp_test_enc.pem");
        // A root that did not sign the middle; the root standing in for the middle.
        assertEquals(PaySignException.UNTRUSTED_CERT,
                     statusOf(() -> PaySign.unionpayVerify(NOTIFY, body, other, middle, null, OCT_2017)));
        assertEquals(PaySignException.UNTRUSTED_CERT,
                     statusOf(() -> PaySign.unionpayVerify(NOTIFY, body, root, root, null, OCT_2017)));
        // The test owner 00040000:SIGN only with test_cn=1; the certificate expired long before now.
        try {
            PaySign.unionpayVerify(NOTIFY, body, root, middle, null, "now=1509400000");
            throw new AssertionError("test owner accepted without test_cn");
        } catch (PaySignException e) {
            assertEquals(PaySignException.UNTRUSTED_CERT, e.getStatus());
            assertEquals("PAYSIGN_UNTRUSTED_CERT", e.getStatusName());
            assertTrue(e.getMessage(), e.getMessage().contains("00040000:SIGN"));
        }
        assertEquals(PaySignException.UNTRUSTED_CERT,
                     statusOf(() -> PaySign.unionpayVerify(NOTIFY, body, root, middle, null, "test_cn=1")));
        assertEquals(PaySignException.NULL_ARGUMENT,
                     statusOf(() -> PaySign.unionpayVerify(NOTIFY, body, null, null, null, OCT_2017)));
        assertEquals(PaySignException.INVALID_ARGUMENT,
                     statusOf(() -> PaySign.unionpayVerify("alipay.mapi.notify", body, root, middle, null, OCT_2017)));
        assertEquals(PaySignException.INVALID_ARGUMENT,
                     statusOf(() -> PaySign.unionpayVerify(NOTIFY, body, root, middle, null, "now=x")));
    }

    @Test
    public void v500NotificationUsesTheCertificateItsCertIdNames() throws Exception {
        // The DERIVED 5.0.0 back notification of unionpay.json, form-encoded as UnionPay posts it.
        LinkedHashMap<String, String> fields =
            Vectors.params(Vectors.byId("unionpay-5.0.0-back-notify-derived").get("params"));
        byte[] body = PaySign.encode(fields, "form", "utf-8").getBytes(StandardCharsets.US_ASCII);
        LinkedHashMap<String, String> altered = new LinkedHashMap<String, String>(fields);
        altered.put("txnAmt", "100");
        byte[] tampered = PaySign.encode(altered, "form", "utf-8").getBytes(StandardCharsets.US_ASCII);
        try (Key verify = Key.fromFile(Vectors.path("keys/unionpay_acp_test_sign_2021_cert.pem"), null);
             Key other = Key.fromFile(Vectors.path("keys/unionpay_acp_test_verify_2020.pem"), null)) {
            assertTrue(PaySign.unionpayVerify(NOTIFY, body, null, null, verify, null));
            assertFalse(PaySign.unionpayVerify(NOTIFY, tampered, null, null, verify, null));
            try {
                PaySign.unionpayVerify(NOTIFY, body, null, null, other, null);
                throw new AssertionError("a certificate other than the certId's accepted");
            } catch (PaySignException e) {
                assertEquals(PaySignException.KEY_MISMATCH, e.getStatus());
                assertTrue(e.getMessage(), e.getMessage().contains("69903319369"));
            }
        }
    }
}
