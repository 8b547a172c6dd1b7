// Re-split (docs/security.md): join characters in echoed fields and the secret's marker.
using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using NUnit.Framework;
using PaySign;

namespace PaySign.Tests
{
    [TestFixture]
    public class ResplitTests
    {
        private static ParamList Request(string attach)
        {
            return new ParamList
            {
                { "appid", "wx1" },
                { "mch_id", "10000100" },
                { "nonce_str", "abc" },
                { "body", "test" },
                { "attach", attach },
            };
        }

        private static string Md5Upper(string s)
        {
            using (MD5 md5 = MD5.Create())
            {
                return BitConverter.ToString(md5.ComputeHash(Encoding.UTF8.GetBytes(s))).Replace("-", "");
            }
        }

        [Test]
        public void EchoedJoinCharacterIsInvalidFieldNamingTheField()
        {
            using (Key key = Key.Secret("K"))
            {
                PaySignException e = Assert.Throws<PaySignException>(() => Signer.Sign("wechatpay.request", Request("a&b=c"), key));
                Assert.AreEqual(Status.InvalidField, e.Status);
                StringAssert.Contains("field 'attach'", e.Message);
                StringAssert.Contains("'&'", e.Message);
                StringAssert.Contains("allow_join=1", e.Message);
            }
        }

        [Test]
        public void SecretMarkerAnywhereIsInvalidField()
        {
            var p = new ParamList { { "appid", "wx1" }, { "out_trade_no", "x&key=y" } };
            using (Key key = Key.Secret("K"))
            {
                PaySignException e = Assert.Throws<PaySignException>(() => Signer.Sign("wechatpay.request", p, key));
                Assert.AreEqual(Status.InvalidField, e.Status);
                StringAssert.Contains("field 'out_trade_no'", e.Message);
            }
        }

        [Test]
        public void AllowJoinSignsWeChatsOwnString()
        {
            using (Key key = Key.Secret("K"))
            {
                string sig = Signer.Sign("wechatpay.request", Request("a&b=c"), key, "allow_join=1");
                Assert.AreEqual(Md5Upper("appid=wx1&attach=a&b=c&body=test&mch_id=10000100&nonce_str=abc&key=K"), sig);
                Assert.AreEqual(sig, Signer.Sign("wechatpay.request", Request("a&b=c"), key,
                    new Dictionary<string, string> { { "allow_join", "1" } }));
            }
        }

        [Test]
        public void UrlInAFieldNotEchoedIsSignedAsItIs()
        {
            var p = new ParamList { { "appid", "wx1" }, { "notify_url", "http://m.example/n?a=1&b=2" } };
            using (Key key = Key.Secret("K"))
            {
                Assert.AreEqual(Md5Upper("appid=wx1&notify_url=http://m.example/n?a=1&b=2&key=K"),
                    Signer.Sign("wechatpay.request", p, key));
            }
        }
    }
}
