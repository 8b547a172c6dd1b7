// The wrapper's own behaviour: error mapping, robustness, buffers, keys, ParamList.
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using NUnit.Framework;
using PaySign;

namespace PaySign.Tests
{
    [TestFixture]
    public class ApiTests
    {
        // 99bill-md5-request-midpay from testdata/vectors/99bill.json
        private static ParamList MidpayRequest()
        {
            return new ParamList
            {
                { "inputCharset", "1" },
                { "pageUrl", "http://example.org/midpay/kuaiqian/callback" },
                { "version", "v2.0" },
                { "language", "1" },
                { "signType", "1" },
                { "merchantAcctId", "APPKEY" },
                { "orderId", "123456" },
                { "orderAmount", "1" },
                { "orderTime", "20130710154023" },
                { "productName", "product name" },
                { "productNum", "1" },
                { "productDesc", "product desc" },
                { "payType", "00" },
                { "redoFlag", "0" },
            };
        }

        private const string MidpaySignature = "B161C0227172E3529EB10B193CE79F62";

        private static string KeyFile(string name)
        {
            return Path.Combine(VectorTests.VectorDir, "keys", name);
        }

        private static PaySignException Throws(Status expected, TestDelegate code)
        {
            PaySignException e = Assert.Throws<PaySignException>(code);
            Assert.AreEqual(expected, e.Status, e.Message);
            Assert.AreEqual((int)expected, e.Code);
            Assert.That(e.Message, Is.Not.Null.And.Not.Empty);
            return e;
        }

        /// <summary>Either returns or throws one of the wrapper's exception types; never anything else.</summary>
        private static void NoCrash(TestDelegate code)
        {
            try
            {
                code();
            }
            catch (PaySignException)
            {
            }
            catch (ArgumentException)
            {
            }
        }

        // ---- basics ----

        [Test]
        public void VersionIsNotEmpty()
        {
            Assert.That(Signer.Version(), Is.Not.Null.And.Not.Empty);
        }

        [Test]
        public void StatusNumbersMatchTheCAbi()
        {
            Assert.AreEqual(0, (int)Status.Ok);
            Assert.AreEqual(1, (int)Status.BadSignature);
            Assert.AreEqual(10, (int)Status.NullArgument);
            Assert.AreEqual(11, (int)Status.InvalidArgument);
            Assert.AreEqual(12, (int)Status.UnknownProfile);
            Assert.AreEqual(13, (int)Status.MissingField);
            Assert.AreEqual(14, (int)Status.InvalidField);
            Assert.AreEqual(15, (int)Status.DuplicateField);
            Assert.AreEqual(16, (int)Status.MalformedInput);
            Assert.AreEqual(17, (int)Status.CharsetError);
            Assert.AreEqual(20, (int)Status.KeyError);
            Assert.AreEqual(21, (int)Status.KeyMismatch);
            Assert.AreEqual(22, (int)Status.Unsupported);
            Assert.AreEqual(30, (int)Status.BufferTooSmall);
            Assert.AreEqual(31, (int)Status.IoError);
            Assert.AreEqual(99, (int)Status.Panic);
            Assert.AreEqual(18, (int)Status.StaleTimestamp);
            Assert.AreEqual(23, (int)Status.DecryptError);
        }

        [Test]
        public void Reply99billSuccess()
        {
            Assert.AreEqual("<result>1</result><redirecturl>http://m/ok</redirecturl>",
                Signer.Reply("99bill.pay.notify", true, "http://m/ok"));
        }

        [Test]
        public void ReplyWechatSuccess()
        {
            Assert.AreEqual("<xml><return_code><![CDATA[SUCCESS]]></return_code><return_msg><![CDATA[OK]]></return_msg></xml>",
                Signer.Reply("wechatpay.notify", true, null));
            Assert.AreEqual(Signer.Reply("wechatpay.notify", true, null), Signer.Reply("wechatpay.notify", true));
        }

        [Test]
        public void ReplyLongerThanTheFirstBuffer()
        {
            string url = "http://m/ok?x=" + new string('u', 3000);
            string reply = Signer.Reply("99bill.pay.notify", true, url);
            Assert.AreEqual("<result>1</result><redirecturl>" + url + "</redirecturl>", reply);
        }

        // ---- sign / verify through the wrapper's input forms ----

        [Test]
        public void SignWithParamListDictionaryAndPairs()
        {
            using (Key key = Key.Secret("APPSECRET"))
            {
                Assert.AreEqual(MidpaySignature, Signer.Sign("99bill.pay.request", MidpayRequest(), key));

                var dict = new Dictionary<string, string>();
                foreach (var kv in MidpayRequest())
                    dict.Add(kv.Key, kv.Value);
                Assert.AreEqual(MidpaySignature, Signer.Sign("99bill.pay.request", dict, key));

                var pairs = new List<KeyValuePair<string, string>>(MidpayRequest());
                pairs.Reverse();
                Assert.AreEqual(MidpaySignature, Signer.Sign("99bill.pay.request", pairs, key, ""));
            }
        }

        [Test]
        public void SignParamsSetsTheSignatureField()
        {
            using (Key key = Key.Secret("APPSECRET"))
            {
                ParamList input = MidpayRequest();
                ParamList signed = Signer.SignParams("99bill.pay.request", input, key);
                Assert.AreEqual(input.Count + 1, signed.Count);
                for (int i = 0; i < input.Count; i++)
                    Assert.AreEqual(input[i], signed[i]);
                Assert.AreEqual("signMsg", signed[signed.Count - 1].Key);
                Assert.AreEqual(MidpaySignature, signed["signMsg"]);
                Assert.AreEqual(input.Count, MidpayRequest().Count, "input is not modified");

                // An existing signature field is replaced in place.
                ParamList again = new ParamList(input);
                again.Insert(3, new KeyValuePair<string, string>("signMsg", "old"));
                ParamList resigned = Signer.SignParams("99bill.pay.request", again, key);
                Assert.AreEqual(again.Count, resigned.Count);
                Assert.AreEqual(new KeyValuePair<string, string>("signMsg", MidpaySignature), resigned[3]);

                Assert.IsTrue(Signer.Verify("99bill.pay.request", signed, key));
                signed["orderAmount"] = "2";
                Assert.IsFalse(Signer.Verify("99bill.pay.request", signed, key));
            }
        }

        [Test]
        public void SignParamsReadsEveryFieldBackWhole()
        {
            // Chinese text, an empty value, and a list longer than the first 1024-byte buffer
            // (the read-back is one paysign_params_get_all call, retried once with the size).
            using (Key key = Key.Secret("APPSECRET"))
            {
                ParamList input = MidpayRequest();
                input["productName"] = "测试商品 ½";
                input["ext1"] = "";
                for (int i = 0; i < 40; i++)
                    input.Add("extra" + i, new string((char)('a' + i % 26), 30));
                ParamList signed = Signer.SignParams("99bill.pay.request", input, key);
                Assert.AreEqual(input.Count + 1, signed.Count);
                for (int i = 0; i < input.Count; i++)
                    Assert.AreEqual(input[i], signed[i]);
                Assert.AreEqual("测试商品 ½", signed["productName"]);
                Assert.AreEqual("", signed["ext1"]);
                Assert.AreEqual("signMsg", signed[signed.Count - 1].Key);
            }
        }

        [Test]
        public void OptionsAsDictionary()
        {
            var p = new ParamList
            {
                { "appid", "wxd930ea5d5a258f4f" },
                { "mch_id", "10000100" },
                { "device_info", "1000" },
                { "body", "test" },
                { "nonce_str", "ibuaiVcKdpRxkhJA" },
            };
            using (Key key = Key.Secret("192006250b4c09247ec02edce69f6a2d"))
            {
                string viaString = Signer.Sign("wechatpay.request", p, key, "sign_type=HMAC-SHA256");
                string viaDict = Signer.Sign("wechatpay.request", p, key,
                    new Dictionary<string, string> { { "sign_type", "HMAC-SHA256" } });
                Assert.AreEqual(viaString, viaDict);
                Assert.AreEqual(Signer.SignString("wechatpay.request", p, key, "sign_type=HMAC-SHA256"),
                    Signer.SignString("wechatpay.request", p, key, new Dictionary<string, string> { { "sign_type", "HMAC-SHA256" } }));
                Assert.AreNotEqual(viaString, Signer.Sign("wechatpay.request", p, key, "sign_type=MD5"));
            }
        }

        [Test]
        public void SignStringLongerThanTheFirstBuffer()
        {
            ParamList p = MidpayRequest();
            string longName = new string('x', 5000);
            p["productName"] = longName;
            using (Key key = Key.Secret("APPSECRET"))
            {
                string s = Signer.SignString("99bill.pay.request", p, key);
                StringAssert.Contains("productName=" + longName + "&", s);
                StringAssert.EndsWith("&key=APPSECRET", s);
                string sig = Signer.Sign("99bill.pay.request", p, key);
                Assert.AreEqual(32, sig.Length);
            }
        }

        [Test]
        public void RsaSignatureLongerThanNothingAndStable()
        {
            using (Key key = Key.FromFile(KeyFile("99bill_10012140356.pfx"), "123456"))
            using (Key cert = Key.FromFile(KeyFile("99bill_10012140356_cert.pem")))
            {
                ParamList p = MidpayRequest();
                p["signType"] = "4";
                ParamList signed = Signer.SignParams("99bill.pay.request", p, key, "hash=sha256");
                Assert.That(signed["signMsg"].Length, Is.GreaterThan(100));
                Assert.IsTrue(Signer.Verify("99bill.pay.request", signed, cert, "hash=sha256"));
                Assert.IsFalse(Signer.Verify("99bill.pay.request", signed, cert, "hash=sha1"));
            }
        }

        [Test]
        public void KeyLoadFromBytesMatchesFromFile()
        {
            byte[] pfx = File.ReadAllBytes(KeyFile("99bill_10012140356.pfx"));
            ParamList p = MidpayRequest();
            p["signType"] = "4";
            using (Key a = Key.Load(pfx, "123456"))
            using (Key b = Key.FromFile(KeyFile("99bill_10012140356.pfx"), "123456"))
            {
                Assert.AreEqual(Signer.Sign("99bill.pay.request", p, a, "hash=sha1"),
                    Signer.Sign("99bill.pay.request", p, b, "hash=sha1"));
            }
        }

        [Test]
        public void VerifyBodyReturnsFieldsInOrder()
        {
            string xml = "<xml><appid><![CDATA[wxd930ea5d5a258f4f]]></appid><attach><![CDATA[支付测试]]></attach><bank_type><![CDATA[CFT]]></bank_type><cash_fee>1</cash_fee><fee_type><![CDATA[CNY]]></fee_type><is_subscribe><![CDATA[Y]]></is_subscribe><mch_id><![CDATA[10000100]]></mch_id><nonce_str><![CDATA[5d2b6c2a8db53831f7eda20af46e531c]]></nonce_str><openid><![CDATA[oUpF8uMEb4qRXf22hE3X68TekukE]]></openid><out_trade_no><![CDATA[1409811653]]></out_trade_no><result_code><![CDATA[SUCCESS]]></result_code><return_code><![CDATA[SUCCESS]]></return_code><time_end><![CDATA[20140903131540]]></time_end><total_fee>1</total_fee><trade_type><![CDATA[APP]]></trade_type><transaction_id><![CDATA[1004400740201409030005092168]]></transaction_id><sign><![CDATA[2D1C89F879FCFD49C10EE5F076D204B3]]></sign></xml>";
            using (Key key = Key.Secret("192006250b4c09247ec02edce69f6a2d"))
            {
                ParamList f;
                Assert.IsTrue(Signer.VerifyBody("wechatpay.notify", Encoding.UTF8.GetBytes(xml), key, out f, "xml"));
                Assert.AreEqual(17, f.Count);
                Assert.AreEqual("appid", f[0].Key);
                Assert.AreEqual("支付测试", f["attach"]);
                Assert.AreEqual("1", f["total_fee"]);
                Assert.AreEqual("2D1C89F879FCFD49C10EE5F076D204B3", f["sign"]);
                Assert.IsTrue(Signer.VerifyBody("wechatpay.notify", Encoding.UTF8.GetBytes(xml), key, "xml"));
                Assert.IsTrue(Signer.VerifyBody("wechatpay.notify", Encoding.UTF8.GetBytes(xml), key, "xml", null,
                    new Dictionary<string, string>()));

                byte[] tampered = Encoding.UTF8.GetBytes(xml.Replace("<total_fee>1<", "<total_fee>2<"));
                Assert.IsFalse(Signer.VerifyBody("wechatpay.notify", tampered, key, out f, "xml"));
                Assert.IsNull(f);
            }
        }

        [Test]
        public void KeysMayBeSharedAcrossThreads()
        {
            using (Key key = Key.Secret("APPSECRET"))
            {
                int failures = 0;
                Thread[] threads = new Thread[8];
                for (int t = 0; t < threads.Length; t++)
                {
                    threads[t] = new Thread(() =>
                    {
                        for (int i = 0; i < 200; i++)
                        {
                            if (Signer.Sign("99bill.pay.request", MidpayRequest(), key) != MidpaySignature)
                                Interlocked.Increment(ref failures);
                            try
                            {
                                Signer.Sign("no.such.profile." + i, MidpayRequest(), key);
                                Interlocked.Increment(ref failures);
                            }
                            catch (PaySignException e)
                            {
                                // the last error is per thread
                                if (e.Status != Status.UnknownProfile || !e.Message.Contains("no.such.profile." + i))
                                    Interlocked.Increment(ref failures);
                            }
                        }
                    });
                    threads[t].Start();
                }
                foreach (Thread th in threads)
                    th.Join();
                Assert.AreEqual(0, failures);
            }
        }

        // ---- error mapping ----

        [Test]
        public void UnknownProfileIs12AndNamesTheProfile()
        {
            using (Key key = Key.Secret("APPSECRET"))
            {
                PaySignException e = Throws(Status.UnknownProfile,
                    () => Signer.Sign("nosuch.gateway.request", MidpayRequest(), key));
                StringAssert.Contains("nosuch.gateway.request", e.Message);
                e = Throws(Status.UnknownProfile, () => Signer.Verify("nosuch.gateway.notify", MidpayRequest(), key));
                StringAssert.Contains("nosuch.gateway.notify", e.Message);
                Throws(Status.UnknownProfile, () => Signer.Reply("nosuch.gateway.notify", true));
            }
        }

        [Test]
        public void JunkKeyIs20()
        {
            Throws(Status.KeyError, () => Key.Load(Encoding.ASCII.GetBytes("-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n")));
            Throws(Status.KeyError, () => Key.Load(new byte[] { 0x30, 0x82, 0x01, 0x02, 0x03, 0xff, 0x00 }, "x"));
        }

        [Test]
        public void WrongPfxPasswordIs20()
        {
            Throws(Status.KeyError, () => Key.FromFile(KeyFile("99bill_10012140356.pfx"), "wrong"));
        }

        [Test]
        public void MissingKeyFileIs31()
        {
            Throws(Status.IoError, () => Key.FromFile(KeyFile("does-not-exist.pem")));
        }

        [Test]
        public void SecretUsedForRsaIs21()
        {
            ParamList p = MidpayRequest();
            p["signType"] = "4";
            using (Key key = Key.Secret("APPSECRET"))
                Throws(Status.KeyMismatch, () => Signer.Sign("99bill.pay.request", p, key));
        }

        [Test]
        public void BadPercentEncodingIs16()
        {
            using (Key key = Key.Secret("k"))
                Throws(Status.MalformedInput, () => Signer.VerifyBody("wechatpay.notify",
                    Encoding.ASCII.GetBytes("appid=%zz&sign=ABC"), key));
        }

        [Test]
        public void DuplicateFieldInBodyIs15()
        {
            using (Key key = Key.Secret("k"))
                Throws(Status.DuplicateField, () => Signer.VerifyBody("wechatpay.notify",
                    Encoding.ASCII.GetBytes("a=1&a=2"), key, "form"));
        }

        [Test]
        public void LargeBodyIs16()
        {
            byte[] body = new byte[2 * 1024 * 1024];
            for (int i = 0; i < body.Length; i++)
                body[i] = (byte)'a';
            body[1] = (byte)'=';
            using (Key key = Key.Secret("k"))
                Throws(Status.MalformedInput, () => Signer.VerifyBody("wechatpay.notify", body, key));
        }

        [Test]
        public void UnknownOptionIs11()
        {
            using (Key key = Key.Secret("APPSECRET"))
                Throws(Status.InvalidArgument, () => Signer.Sign("99bill.pay.request", MidpayRequest(), key, "nosuchoption=1"));
        }

        [Test]
        public void UnknownFormatIs11()
        {
            using (Key key = Key.Secret("k"))
                Throws(Status.InvalidArgument, () => Signer.VerifyBody("wechatpay.notify", Encoding.ASCII.GetBytes("a=1"), key, "yaml"));
        }

        // ---- embedded NUL / bad strings ----

        [Test]
        public void EmbeddedNulIsArgumentExceptionNamingTheParameter()
        {
            using (Key key = Key.Secret("APPSECRET"))
            {
                Assert.AreEqual("profile", Assert.Throws<ArgumentException>(
                    () => Signer.Sign("99bill.pay.request\0x", MidpayRequest(), key)).ParamName);
                Assert.AreEqual("options", Assert.Throws<ArgumentException>(
                    () => Signer.Sign("99bill.pay.request", MidpayRequest(), key, "hash=sha1\0")).ParamName);
                ParamList p = MidpayRequest();
                p["orderId"] = "12\03456";
                ArgumentException e = Assert.Throws<ArgumentException>(() => Signer.Sign("99bill.pay.request", p, key));
                Assert.AreEqual("parameters", e.ParamName);
                StringAssert.Contains("orderId", e.Message);
                p = MidpayRequest();
                p.Add("bad\0name", "1");
                Assert.AreEqual("parameters", Assert.Throws<ArgumentException>(
                    () => Signer.Verify("99bill.pay.request", p, key)).ParamName);
                Assert.AreEqual("format", Assert.Throws<ArgumentException>(
                    () => Signer.VerifyBody("wechatpay.notify", new byte[] { 0x61 }, key, "form\0")).ParamName);
                Assert.AreEqual("charset", Assert.Throws<ArgumentException>(
                    () => Signer.VerifyBody("wechatpay.notify", new byte[] { 0x61 }, key, "form", "utf-8\0")).ParamName);
                Assert.AreEqual("redirectUrl", Assert.Throws<ArgumentException>(
                    () => Signer.Reply("99bill.pay.notify", true, "http://m/\0")).ParamName);
            }
            Assert.AreEqual("secret", Assert.Throws<ArgumentException>(() => Key.Secret("a\0b")).ParamName);
            Assert.AreEqual("path", Assert.Throws<ArgumentException>(() => Key.FromFile("/tmp/x\0.pem", null)).ParamName);
            Assert.AreEqual("password", Assert.Throws<ArgumentException>(
                () => Key.Load(new byte[] { 1 }, "pw\0")).ParamName);
        }

        [Test]
        public void UnpairedSurrogateIsArgumentException()
        {
            Assert.AreEqual("secret", Assert.Throws<ArgumentException>(() => Key.Secret("a\uD800b")).ParamName);
        }

        // ---- null / empty inputs ----

        [Test]
        public void NullInputsThrowAndNeverCrash()
        {
            using (Key key = Key.Secret("APPSECRET"))
            {
                Throws(Status.NullArgument, () => Signer.Sign(null, MidpayRequest(), key));
                Throws(Status.NullArgument, () => Signer.Sign("99bill.pay.request", null, key));
                Throws(Status.NullArgument, () => Signer.SignString(null, MidpayRequest(), key));
                Throws(Status.NullArgument, () => Signer.SignParams("99bill.pay.request", null, key));
                Throws(Status.NullArgument, () => Signer.Verify(null, MidpayRequest(), key));
                Throws(Status.NullArgument, () => Signer.Verify("99bill.pay.notify", null, key));
                Throws(Status.NullArgument, () => Signer.VerifyBody(null, new byte[] { 0x61 }, key));
                // a NULL body with length 0 is an empty body to the core
                Assert.Throws<PaySignException>(() => Signer.VerifyBody("wechatpay.notify", null, key));
                Throws(Status.NullArgument, () => Signer.Reply(null, true));
                NoCrash(() => Signer.VerifyBody("wechatpay.notify", new byte[] { 0x61 }, key, null, null));
                ParamList p = MidpayRequest();
                p.Add("nullvalue", null);
                NoCrash(() => Signer.Sign("99bill.pay.request", p, key));
                p = MidpayRequest();
                p.Add(null, "x");
                NoCrash(() => Signer.Sign("99bill.pay.request", p, key));
            }
            Throws(Status.NullArgument, () => Key.Secret(null));
            Assert.Throws<PaySignException>(() => Key.Load(null, null));
            Throws(Status.NullArgument, () => Key.FromFile(null, null));
            // a NULL key where the profile needs a secret
            var wx = new ParamList { { "appid", "a" }, { "mch_id", "1" }, { "nonce_str", "n" } };
            Throws(Status.NullArgument, () => Signer.Sign("wechatpay.request", wx, null, "sign_type=MD5"));
            Throws(Status.NullArgument, () => Signer.SignString("wechatpay.request", wx, null, "sign_type=MD5"));
            wx.Add("sign", "0123456789ABCDEF0123456789ABCDEF");
            Throws(Status.NullArgument, () => Signer.Verify("wechatpay.request", wx, null, "sign_type=MD5"));
            NoCrash(() => Signer.Sign("99bill.pay.request", MidpayRequest(), null));
            NoCrash(() => Signer.VerifyBody("wechatpay.notify", Encoding.ASCII.GetBytes("a=1&sign=X"), null));
        }

        [Test]
        public void EmptyInputsThrowAndNeverCrash()
        {
            using (Key key = Key.Secret("APPSECRET"))
            {
                Throws(Status.UnknownProfile, () => Signer.Sign("", MidpayRequest(), key));
                NoCrash(() => Signer.Sign("99bill.pay.request", new ParamList(), key));
                NoCrash(() => Signer.SignString("99bill.pay.request", new ParamList(), key));
                Assert.IsFalse(SafeVerify(() => Signer.Verify("99bill.pay.notify", new ParamList(), key)));
                Assert.IsFalse(SafeVerify(() => Signer.VerifyBody("99bill.pay.notify", new byte[0], key)));
                Assert.IsFalse(SafeVerify(() => Signer.VerifyBody("wechatpay.notify", new byte[0], key, "xml")));
                Assert.IsFalse(SafeVerify(() => Signer.VerifyBody("wechatpay.notify", new byte[0], key, "json")));
                NoCrash(() => Signer.Reply("99bill.pay.notify", false, ""));
                NoCrash(() => Signer.Reply("99bill.pay.notify", true, null));
            }
            Throws(Status.KeyError, () => Key.Secret(""));
            Throws(Status.KeyError, () => Key.Load(new byte[0]));
            Throws(Status.IoError, () => Key.FromFile("", null));
        }

        private static bool SafeVerify(Func<bool> f)
        {
            try
            {
                return f();
            }
            catch (PaySignException)
            {
                return false;
            }
        }

        // ---- key lifetime ----

        [Test]
        public void KeyDisposeTwiceIsHarmless()
        {
            Key key = Key.Secret("APPSECRET");
            Assert.IsFalse(key.IsClosed);
            key.Dispose();
            key.Dispose();
            key.Close();
            Assert.IsTrue(key.IsClosed);
        }

        [Test]
        public void UsingADisposedKeyThrowsObjectDisposedException()
        {
            Key key = Key.Secret("APPSECRET");
            key.Dispose();
            Assert.Throws<ObjectDisposedException>(() => Signer.Sign("99bill.pay.request", MidpayRequest(), key));
            Assert.Throws<ObjectDisposedException>(() => Signer.SignString("99bill.pay.request", MidpayRequest(), key));
            Assert.Throws<ObjectDisposedException>(() => Signer.Verify("99bill.pay.request", MidpayRequest(), key));
            Assert.Throws<ObjectDisposedException>(() => Signer.VerifyBody("wechatpay.notify", new byte[] { 0x61 }, key));

            Key rsa = Key.FromFile(KeyFile("99bill_10012140356.pfx"), "123456");
            rsa.Dispose();
            Assert.Throws<ObjectDisposedException>(() => Signer.SignParams("99bill.pay.request", MidpayRequest(), rsa));
        }

        [Test]
        public void ManyKeysAreFreedByTheFinalizer()
        {
            for (int i = 0; i < 2000; i++)
                Key.Secret("s" + i);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            Assert.Pass();
        }

        // ---- ParamList ----

        [Test]
        public void ParamListLookup()
        {
            var p = new ParamList { { "a", "1" }, { "b", "2" }, { "a", "3" } };
            Assert.AreEqual("3", p["a"]);
            Assert.IsNull(p["missing"]);
            Assert.IsTrue(p.ContainsName("b"));
            Assert.IsFalse(p.ContainsName("B"));
            string v;
            Assert.IsTrue(p.TryGetValue("b", out v));
            Assert.AreEqual("2", v);
            Assert.IsFalse(p.TryGetValue("c", out v));
            p["a"] = "4";
            p["c"] = "5";
            Assert.AreEqual(4, p.Count);
            Assert.AreEqual("1", p[0].Value);
            Assert.AreEqual("4", p[2].Value);
            Assert.AreEqual(new KeyValuePair<string, string>("c", "5"), p[3]);
        }
    }
}
