package com.paysign;

import static com.paysign.Statuses.statusOf;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
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

    // ---- sensitive fields (encryptCertId, encryption, customerInfo) ---------------------------

    private static final String PAN = "6226388000000095";

    /** Runs openssl in dir; returns its stdout. */
    private static byte[] openssl(File dir, String... args) throws Exception {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "openssl";
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).directory(dir).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out = readAll(p.getInputStream());
        assertEquals("openssl " + String.join(" ", args), 0, p.waitFor());
        return out;
    }

    private static byte[] readAll(java.io.InputStream in) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        for (int n; (n = in.read(buf)) > 0;) {
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    /** A temp dir holding OUR OWN key pair (not UnionPay's): key.pem and its self-signed cert.pem. */
    private static File ownPair() throws Exception {
        File dir = Files.createTempDirectory("paysign-acpenc-java").toFile();
        openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out", "cert.pem",
                "-days", "1", "-subj", "/CN=paysign test encryption");
        return dir;
    }

    private static void removePair(File dir) {
        for (File f : dir.listFiles()) {
            assertTrue(f.delete());
        }
        assertTrue(dir.delete());
    }

    /** openssl pkeyutl -decrypt (PKCS#1 v1.5) of base64 sealed with our own key in dir. */
    private static byte[] decrypt(File dir, String sealed) throws Exception {
        Files.write(new File(dir, "sealed.bin").toPath(), Base64.getDecoder().decode(sealed));
        return openssl(dir, "pkeyutl", "-decrypt", "-inkey", "key.pem", "-pkeyopt", "rsa_padding_mode:pkcs1",
                       "-in", "sealed.bin");
    }

    private static String unbase64(String s) {
        return new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
    }

    @Test
    public void encryptCertIdIsThePublishedOne() throws Exception {
        // Published: ACP test request logs send encryptCertId=68759622183 with acp_test_enc.cer.
        assertEquals("68759622183", PaySign.unionpayEncryptCertId(read("acp_test_enc.pem")));
        byte[] pfx = Files.readAllBytes(new File(Vectors.path("keys/unionpay_acp_test_sign_2021.pfx")).toPath());
        for (byte[] bad : new byte[][] {pfx, "not a certificate".getBytes(StandardCharsets.US_ASCII), new byte[0]}) {
            try {
                PaySign.unionpayEncryptCertId(bad);
                throw new AssertionError("not a certificate accepted");
            } catch (PaySignException e) {
                assertEquals(PaySignException.KEY_ERROR, e.getStatus());
                assertEquals("encryption certificate: not a PEM or DER X.509 certificate", e.getMessage());
            }
        }
        // A null array crosses as an empty one (as every byte[] of this wrapper).
        assertEquals(PaySignException.KEY_ERROR, statusOf(() -> PaySign.unionpayEncryptCertId(null)));
    }

    @Test
    public void encryptionIsRandomisedBase64Of256Bytes() throws Exception {
        byte[] cert = read("acp_test_enc.pem");
        byte[] pan = PAN.getBytes(StandardCharsets.US_ASCII);
        String a = PaySign.unionpayEncrypt(cert, pan);
        String b = PaySign.unionpayEncrypt(cert, pan);
        assertEquals(344, a.length());
        assertEquals(256, Base64.getDecoder().decode(a).length);
        assertFalse(a.equals(b));
        assertEquals(PaySignException.INVALID_FIELD, statusOf(() -> PaySign.unionpayEncrypt(cert, new byte[0])));
        assertEquals(PaySignException.INVALID_FIELD, statusOf(() -> PaySign.unionpayEncrypt(cert, new byte[246])));
        assertEquals(PaySignException.KEY_ERROR,
                     statusOf(() -> PaySign.unionpayEncrypt("junk".getBytes(StandardCharsets.US_ASCII), pan)));
        assertEquals(344, PaySign.unionpayEncryptPin(cert, "123456", PAN).length());
        try {
            PaySign.unionpayEncryptPin(cert, "123", PAN);
            throw new AssertionError("3-digit PIN accepted");
        } catch (PaySignException e) {
            assertEquals(PaySignException.INVALID_FIELD, e.getStatus());
            assertEquals("field 'pin': must be 4 to 12 digits", e.getMessage());
        }
    }

    @Test
    public void roundTripsThroughOpensslWithOurOwnPair() throws Exception {
        File own = ownPair();
        try {
            byte[] cert = Files.readAllBytes(new File(own, "cert.pem").toPath());
            byte[] plain = (PAN + " 张三").getBytes(StandardCharsets.UTF_8);
            assertEquals(new String(plain, StandardCharsets.UTF_8),
                         new String(decrypt(own, PaySign.unionpayEncrypt(cert, plain)), StandardCharsets.UTF_8));
            // DERIVED (tests/unionpay_encrypt.rs, Python by the written rule): the ANSI X9.8 PIN block.
            byte[] block = {0x06, 0x12, 0x57, (byte) 0xde, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xf6};
            assertTrue(java.util.Arrays.equals(block, decrypt(own, PaySign.unionpayEncryptPin(cert, "123456", PAN))));
            // 5.1.0 gathers phoneNo, cvn2, expired into encryptedInfo; pin keeps its place.
            LinkedHashMap<String, String> f = new LinkedHashMap<String, String>();
            f.put("pin", "123456");
            f.put("customerNm", "张三");
            f.put("phoneNo", "18100000000");
            f.put("cvn2", "248");
            String text = unbase64(PaySign.unionpayCustomerInfo(f, "5.1.0", cert, PAN));
            assertTrue(text, text.startsWith("{pin=") && text.endsWith("}"));
            assertTrue(java.util.Arrays.equals(block, decrypt(own, text.substring(5, 5 + 344))));
            String tail = text.substring(5 + 344, text.length() - 1);
            String mid = "&customerNm=张三&encryptedInfo=";
            assertTrue(tail, tail.startsWith(mid));
            assertEquals("phoneNo=18100000000&cvn2=248",
                         new String(decrypt(own, tail.substring(mid.length())), StandardCharsets.UTF_8));
        } finally {
            removePair(own);
        }
    }

    @Test
    public void customerInfoVectors() throws Exception {
        LinkedHashMap<String, String> f = new LinkedHashMap<String, String>();
        f.put("certifTp", "01");
        f.put("certifId", "510265790128303");
        f.put("customerNm", "张三");
        f.put("phoneNo", "18100000000");
        f.put("cvn2", "248");
        f.put("expired", "1711");
        // DERIVED (tests/unionpay_encrypt.rs): Python base64 of the braced UTF-8 text.
        assertEquals("e2NlcnRpZlRwPTAxJmNlcnRpZklkPTUxMDI2NTc5MDEyODMwMyZjdXN0b21lck5tPeW8oOS4iSZwaG9uZU5vPTE4MTAw"
                     + "MDAwMDAwJmN2bjI9MjQ4JmV4cGlyZWQ9MTcxMX0=",
                     PaySign.unionpayCustomerInfo(f, "5.0.0", null, null));
        LinkedHashMap<String, String> sms = new LinkedHashMap<String, String>();
        sms.put("smsCode", "111111");
        // Published: {smsCode=111111} (tests/c/test_unionpay.c).
        assertEquals("e3Ntc0NvZGU9MTExMTExfQ==", PaySign.unionpayCustomerInfo(sms, "5.1.0", null, null));
        // 5.1.0 with cvn2 needs the certificate; a pin needs the card number.
        assertEquals(PaySignException.NULL_ARGUMENT, statusOf(() -> PaySign.unionpayCustomerInfo(f, "5.1.0", null, null)));
        byte[] cert = read("acp_test_enc.pem");
        LinkedHashMap<String, String> pin = new LinkedHashMap<String, String>();
        pin.put("pin", "123456");
        try {
            PaySign.unionpayCustomerInfo(pin, "5.0.0", cert, null);
            throw new AssertionError("pin without accNo accepted");
        } catch (PaySignException e) {
            assertEquals(PaySignException.MISSING_FIELD, e.getStatus());
            assertTrue(e.getMessage(), e.getMessage().contains("'accNo'"));
        }
        assertEquals(PaySignException.INVALID_FIELD, statusOf(() -> PaySign.unionpayCustomerInfo(sms, "4.0.0", null, null)));
        assertEquals(PaySignException.NULL_ARGUMENT, statusOf(() -> PaySign.unionpayCustomerInfo(null, "5.1.0", null, null)));
        assertEquals(PaySignException.KEY_ERROR,
                     statusOf(() -> PaySign.unionpayCustomerInfo(f, "5.1.0", "junk".getBytes(StandardCharsets.US_ASCII), null)));
    }
}
