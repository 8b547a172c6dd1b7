// Field lists cross to the core as one packed buffer (Native.BuildParams ->
// paysign_params_set_all): every shape of list, empty lists and values, non-ASCII, refused
// strings, many fields, values far beyond the first buffer.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using NUnit.Framework;
using PaySign;

namespace PaySign.Tests
{
    [TestFixture]
    public class PackedParamsTests
    {
        // 31 fields with Chinese values and empty ones; 14 ASCII fields.
        private const string RsaCase = "99bill-rsa-sha256-request-10012140356-pem";
        private const string Md5Case = "99bill-md5-request-midpay";
        private const string WxSecret = "192006250b4c09247ec02edce69f6a2d";
        private const string WxOptions = "sign_type=MD5";

        // Every way a merchant hands over fields: ParamList, List, array, Dictionary, a lazy
        // sequence (the last three are enumerated, the first two walked by index).
        private static IEnumerable<KeyValuePair<string, string>>[] Shapes(ParamList p)
        {
            return new IEnumerable<KeyValuePair<string, string>>[]
            {
                new ParamList(p),
                new List<KeyValuePair<string, string>>(p),
                p.ToArray(),
                p.ToDictionary(kv => kv.Key, kv => kv.Value),
                p.Select(kv => kv),
            };
        }

        private static void SignsAsTheVector(string id)
        {
            Dictionary<string, object> c = VectorTests.ById(id).Data;
            string options = VectorTests.Str(c, "options");
            ParamList p = VectorTests.Params(c["params"]);
            using (Key key = VectorTests.MakeKey((Dictionary<string, object>)c["key"], ref options))
            {
                foreach (var shape in Shapes(p))
                {
                    string what = shape.GetType().Name;
                    Assert.AreEqual(VectorTests.Str(c, "expect_signature"), Signer.Sign((string)c["profile"], shape, key, options), what);
                    Assert.AreEqual(VectorTests.Str(c, "expect_sign_string"), Signer.SignString((string)c["profile"], shape, key, options), what);
                }
            }
        }

        [Test]
        public void NonAsciiAndEmptyValuesSignAsTheSharedVectorInEveryListShape()
        {
            SignsAsTheVector(RsaCase);
        }

        [Test]
        public void AsciiRequestSignsAsTheSharedVectorInEveryListShape()
        {
            SignsAsTheVector(Md5Case);
        }

        // The WeChat Pay MD5 rule, written out for the expected values: non-empty fields sorted
        // by name, "name=value" joined by "&", then "&key=SECRET", MD5, upper-case hex.
        private static string Md5Hex(string text)
        {
            using (MD5 md5 = MD5.Create())
            {
                byte[] d = md5.ComputeHash(Encoding.UTF8.GetBytes(text));
                return BitConverter.ToString(d).Replace("-", "");
            }
        }

        [Test]
        public void EmptyListAndEmptyValues()
        {
            using (Key key = Key.Secret(WxSecret))
            {
                Assert.AreEqual("key=" + WxSecret, Signer.SignString("wechatpay.request", new ParamList(), key, WxOptions));
                Assert.AreEqual(Md5Hex("key=" + WxSecret), Signer.Sign("wechatpay.request", new ParamList(), key, WxOptions));
                Assert.AreEqual(Md5Hex("key=" + WxSecret),
                    Signer.Sign("wechatpay.request", Enumerable.Empty<KeyValuePair<string, string>>(), key, WxOptions));
                ParamList signed = Signer.SignParams("wechatpay.request", new ParamList(), key, WxOptions);
                Assert.AreEqual(1, signed.Count);
                Assert.AreEqual(Md5Hex("key=" + WxSecret), signed["sign"]);

                // Empty values cross (and come back) as empty strings; the rule skips them.
                var p = new ParamList { { "a", "" }, { "b", "2" }, { "c", "" } };
                Assert.AreEqual("b=2&key=" + WxSecret, Signer.SignString("wechatpay.request", p, key, WxOptions));
                signed = Signer.SignParams("wechatpay.request", p, key, WxOptions);
                CollectionAssert.AreEqual(new[] { "a", "b", "c", "sign" }, signed.Select(kv => kv.Key));
                CollectionAssert.AreEqual(new[] { "", "2", "", Md5Hex("b=2&key=" + WxSecret) }, signed.Select(kv => kv.Value));
            }
        }

        [Test]
        public void NonAsciiNamesAndValuesRoundTrip()
        {
            // BMP (CJK), a surrogate pair (U+1F600), Latin-1, and ASCII after non-ASCII.
            var p = new ParamList { { "body", "订单 \U0001F600 café x" }, { "名称", "值" }, { "z", "ascii" } };
            using (Key key = Key.Secret(WxSecret))
            {
                string text = "body=订单 \U0001F600 café x&z=ascii&名称=值&key=" + WxSecret;
                Assert.AreEqual(text, Signer.SignString("wechatpay.request", p, key, WxOptions));
                Assert.AreEqual(Md5Hex(text), Signer.Sign("wechatpay.request", p, key, WxOptions));
                ParamList signed = Signer.SignParams("wechatpay.request", p, key, WxOptions);
                CollectionAssert.AreEqual(p, signed.Take(3));
            }
        }

        [Test]
        public void RepeatedNameKeepsTheLaterValueInPlace()
        {
            var p = new ParamList { { "a", "1" }, { "b", "2" }, { "a", "3" } };
            using (Key key = Key.Secret(WxSecret))
            {
                ParamList signed = Signer.SignParams("wechatpay.request", p, key, WxOptions);
                CollectionAssert.AreEqual(new[] { "a", "b", "sign" }, signed.Select(kv => kv.Key));
                Assert.AreEqual("3", signed["a"]);
                Assert.AreEqual(Md5Hex("a=3&b=2&key=" + WxSecret), signed["sign"]);
            }
        }

        [Test]
        public void RefusedFieldsNameTheFieldAndLeaveTheNextCallClean()
        {
            using (Key key = Key.Secret(WxSecret))
            {
                var cases = new[]
                {
                    new { Name = "orderId", Value = "12\u00003456", Why = "embedded NUL" },
                    new { Name = "payerName", Value = "张三\u0000", Why = "embedded NUL" },   // NUL after non-ASCII
                    new { Name = "productDesc", Value = "x\uD800y", Why = "unpaired surrogate" },
                    new { Name = "productDesc", Value = "张\uDC00", Why = "unpaired surrogate" },
                };
                foreach (var c in cases)
                {
                    // A long valid field first, so the refusal comes part-way into the buffer.
                    var p = new ParamList { { "long", new string('a', 5000) }, { c.Name, c.Value } };
                    ArgumentException e = Assert.Throws<ArgumentException>(() => Signer.Sign("wechatpay.request", p, key, WxOptions));
                    Assert.AreEqual("parameters", e.ParamName);
                    StringAssert.Contains("the value of parameter '" + c.Name + "'", e.Message);
                    StringAssert.Contains(c.Why, e.Message);
                    Assert.AreEqual(Md5Hex("b=2&key=" + WxSecret),
                        Signer.Sign("wechatpay.request", new ParamList { { "b", "2" } }, key, WxOptions));
                }
                foreach (string name in new[] { "bad\u0000name", "bad\uD800" })
                {
                    var p = new ParamList { { "a", "1" }, { name, "1" } };
                    ArgumentException e = Assert.Throws<ArgumentException>(() => Signer.Verify("wechatpay.request", p, key, WxOptions));
                    Assert.AreEqual("parameters", e.ParamName);
                    StringAssert.StartsWith("a parameter name ", e.Message);
                }
                // No NUL can stand in for a missing string: null is the core's NULL_ARGUMENT.
                var nullValue = new ParamList { { "a", "1" }, { "orderId", null } };
                PaySignException ne = Assert.Throws<PaySignException>(() => Signer.Sign("wechatpay.request", nullValue, key, WxOptions));
                Assert.AreEqual(Status.NullArgument, ne.Status);
                StringAssert.Contains("'orderId'", ne.Message);
                // The core's own refusal of a pair (an empty name) names it and signs nothing.
                PaySignException ee = Assert.Throws<PaySignException>(
                    () => Signer.Sign("wechatpay.request", new ParamList { { "a", "1" }, { "", "x" } }, key, WxOptions));
                Assert.AreEqual(Status.InvalidArgument, ee.Status);
                StringAssert.Contains("empty", ee.Message);
            }
        }

        [Test]
        public void ManyFields()
        {
            var p = new ParamList();
            var text = new StringBuilder();
            for (int i = 0; i < 2000; i++)
            {
                string name = "f" + i.ToString("D4"), value = "v" + i + (i % 3 == 0 ? "值" : "");
                p.Add(name, value);
                text.Append(name).Append('=').Append(value).Append('&');
            }
            text.Append("key=").Append(WxSecret);
            using (Key key = Key.Secret(WxSecret))
            {
                Assert.AreEqual(text.ToString(), Signer.SignString("wechatpay.request", p, key, WxOptions));
                Assert.AreEqual(Md5Hex(text.ToString()), Signer.Sign("wechatpay.request", p, key, WxOptions));
                ParamList signed = Signer.SignParams("wechatpay.request", p, key, WxOptions);
                Assert.AreEqual(2001, signed.Count);
                CollectionAssert.AreEqual(p, signed.Take(2000));
            }
        }

        [Test]
        public void LargeValues()
        {
            // Beyond the first buffer, the spare buffer's limit and the first read-back buffer;
            // three UTF-8 widths (1, 3 and 4 bytes).
            string big = string.Concat(Enumerable.Repeat("abc订单\U0001F600", 40000));
            var p = new ParamList { { "a", "1" }, { "big", big }, { "c", new string('c', 3000) } };
            string text = "a=1&big=" + big + "&c=" + new string('c', 3000) + "&key=" + WxSecret;
            using (Key key = Key.Secret(WxSecret))
            {
                for (int round = 0; round < 2; round++)
                {
                    Assert.AreEqual(Md5Hex(text), Signer.Sign("wechatpay.request", p, key, WxOptions));
                    Assert.AreEqual(text, Signer.SignString("wechatpay.request", p, key, WxOptions));
                    ParamList signed = Signer.SignParams("wechatpay.request", p, key, WxOptions);
                    Assert.AreEqual(big, signed["big"]);
                    Assert.AreEqual(Md5Hex(text), signed["sign"]);
                }
                // Small requests after the large ones are unaffected.
                Assert.AreEqual(Md5Hex("a=1&key=" + WxSecret),
                    Signer.Sign("wechatpay.request", new ParamList { { "a", "1" } }, key, WxOptions));
            }
        }
    }
}
