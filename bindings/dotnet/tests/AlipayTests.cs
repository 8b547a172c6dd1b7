// Alipay certificate SNs, synchronous responses and AES content encryption on testdata/alipay
// (SOURCES.md there).
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using NUnit.Framework;
using PaySign;

namespace PaySign.Tests
{
    [TestFixture]
    public class AlipayTests
    {
        private static string File(string name)
        {
            return Path.Combine(VectorTests.VectorDir, "..", "alipay", name);
        }

        private static byte[] Read(string name)
        {
            return System.IO.File.ReadAllBytes(File(name));
        }

        private static byte[] Replace(byte[] body, string from, string to)
        {
            return Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace(from, to));
        }

        [Test]
        public void CertSns()
        {
            Assert.AreEqual("e90dd23a37c5c7b616e003970817ff82", Signer.AlipayCertSn(Read("yansongda_appPublicCert.crt")));
            Assert.AreEqual("7513daaaa48aa3ba2e4018d84402479c", Signer.AlipayCertSn(Read("nodejs_alipayCertPublicKey_RSA2.crt")));
            Assert.AreEqual("687b59193f3f462dd5336e5abf83c5d8_02941eef3187dddf3d3b83462e1dfcf6",
                Signer.AlipayRootCertSn(Read("alipayRootCert.crt")));
            var e = Assert.Throws<PaySignException>(() => Signer.AlipayCertSn(Encoding.ASCII.GetBytes("junk")));
            Assert.AreEqual(Status.KeyError, e.Status);
        }

        [Test]
        public void Responses()
        {
            using (Key gopay = Key.FromFile(File("gopay_alipay_public_key.txt")))
            using (Key cert = Key.FromFile(File("derived_alipay_cert.crt")))
            using (Key other = Key.FromFile(File("nodejs_alipayCertPublicKey_RSA2.crt")))
            {
                byte[] body = Read("gopay_trade_pay_response.json");
                Assert.IsTrue(Signer.AlipayVerifyResponse(body, "alipay.trade.pay", gopay));
                Assert.IsTrue(Signer.AlipayVerifyResponse(body, "alipay.trade.pay", gopay, "sign_type=RSA2"));
                Assert.IsFalse(Signer.AlipayVerifyResponse(Replace(body, "\"0.01\"", "\"9.01\""), "alipay.trade.pay", gopay));
                Assert.IsFalse(Signer.AlipayVerifyResponse(body, "alipay.trade.pay", gopay, "sign_type=RSA"));
                var e = Assert.Throws<PaySignException>(() => Signer.AlipayVerifyResponse(body, "alipay.trade.query", gopay));
                Assert.AreEqual(Status.MalformedInput, e.Status);
                Assert.Throws<ArgumentNullException>(() => Signer.AlipayVerifyResponse(body, "alipay.trade.pay", null));
                Assert.Throws<ArgumentException>(() => Signer.AlipayVerifyResponse(body, "a\0b", gopay));

                byte[] cm = Read("derived_cert_mode_response.json");
                Assert.IsTrue(Signer.AlipayVerifyResponse(cm, "alipay.trade.query", cert));
                Assert.IsFalse(Signer.AlipayVerifyResponse(Replace(cm, "TRADE_SUCCESS", "TRADE_SUCCESX"), "alipay.trade.query", cert));
                e = Assert.Throws<PaySignException>(() => Signer.AlipayVerifyResponse(cm, "alipay.trade.query", other));
                Assert.AreEqual(Status.KeyMismatch, e.Status);
                Assert.IsTrue(Signer.AlipayVerifyResponse(Read("derived_encrypted_response.json"), "alipay.trade.query", cert));
            }
        }

        // gopay_aes.txt: key=, ciphertext=, plaintext= lines.
        private static Dictionary<string, string> AesVector()
        {
            var v = new Dictionary<string, string>();
            foreach (string line in System.IO.File.ReadAllLines(File("gopay_aes.txt")))
            {
                int eq = line.IndexOf('=');
                if (eq > 0)
                    v[line.Substring(0, eq)] = line.Substring(eq + 1);
            }
            return v;
        }

        [Test]
        public void AesContentEncryption()
        {
            var v = AesVector();
            byte[] plain = Encoding.UTF8.GetBytes(v["plaintext"]);
            const string q = "alipay.trade.query";
            using (Key aes = Key.Secret(v["key"]))
            using (Key wrong = Key.Secret("AAAAAAAAAAAAAAAAAAAAAA=="))
            using (Key shortKey = Key.Secret("c2hvcnQ="))
            using (Key cert = Key.FromFile(File("derived_alipay_cert.crt")))
            {
                Assert.AreEqual(v["ciphertext"], Signer.AlipayEncrypt(aes, plain));
                var e = Assert.Throws<PaySignException>(() => Signer.AlipayEncrypt(shortKey, plain));
                Assert.AreEqual(Status.KeyError, e.Status);
                e = Assert.Throws<PaySignException>(() => Signer.AlipayEncrypt(cert, plain));
                Assert.AreEqual(Status.KeyMismatch, e.Status);
                Assert.Throws<ArgumentNullException>(() => Signer.AlipayEncrypt(null, plain));

                byte[] enc = Read("derived_encrypted_response.json");
                Assert.IsTrue(Signer.AlipayVerifyResponse(enc, q, cert));
                Assert.AreEqual(v["plaintext"], Signer.AlipayDecryptResponse(enc, q, aes));
                Assert.AreEqual(v["plaintext"], Signer.AlipayDecryptResponse(enc, q, aes, "charset=utf-8"));

                // Tampered twin: one ciphertext byte; the signature fails and so does the decryption.
                byte[] tampered = Replace(enc, "MkvuiIZs", "MkvuiIZt");
                Assert.IsFalse(Signer.AlipayVerifyResponse(tampered, q, cert));
                e = Assert.Throws<PaySignException>(() => Signer.AlipayDecryptResponse(tampered, q, aes));
                Assert.AreEqual(Status.DecryptError, e.Status);
                e = Assert.Throws<PaySignException>(() => Signer.AlipayDecryptResponse(Replace(enc, "UGStlpvcg", "UGTtlpvcg"), q, aes));
                Assert.AreEqual(Status.DecryptError, e.Status);
                e = Assert.Throws<PaySignException>(() => Signer.AlipayDecryptResponse(enc, q, wrong));
                Assert.AreEqual(Status.DecryptError, e.Status);
                e = Assert.Throws<PaySignException>(() => Signer.AlipayDecryptResponse(enc, q, shortKey));
                Assert.AreEqual(Status.KeyError, e.Status);
                e = Assert.Throws<PaySignException>(() => Signer.AlipayDecryptResponse(enc, q, cert));
                Assert.AreEqual(Status.KeyMismatch, e.Status);
                e = Assert.Throws<PaySignException>(() => Signer.AlipayDecryptResponse(enc, q, aes, "sign_type=RSA2"));
                Assert.AreEqual(Status.InvalidArgument, e.Status);
                e = Assert.Throws<PaySignException>(() => Signer.AlipayDecryptResponse(enc, "alipay.trade.pay", aes));
                Assert.AreEqual(Status.MalformedInput, e.Status);
                e = Assert.Throws<PaySignException>(() => Signer.AlipayDecryptResponse(Read("derived_cert_mode_response.json"), q, aes));
                Assert.AreEqual(Status.InvalidField, e.Status);
                StringAssert.Contains("alipay_trade_query_response", e.Message);
                Assert.IsFalse(e.Message.Contains(v["key"]));
                Assert.Throws<ArgumentException>(() => Signer.AlipayDecryptResponse(enc, "a\0b", aes));
            }
        }
    }
}
