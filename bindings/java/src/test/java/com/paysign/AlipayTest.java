package com.paysign;

import static com.paysign.Statuses.statusOf;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

import org.junit.Test;

/**
 * Alipay certificate SNs, synchronous responses and AES content encryption on testdata/alipay
 * (SOURCES.md there).
 */
public class AlipayTest {

    private static File dir() {
        return new File(Vectors.dir().getParentFile(), "alipay");
    }

    private static byte[] read(String name) throws Exception {
        return Files.readAllBytes(new File(dir(), name).toPath());
    }

    private static Key key(String name) {
        return Key.fromFile(new File(dir(), name).getPath(), null);
    }

    private static byte[] replace(byte[] body, String from, String to) {
        return new String(body, StandardCharsets.UTF_8).replace(from, to).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    public void certSns() throws Exception {
        assertEquals("e90dd23a37c5c7b616e003970817ff82", PaySign.alipayCertSn(read("yansongda_appPublicCert.crt")));
        assertEquals("7513daaaa48aa3ba2e4018d84402479c", PaySign.alipayCertSn(read("nodejs_alipayCertPublicKey_RSA2.crt")));
        assertEquals("687b59193f3f462dd5336e5abf83c5d8_02941eef3187dddf3d3b83462e1dfcf6",
                     PaySign.alipayRootCertSn(read("alipayRootCert.crt")));
        assertEquals(PaySignException.KEY_ERROR, statusOf(() -> PaySign.alipayCertSn("junk".getBytes(StandardCharsets.UTF_8))));
        assertEquals(PaySignException.KEY_ERROR, statusOf(() -> PaySign.alipayRootCertSn(null)));
    }

    @Test
    public void responses() throws Exception {
        Key gopay = key("gopay_alipay_public_key.txt");
        byte[] body = read("gopay_trade_pay_response.json");
        assertTrue(PaySign.alipayVerifyResponse(body, "alipay.trade.pay", gopay, null));
        assertTrue(PaySign.alipayVerifyResponse(body, "alipay.trade.pay", gopay, "sign_type=RSA2"));
        assertFalse(PaySign.alipayVerifyResponse(replace(body, "\"0.01\"", "\"9.01\""), "alipay.trade.pay", gopay, null));
        assertFalse(PaySign.alipayVerifyResponse(body, "alipay.trade.pay", gopay, "sign_type=RSA"));
        assertEquals(16, statusOf(() -> PaySign.alipayVerifyResponse(body, "alipay.trade.query", gopay, null)));
        assertEquals(10, statusOf(() -> PaySign.alipayVerifyResponse(body, "alipay.trade.pay", null, null)));

        Key cert = key("derived_alipay_cert.crt");
        Key other = key("nodejs_alipayCertPublicKey_RSA2.crt");
        byte[] cm = read("derived_cert_mode_response.json");
        assertTrue(PaySign.alipayVerifyResponse(cm, "alipay.trade.query", cert, null));
        assertFalse(PaySign.alipayVerifyResponse(replace(cm, "TRADE_SUCCESS", "TRADE_SUCCESX"), "alipay.trade.query", cert, null));
        assertEquals(PaySignException.KEY_MISMATCH, statusOf(() -> PaySign.alipayVerifyResponse(cm, "alipay.trade.query", other, null)));
        assertTrue(PaySign.alipayVerifyResponse(read("derived_encrypted_response.json"), "alipay.trade.query", cert, null));
        try {
            PaySign.alipayVerifyResponse(body, "a\0b", gopay, null);
            fail("NUL accepted");
        } catch (IllegalArgumentException expected) {
            // refused, not truncated
        }
        gopay.close();
        cert.close();
        other.close();
    }

    /** gopay_aes.txt: key=, ciphertext=, plaintext= lines. */
    private static Map<String, String> aesVector() throws Exception {
        Map<String, String> v = new HashMap<>();
        for (String line : new String(read("gopay_aes.txt"), StandardCharsets.UTF_8).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                v.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return v;
    }

    @Test
    public void aesContentEncryption() throws Exception {
        Map<String, String> v = aesVector();
        byte[] plain = v.get("plaintext").getBytes(StandardCharsets.UTF_8);
        final String q = "alipay.trade.query";
        try (Key aes = Key.secret(v.get("key"));
             Key wrong = Key.secret("AAAAAAAAAAAAAAAAAAAAAA==");
             Key shortKey = Key.secret("c2hvcnQ=");
             Key cert = key("derived_alipay_cert.crt")) {
            assertEquals(v.get("ciphertext"), PaySign.alipayEncrypt(aes, plain));
            assertEquals(PaySignException.KEY_ERROR, statusOf(() -> PaySign.alipayEncrypt(shortKey, plain)));
            assertEquals(PaySignException.KEY_MISMATCH, statusOf(() -> PaySign.alipayEncrypt(cert, plain)));
            assertEquals(PaySignException.NULL_ARGUMENT, statusOf(() -> PaySign.alipayEncrypt(null, plain)));

            byte[] enc = read("derived_encrypted_response.json");
            assertTrue(PaySign.alipayVerifyResponse(enc, q, cert, null));
            assertEquals(v.get("plaintext"), PaySign.alipayDecryptResponse(enc, q, aes, null));
            assertEquals(v.get("plaintext"), PaySign.alipayDecryptResponse(enc, q, aes, "charset=utf-8"));

            // Tampered twin: one ciphertext byte; the signature fails and so does the decryption.
            byte[] tampered = replace(enc, "MkvuiIZs", "MkvuiIZt");
            assertFalse(PaySign.alipayVerifyResponse(tampered, q, cert, null));
            assertEquals(PaySignException.DECRYPT_ERROR, statusOf(() -> PaySign.alipayDecryptResponse(tampered, q, aes, null)));
            byte[] lastBlock = replace(enc, "UGStlpvcg", "UGTtlpvcg");
            assertEquals(PaySignException.DECRYPT_ERROR, statusOf(() -> PaySign.alipayDecryptResponse(lastBlock, q, aes, null)));
            assertEquals(PaySignException.DECRYPT_ERROR, statusOf(() -> PaySign.alipayDecryptResponse(enc, q, wrong, null)));
            assertEquals(PaySignException.KEY_ERROR, statusOf(() -> PaySign.alipayDecryptResponse(enc, q, shortKey, null)));
            assertEquals(PaySignException.KEY_MISMATCH, statusOf(() -> PaySign.alipayDecryptResponse(enc, q, cert, null)));
            assertEquals(PaySignException.INVALID_ARGUMENT,
                         statusOf(() -> PaySign.alipayDecryptResponse(enc, q, aes, "sign_type=RSA2")));
            assertEquals(PaySignException.MALFORMED_INPUT,
                         statusOf(() -> PaySign.alipayDecryptResponse(enc, "alipay.trade.pay", aes, null)));
            byte[] plainNode = read("derived_cert_mode_response.json");
            try {
                PaySign.alipayDecryptResponse(plainNode, q, aes, null);
                fail("a plain node decrypted");
            } catch (PaySignException e) {
                assertEquals(PaySignException.INVALID_FIELD, e.getStatus());
                assertTrue(e.getMessage(), e.getMessage().contains("alipay_trade_query_response"));
                assertFalse(e.getMessage().contains(v.get("key")));
            }
            try {
                PaySign.alipayDecryptResponse(enc, "a\0b", aes, null);
                fail("NUL accepted");
            } catch (IllegalArgumentException expected) {
                // refused, not truncated
            }
        }
    }
}
