// Signer.Diagnose / DiagnoseSign (the JSON report), Key.Builtin, Signer.BuiltinKeys and
// Signer.AlipayNotifyVerifyUrl.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Web.Script.Serialization;
using NUnit.Framework;
using PaySign;

namespace PaySign.Tests
{
    [TestFixture]
    public class DiagnoseTests
    {
        private const string WxCase = "wechat-notify-xml-md5-derived";
        private const string KqSha1Case = "99bill-rsa-sha1-request-10012140356-pem";

        private static Dictionary<string, object> Case(string id)
        {
            VectorCase c = VectorTests.All().FirstOrDefault(v => v.Id == id);
            Assert.IsNotNull(c, "no vector " + id);
            return c.Data;
        }

        private static string KeyFile(string name)
        {
            return Path.Combine(VectorTests.VectorDir, "keys", name);
        }

        private static Dictionary<string, object> Report(string json)
        {
            Assert.IsNotNull(json);
            JavaScriptSerializer serializer = new JavaScriptSerializer();
            serializer.MaxJsonLength = int.MaxValue;
            var r = serializer.DeserializeObject(json) as Dictionary<string, object>;
            Assert.IsNotNull(r, json);
            return r;
        }

        private static Dictionary<string, object> Obj(Dictionary<string, object> d, string name)
        {
            return (Dictionary<string, object>)d[name];
        }

        private static ParamList Params(object raw)
        {
            ParamList p = new ParamList();
            foreach (object pair in (object[])raw)
            {
                object[] nv = (object[])pair;
                p.Add((string)nv[0], (string)nv[1]);
            }
            return p;
        }

        /// <summary>A form body, by hand: UTF-8 percent-encoding of every name and value.</summary>
        private static byte[] Form(IEnumerable<KeyValuePair<string, string>> fields)
        {
            return Encoding.ASCII.GetBytes(string.Join("&",
                fields.Select(kv => Uri.EscapeDataString(kv.Key) + "=" + Uri.EscapeDataString(kv.Value)).ToArray()));
        }

        private static PaySignException Throws(Status expected, TestDelegate code)
        {
            PaySignException e = Assert.Throws<PaySignException>(code);
            Assert.AreEqual(expected, e.Status, e.Message);
            Assert.That(e.Message, Is.Not.Null.And.Not.Empty);
            return e;
        }

        // ---- Diagnose ----

        [Test]
        public void WechatNotifyValidHasNoCause()
        {
            var c = Case(WxCase);
            string secret = (string)Obj(c, "key")["secret"];
            using (Key key = Key.Secret(secret))
            {
                string json = Signer.Diagnose("wechatpay.notify", Encoding.UTF8.GetBytes((string)c["body"]), key, "xml", "utf-8");
                var r = Report(json);
                Assert.AreEqual("verify", r["mode"], json);
                Assert.AreEqual("valid", r["verdict"], json);
                Assert.AreEqual("PAYSIGN_OK", r["status"], json);
                Assert.IsTrue(r.ContainsKey("cause"), json);
                Assert.IsNull(r["cause"], json);
                StringAssert.EndsWith("&key=***", (string)r["sign_string"]);
                Assert.IsFalse(json.Contains(secret), "the secret is masked");
            }
        }

        [Test]
        public void WechatNotifyTamperedIsInvalid()
        {
            var c = Case(WxCase);
            string body = (string)c["body"];
            string tampered = body.Replace("<total_fee>1</total_fee>", "<total_fee>2</total_fee>");
            Assert.AreNotEqual(body, tampered);
            using (Key key = Key.Secret((string)Obj(c, "key")["secret"]))
            {
                string json = Signer.Diagnose("wechatpay.notify", Encoding.UTF8.GetBytes(tampered), key, "xml");
                var r = Report(json);
                Assert.AreEqual("invalid", r["verdict"], json);
                Assert.AreEqual("PAYSIGN_BAD_SIGNATURE", r["status"], json);
                Assert.AreEqual("none", r["cause"], json);
                Assert.AreEqual(false, r["confirmed"], json);
                Assert.IsInstanceOf<string>(r["explanation"]);
                Assert.IsInstanceOf<object[]>(r["warnings"]);
                int tried = (int)r["variants_tried"];
                Assert.That(tried, Is.GreaterThan(0).And.LessThanOrEqualTo((int)r["max_variants"]));
            }
        }

        [Test]
        public void KuaiqianSha1CheckedAsSha256NamesTheDigest()
        {
            var c = Case(KqSha1Case);
            ParamList posted;
            using (Key priv = Key.FromFile(KeyFile("99bill_10012140356.pem")))
                posted = Signer.SignParams("99bill.pay.request", Params(c["params"]), priv, "hash=sha1");
            byte[] body = Form(posted);
            using (Key cert = Key.FromFile(KeyFile("99bill_10012140356_cert.pem")))
            {
                Assert.IsFalse(Signer.VerifyBody("99bill.pay.request", body, cert, "form", null, "hash=sha256"));
                string json = Signer.Diagnose("99bill.pay.request", body, cert, "form", null, "hash=sha256");
                Assert.That(Encoding.UTF8.GetByteCount(json), Is.GreaterThan(1024), "longer than the usual first buffer");
                var r = Report(json);
                Assert.AreEqual("invalid", r["verdict"], json);
                Assert.AreEqual("digest", r["cause"], json);
                Assert.AreEqual(true, r["confirmed"], json);
                Assert.AreEqual("SHA256withRSA", r["method"], json);
                var variant = Obj(r, "variant");
                Assert.AreEqual("SHA1withRSA", variant["method"], json);
                Assert.AreEqual("sha1", Obj(variant, "detail")["hash"], json);

                // options as a dictionary; the right digest verifies
                var opts = new Dictionary<string, string> { { "hash", "sha256" } };
                Assert.AreEqual("digest", Report(Signer.Diagnose("99bill.pay.request", body, cert, "form", null, opts))["cause"]);
                Assert.AreEqual("valid", Report(Signer.Diagnose("99bill.pay.request", body, cert, options: "hash=sha1"))["verdict"]);
            }
            // no key: the report says what is missing
            var nokey = Report(Signer.Diagnose("99bill.pay.request", body, null, options: "hash=sha256"));
            Assert.AreEqual("error", nokey["verdict"]);
            Assert.AreEqual("PAYSIGN_NULL_ARGUMENT", nokey["status"]);
            Assert.IsNull(nokey["key"]);
        }

        [Test]
        public void ReportLongerThanTheFirstBuffer()
        {
            string attach = new string('长', 8000);
            using (Key key = Key.Secret("k"))
            {
                ParamList signed = Signer.SignParams("wechatpay.notify",
                    new ParamList { { "appid", "wx1" }, { "attach", attach }, { "total_fee", "1" } }, key);
                signed["total_fee"] = "2";
                string json = Signer.Diagnose("wechatpay.notify", Form(signed), key);
                Assert.That(Encoding.UTF8.GetByteCount(json), Is.GreaterThan(16384));
                var r = Report(json);
                Assert.AreEqual("invalid", r["verdict"]);
                StringAssert.Contains(attach, (string)r["sign_string"]);
            }
        }

        [Test]
        public void SignModeComparesTheMerchantsSignature()
        {
            var req = new ParamList
            {
                { "appid", "wxd930ea5d5a258f4f" }, { "mch_id", "10000100" }, { "nonce_str", "n1" }, { "body", "test" },
            };
            using (Key key = Key.Secret("192006250b4c09247ec02edce69f6a2d"))
            {
                ParamList signed = Signer.SignParams("wechatpay.request", req, key);
                string json = Signer.DiagnoseSign("wechatpay.request", Form(signed), key);
                var r = Report(json);
                Assert.AreEqual("sign", r["mode"], json);
                Assert.AreEqual("valid", r["verdict"], json);
                Assert.IsNull(r["cause"], json);
                Assert.AreEqual(signed["sign"], r["paysign_signature"], json);

                signed["sign"] = signed["sign"].ToLowerInvariant();
                json = Signer.DiagnoseSign("wechatpay.request", Form(signed), key, "form", null, (string)null);
                Assert.AreEqual("hex_case", Report(json)["cause"], json);
            }
        }

        [Test]
        public void UndecodableBodyIsReportedNotThrown()
        {
            using (Key key = Key.Secret("k"))
            {
                var r = Report(Signer.Diagnose("wechatpay.notify", Encoding.UTF8.GetBytes("<xml><a>1</b></xml>"), key, "xml"));
                Assert.AreEqual("error", r["verdict"]);
                Assert.AreEqual("PAYSIGN_MALFORMED_INPUT", r["status"]);
            }
        }

        [Test]
        public void BadArgumentsThrow()
        {
            byte[] body = Encoding.ASCII.GetBytes("a=1");
            using (Key key = Key.Secret("k"))
            {
                StringAssert.Contains("no.such.profile",
                    Throws(Status.UnknownProfile, () => Signer.Diagnose("no.such.profile", body, key)).Message);
                Throws(Status.InvalidArgument, () => Signer.Diagnose("wechatpay.notify", body, key, options: "colour=red"));
                Throws(Status.InvalidArgument, () => Signer.DiagnoseSign("wechatpay.notify", body, key, "yaml"));
                Throws(Status.InvalidArgument, () => Signer.Diagnose("wechatpay.notify", body, key, "form", "latin-42"));
                Throws(Status.NullArgument, () => Signer.Diagnose(null, body, key));
                var e = Assert.Throws<ArgumentException>(() => Signer.Diagnose("wechatpay.notify\0", body, key));
                Assert.AreEqual("profile", e.ParamName);
                // a null body: an argument error or an error report, never a crash
                try
                {
                    Assert.IsNotNull(Signer.Diagnose("wechatpay.notify", null, key));
                }
                catch (PaySignException ex)
                {
                    Assert.AreEqual(Status.NullArgument, ex.Status);
                }
            }
            Key disposed = Key.Secret("k");
            disposed.Dispose();
            Assert.Throws<ObjectDisposedException>(() => Signer.Diagnose("wechatpay.notify", body, disposed));
        }

        // ---- built-in keys ----

        [Test]
        public void BuiltinKeysListsTheGateways()
        {
            string[] names = Signer.BuiltinKeys();
            CollectionAssert.Contains(names, "allinpay.gateway");
            CollectionAssert.Contains(names, "99bill.production");
            foreach (string name in names)
            {
                Assert.That(name, Is.Not.Empty.And.Not.Contains("\n"));
                using (Key k = Key.Builtin(name))
                    Assert.IsFalse(k.IsInvalid);
            }
        }

        [Test]
        public void Builtin99billProductionRejectsAJunkBody()
        {
            string junk = "merchantAcctId=1001214035601&version=v2.0&language=1&signType=4&payType=00"
                + "&orderId=1&orderTime=20190220134835&orderAmount=1&dealId=1&dealTime=20190220134835&payAmount=1&payResult=10"
                + "&signMsg=" + Uri.EscapeDataString(Convert.ToBase64String(Enumerable.Repeat((byte)0x5a, 256).ToArray()));
            byte[] body = Encoding.ASCII.GetBytes(junk);
            using (Key k = Key.Builtin("99bill.production"))
            {
                try
                {
                    Assert.IsFalse(Signer.VerifyBody("99bill.pay.notify", body, k, "form", null, "hash=sha256"));
                }
                catch (PaySignException e)
                {
                    Assert.That(e.Code, Is.GreaterThan(1).And.LessThan(99), e.ToString());
                    Assert.That(e.Message, Is.Not.Empty);
                }
                var r = Report(Signer.Diagnose("99bill.pay.notify", body, k, "form", null, "hash=sha256"));
                Assert.AreNotEqual("valid", r["verdict"]);
                Assert.AreEqual("99bill.production", Obj(r, "key")["builtin"]);
            }
        }

        [Test]
        public void UnknownBuiltinIs11AndListsTheNames()
        {
            PaySignException e = Throws(Status.InvalidArgument, () => Key.Builtin("no.such.gateway"));
            Assert.AreEqual(11, e.Code);
            StringAssert.Contains("no.such.gateway", e.Message);
            StringAssert.Contains("allinpay.gateway", e.Message);
            Throws(Status.InvalidArgument, () => Key.Builtin(""));
            Throws(Status.NullArgument, () => Key.Builtin(null));
            Assert.Throws<ArgumentException>(() => Key.Builtin("99bill.production\0"));
        }

        // ---- Alipay notify_verify ----

        [Test]
        public void AlipayNotifyVerifyUrl()
        {
            Assert.AreEqual(
                "https://mapi.alipay.com/gateway.do?service=notify_verify&partner=2088101122136241&notify_id=ab%2Bc",
                Signer.AlipayNotifyVerifyUrl("2088101122136241", "ab+c"));
            Assert.Throws<ArgumentException>(() => Signer.AlipayNotifyVerifyUrl("2088101122136241", "a\0b"));
        }
    }
}
