// WeChat Pay v2 refund notifications on testdata/wechatpay (SOURCES.md there), with wrong-key,
// cut-short and altered twins; and the JSAPI paySign profile.
using System;
using System.IO;
using System.Linq;
using System.Text;
using NUnit.Framework;
using PaySign;

namespace PaySign.Tests
{
    [TestFixture]
    public class WechatTests
    {
        private const string GopayKey = "ziR0QKsTUfMOuochC9RfCdmfHECorQAP";
        private const string OtherKey = "GFDS8j98rewnmgl45wHTt980jg543wmg";

        private static byte[] Read(string name)
        {
            return System.IO.File.ReadAllBytes(Path.Combine(VectorTests.VectorDir, "..", "wechatpay", name));
        }

        private static string ReqInfo()
        {
            return Encoding.UTF8.GetString(Read("gopay_req_info.txt")).Trim();
        }

        private static byte[] With(string reqInfo)
        {
            string body = Encoding.UTF8.GetString(Read("derived_refund_notify.xml"));
            return Encoding.UTF8.GetBytes(body.Replace(ReqInfo(), reqInfo));
        }

        private static Status StatusOf(byte[] body, Key key)
        {
            return Assert.Throws<PaySignException>(() => Signer.WechatRefundDecrypt(body, key)).Status;
        }

        [Test]
        public void DecryptsTheGopayFixture()
        {
            using (Key k = Key.Secret(GopayKey))
            {
                ParamList f = Signer.WechatRefundDecrypt(Read("derived_refund_notify.xml"), k);
                Assert.AreEqual(17, f.Count);
                CollectionAssert.AreEqual(new[] { "return_code", "appid", "mch_id", "nonce_str", "out_refund_no" },
                    f.Take(5).Select(p => p.Key).ToArray());
                Assert.IsNull(f["req_info"]);
                Assert.AreEqual("50fd012ed1b311e7af7800163e32c503", f["out_refund_no"]);
                Assert.AreEqual("SUCCESS", f["refund_status"]);
                Assert.AreEqual("6", f["refund_fee"]);
                Assert.AreEqual("支付用户零钱", f["refund_recv_accout"]);
                Assert.AreEqual("2017-11-25 15:36:17", f["success_time"]);
            }
            using (Key k = Key.Secret(OtherKey))
            {
                ParamList f = Signer.WechatRefundDecrypt(Read("derived_fullpad_notify.xml"), k);
                Assert.AreEqual(6, f.Count);
                Assert.AreEqual("CHANGE", f["refund_status"]);
            }
        }

        [Test]
        public void WrongKeyCutShortAndAlteredAreDecryptErrors()
        {
            byte[] ct = Convert.FromBase64String(ReqInfo());
            byte[] altered = (byte[])ct.Clone();
            altered[3] ^= 1;
            using (Key gopay = Key.Secret(GopayKey))
            using (Key other = Key.Secret(OtherKey))
            {
                byte[] body = Read("derived_refund_notify.xml");
                var e = Assert.Throws<PaySignException>(() => Signer.WechatRefundDecrypt(body, other));
                Assert.AreEqual(Status.DecryptError, e.Status);
                StringAssert.Contains("req_info", e.Message);
                StringAssert.DoesNotContain(OtherKey, e.Message);
                foreach (byte[] bad in new[] { ct.Take(830).ToArray(), ct.Take(816).ToArray(), altered })
                    Assert.AreEqual(Status.DecryptError, StatusOf(With(Convert.ToBase64String(bad)), gopay));
                Assert.AreEqual(Status.MissingField, StatusOf(With(""), gopay));
                Assert.AreEqual(Status.InvalidField, StatusOf(With("not base64!"), gopay));
                Assert.AreEqual(Status.MalformedInput, StatusOf(body.Take(body.Length - 3).ToArray(), gopay));
                Assert.AreEqual(Status.MalformedInput, StatusOf(null, gopay));
                Assert.Throws<ArgumentNullException>(() => Signer.WechatRefundDecrypt(body, null));
            }
        }

        [Test]
        public void JsapiPaySign()
        {
            using (Key k = Key.Secret("192006250b4c09247ec02edce69f6a2d"))
            {
                var p = new ParamList
                {
                    { "appId", "wx2421b1c4370ec43b" },
                    { "timeStamp", "1395712654" },
                    { "nonceStr", "e61463f8efa94090b1f366cccfbbb444" },
                    { "package", "prepay_id=u802345jgfjsdfgsdg888" },
                    { "signType", "HMAC-SHA256" },
                };
                ParamList signed = Signer.SignParams("wechatpay.jsapi.paysign", p, k);
                Assert.AreEqual("09064E137ACF9AEAA1B73E43E70968EC55B3952D4BC0A6FCEBB6F86FB2912319", signed["paySign"]);
                Assert.IsTrue(Signer.Verify("wechatpay.jsapi.paysign", signed, k));
                signed["nonceStr"] = "e61463f8efa94090b1f366cccfbbb445";
                Assert.IsFalse(Signer.Verify("wechatpay.jsapi.paysign", signed, k));
            }
        }
    }
}
