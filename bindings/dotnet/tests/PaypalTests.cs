// PayPal IPN postback, verdict, checks and fields on testdata/paypal (sources in ipn.json there).
using System;
using System.IO;
using System.Text;
using NUnit.Framework;
using PaySign;

namespace PaySign.Tests
{
    [TestFixture]
    public class PaypalTests
    {
        private static byte[] Read(string name)
        {
            return File.ReadAllBytes(Path.Combine(VectorTests.VectorDir, "..", "paypal", name));
        }

        [Test]
        public void PostbackIsTheRawBodyPrefixed()
        {
            byte[] body = Read("offsite-web-accept.body");
            Assert.AreEqual("cmd=_notify-validate&" + Encoding.ASCII.GetString(body), Signer.PaypalPostback(body));
            var e = Assert.Throws<PaySignException>(() => Signer.PaypalPostback(Encoding.ASCII.GetBytes("a=1 2")));
            Assert.AreEqual(Status.MalformedInput, e.Status);
        }

        [Test]
        public void Verdicts()
        {
            Assert.IsTrue(Signer.PaypalVerdict(Encoding.ASCII.GetBytes("VERIFIED")));
            Assert.IsFalse(Signer.PaypalVerdict(Encoding.ASCII.GetBytes("INVALID")));
            var e = Assert.Throws<PaySignException>(() => Signer.PaypalVerdict(Encoding.ASCII.GetBytes("<html>")));
            Assert.AreEqual(Status.MalformedInput, e.Status);
        }

        [Test]
        public void ChecksAndFields()
        {
            byte[] body = Read("offsite-web-accept.body");
            Signer.PaypalCheck(body, "receiver_email=tobi%40leetsoft.com&amount=500.00&currency=CAD&sandbox=1");
            var e = Assert.Throws<PaySignException>(() => Signer.PaypalCheck(body, "amount=5.00"));
            Assert.AreEqual(Status.InvalidField, e.Status);
            StringAssert.Contains("'mc_gross'", e.Message);
            Assert.AreEqual("6G996328CK404320L", Signer.PaypalField(body, "txn_id"));
            Assert.AreEqual("Jos\u00e9 M\u00fcller", Signer.PaypalField(Read("derived-windows-1252.body"), "first_name"));
        }
    }
}
