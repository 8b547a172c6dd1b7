// Alipay certificate SNs and synchronous responses on testdata/alipay (SOURCES.md there).
using System;
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
    }
}
