// UnionPay ACP certId and body verification on testdata/unionpay (SOURCES.md there) and the
// unionpay.json vectors. The test certificates have expired: every check passes now=.
using System;
using System.IO;
using System.Linq;
using System.Text;
using NUnit.Framework;
using PaySign;

namespace PaySign.Tests
{
    [TestFixture]
    public class UnionpayTests
    {
        // 2017-10-30, when the omnipay-unionpay front notification was made.
        private const string Oct2017 = "now=1509400000&test_cn=1";
        private const string Notify = "unionpay.acp.notify";

        private static byte[] Read(string name)
        {
            return File.ReadAllBytes(Path.Combine(VectorTests.VectorDir, "..", "unionpay", name));
        }

        private static string KeyFile(string name)
        {
            return Path.Combine(VectorTests.VectorDir, "keys", name);
        }

        private static byte[] NotifyBody(string replace = null, string with = null)
        {
            string body = Encoding.GetEncoding("ISO-8859-1").GetString(Read("notify_5.1.0_wtz.txt"));
            if (replace != null)
            {
                StringAssert.Contains(replace, body);
                body = body.Replace(replace, with);
            }
            return Encoding.GetEncoding("ISO-8859-1").GetBytes(body);
        }

        private static string CertIdParam(string vectorId)
        {
            return VectorTests.Params(VectorTests.ById(vectorId).Data["params"])["certId"];
        }

        // A form body as UnionPay posts it: name=percent-encoded value, joined with &.
        private static byte[] Form(ParamList fields)
        {
            return Encoding.ASCII.GetBytes(string.Join("&",
                fields.Select(p => p.Key + "=" + Uri.EscapeDataString(p.Value))));
        }

        [Test]
        public void CertIdIsTheSerialTheVectorsSend()
        {
            using (Key pfx = Key.FromFile(KeyFile("unionpay_acp_test_sign_2021.pfx"), "000000"))
            using (Key old = Key.FromFile(KeyFile("unionpay_acp_test_sign_2015.pfx"), "000000"))
            using (Key secret = Key.Secret("k"))
            {
                // yansongda/pay's published requests carry certId=69903319369 with this PFX.
                Assert.AreEqual(CertIdParam("unionpay-5.1.0-web-pay-request-yansongda"), Signer.UnionpayCertId(pfx));
                Assert.AreEqual("69903319369", Signer.UnionpayCertId(pfx));
                Assert.AreEqual(CertIdParam("unionpay-5.0.0-front-request-derived"), Signer.UnionpayCertId(old));
                var e = Assert.Throws<PaySignException>(() => Signer.UnionpayCertId(secret));
                Assert.AreEqual(Status.KeyMismatch, e.Status);
            }
            Assert.Throws<ArgumentNullException>(() => Signer.UnionpayCertId(null));
        }

        [Test]
        public void V510NotificationVerifiesThroughRootAndMiddle()
        {
            byte[] root = Read("acp_test_root.pem");
            byte[] middle = Read("acp_test_middle.pem");
            Assert.IsTrue(Signer.UnionpayVerify(Notify, NotifyBody(), root, middle, null, Oct2017));
            // The tampered twin: same certificate chain, one digit of orderId changed.
            byte[] tampered = NotifyBody("orderId=20171030223623", "orderId=20171030223624");
            Assert.IsFalse(Signer.UnionpayVerify(Notify, tampered, root, middle, null, Oct2017));
        }

        [Test]
        public void UntrustedChainsAndCertificates()
        {
            byte[] body = NotifyBody();
            byte[] root = Read("acp_test_root.pem");
            byte[] middle = Read("acp_test_middle.pem");
            byte[] other = Read("acp_test_enc.pem");
            // A root that did not sign the middle; the root standing in for the middle.
            var e = Assert.Throws<PaySignException>(() => Signer.UnionpayVerify(Notify, body, other, middle, null, Oct2017));
            Assert.AreEqual(Status.UntrustedCert, e.Status);
            e = Assert.Throws<PaySignException>(() => Signer.UnionpayVerify(Notify, body, root, root, null, Oct2017));
            Assert.AreEqual(Status.UntrustedCert, e.Status);
            // The test owner 00040000:SIGN only with test_cn=1; the certificate expired long before now.
            e = Assert.Throws<PaySignException>(() => Signer.UnionpayVerify(Notify, body, root, middle, null, "now=1509400000"));
            Assert.AreEqual(Status.UntrustedCert, e.Status);
            StringAssert.Contains("00040000:SIGN", e.Message);
            e = Assert.Throws<PaySignException>(() => Signer.UnionpayVerify(Notify, body, root, middle, null, "test_cn=1"));
            Assert.AreEqual(Status.UntrustedCert, e.Status);
            e = Assert.Throws<PaySignException>(() => Signer.UnionpayVerify(Notify, body, null, null, null, Oct2017));
            Assert.AreEqual(Status.NullArgument, e.Status);
            e = Assert.Throws<PaySignException>(() => Signer.UnionpayVerify("alipay.mapi.notify", body, root, middle, null, Oct2017));
            Assert.AreEqual(Status.InvalidArgument, e.Status);
            e = Assert.Throws<PaySignException>(() => Signer.UnionpayVerify(Notify, body, root, middle, null, "now=x"));
            Assert.AreEqual(Status.InvalidArgument, e.Status);
        }

        [Test]
        public void V500NotificationUsesTheCertificateItsCertIdNames()
        {
            // The DERIVED 5.0.0 back notification of unionpay.json, form-encoded as UnionPay posts it.
            ParamList fields = VectorTests.Params(VectorTests.ById("unionpay-5.0.0-back-notify-derived").Data["params"]);
            byte[] body = Form(fields);
            ParamList altered = new ParamList(fields);
            altered["txnAmt"] = "100";
            using (Key verify = Key.FromFile(KeyFile("unionpay_acp_test_sign_2021_cert.pem")))
            using (Key other = Key.FromFile(KeyFile("unionpay_acp_test_verify_2020.pem")))
            {
                Assert.IsTrue(Signer.UnionpayVerify(Notify, body, null, null, verify));
                Assert.IsFalse(Signer.UnionpayVerify(Notify, Form(altered), null, null, verify));
                var e = Assert.Throws<PaySignException>(() => Signer.UnionpayVerify(Notify, body, null, null, other));
                Assert.AreEqual(Status.KeyMismatch, e.Status);
                StringAssert.Contains("69903319369", e.Message);
            }
        }
    }
}
