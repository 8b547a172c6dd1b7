// PayPal IPN postback, verdict, checks and fields on testdata/paypal (sources in ipn.json there).
using System;
using System.Collections.Generic;
using System.Linq;
using System.Web.Script.Serialization;
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
    
        // The causes of a paypal_postback report, each finding with a detail.
        private static string[] Causes(string report)
        {
            var r = (Dictionary<string, object>)new JavaScriptSerializer().DeserializeObject(report);
            Assert.AreEqual("paypal_postback", r["mode"]);
            return ((object[])r["findings"]).Select(f =>
            {
                var d = (Dictionary<string, object>)f;
                Assert.IsNotEmpty((string)d["detail"], report);
                return (string)d["cause"];
            }).ToArray();
        }

        [Test]
        public void DiagnoseNamesThePostbackMistakes()
        {
            byte[] body = Read("offsite-web-accept.body");
            string text = Encoding.ASCII.GetString(body);
            // The postback with '+' re-encoded as %20 (decode then re-encode), posted to the live host.
            byte[] pct20 = Encoding.ASCII.GetBytes("cmd=_notify-validate&" + text.Replace("+", "%20"));
            CollectionAssert.AreEqual(new[] { "sandbox_to_live_host", "plus_vs_pct20" },
                Causes(Signer.PaypalDiagnose(body, pct20, "ipnpb.paypal.com")));
            // The exact postback to the sandbox host explains nothing; nothing to compare neither.
            byte[] good = Encoding.ASCII.GetBytes(Signer.PaypalPostback(body));
            CollectionAssert.IsEmpty(Causes(Signer.PaypalDiagnose(body, good, "ipnpb.sandbox.paypal.com")));
            Assert.AreEqual("{\"mode\":\"paypal_postback\",\"findings\":[]}", Signer.PaypalDiagnose(body, null));
        }
    }
}
