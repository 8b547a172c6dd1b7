// WeChat Pay API v3 on testdata/wechat_v3 (SOURCES.md there: DERIVED signatures).
using System;
using System.IO;
using System.Text;
using NUnit.Framework;
using PaySign;

namespace PaySign.Tests
{
    [TestFixture]
    public class WechatV3Tests
    {
        private const string MerchantSerial = "5F1C72E2A8931B72A2E13AF8DEE92471EB397115";
        private const string PlatformSerial = "440024045C4A427599D09BB4E3DE0279F2E813FD";
        private const string RespSig = "1EvJteDDa9rMtZKZ3UIhZ7haTwr4WBBGjMv6MzOzOkZeyWcwPiVDskYxQuuhoGblfuPCnyTdfxpk9wA2D9vw2ft0PoNFJLOlnfQThcMkilX8YmRZMCPJsKJCvsxbqng386RjjFDn5RI95O6w5SJWgH/mDmD4CTpH+eCe8t+1eSv9hSldIPdQ62MkPDb0zXnn+4ul22CEbyJlvjePXp5o2jhK0zmkruBonu+s7jMNrZDL27X4svDINpf0gru8KVHnSrt56Q36Um2h3d8UtvspKtpfhaV0bukPPg+uur7Cq1wj2rbLyA0iDcCD/6cc4FSCeJC0+VR+bGULG3eDOdlmgA==";
        private const string NotifySig = "PlgYBt3yb7VgF/MqvOndUqdXJ1pUR0dNGNA3J4SzGVj9vCgZwkBip/INP+7vMZY0oWhK1tfs37LJD1lAgDI5G86lNDiK7uJiNhkx9X7mi0iDsvudd7Qz/mQ5w/Zx/qdaYItczMWBG9zdBqnv1oVfoDntKbSmhM7LwyXeHj7vFs4pkUbmops6eB4ETgUQEpJi3FHoYTXge6jOjlHlRZqaAvZmY/COrJi4FCUGn4bgc6z1SiVMuv0PrSFS/NrbLIWySCkaecVdx8+z25ScxdWGVByB0i6GsKxOgBnW0pYRMwZKU5OFT2qCvyq7TEh9bHE/6YgHFKBeV1NY3MOndP/wPw==";
        private static readonly byte[] ApiV3Key = Encoding.ASCII.GetBytes("a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb");

        private static string File(string name)
        {
            return Path.Combine(VectorTests.VectorDir, "..", "wechat_v3", name);
        }

        private static byte[] Read(string name)
        {
            return System.IO.File.ReadAllBytes(File(name));
        }

        [Test]
        public void AuthorizationAndClientSigns()
        {
            using (Key merchant = Key.FromFile(File("merchant_private_key.pem")))
            {
                string h = Signer.WechatV3Authorization("GET", "/v3/certificates", null, "1900009191", merchant,
                    MerchantSerial, "1554208460", "593BEC0C930BF1AFEB40B4A08C8FB242");
                StringAssert.StartsWith("WECHATPAY2-SHA256-RSA2048 mchid=\"1900009191\",nonce_str=\"593BEC0C930BF1AFEB40B4A08C8FB242\","
                    + "signature=\"Yql2HJi5R+/B/WzOlH5KqIUNOCTrECi808qopAT8Pk2v", h);
                StringAssert.EndsWith(",timestamp=\"1554208460\",serial_no=\"" + MerchantSerial + "\"", h);
                string g = Signer.WechatV3Authorization("POST", "/v3/x", Encoding.UTF8.GetBytes("{}"), "1", merchant, MerchantSerial);
                StringAssert.Contains("nonce_str=\"", g);
                var e = Assert.Throws<PaySignException>(() => Signer.WechatV3Authorization(
                    "GET", "https://api.mch.weixin.qq.com/v3/x", null, "1", merchant, MerchantSerial));
                Assert.AreEqual(Status.InvalidArgument, e.Status);
                Assert.Throws<ArgumentNullException>(() => Signer.WechatV3Authorization("GET", "/v3/x", null, "1", null));
                StringAssert.StartsWith("Uvgm57c+/kZHCS8g8wjy", Signer.WechatV3ClientSign("jsapi", "wx8888888888888888",
                    "1414561699", "5K8264ILTKCH16CQ2502SI8ZNMTM67VS", "prepay_id=wx201410272009395522657a690389285100", merchant));
                StringAssert.StartsWith("LUb6W20Ijj/Tf06cmW9Z", Signer.WechatV3ClientSign("app", "wx8888888888888888",
                    "1414561699", "5K8264ILTKCH16CQ2502SI8ZNMTM67VS", "WX1217752501201407033233368018", merchant));
                e = Assert.Throws<PaySignException>(() => Signer.WechatV3ClientSign("h5", "a", "1", "n", "p", merchant));
                Assert.AreEqual(Status.InvalidArgument, e.Status);
            }
        }

        [Test]
        public void VerifyWindowAndDecrypt()
        {
            using (Key platform = Key.FromFile(File("derived_platform_certificate.pem")))
            using (Key pub = Key.FromFile(File("wechat_pay_public_key.pem")))
            {
                byte[] body = Encoding.UTF8.GetBytes("{\"code\":\"SUCCESS\"}");
                Assert.IsTrue(Signer.WechatV3Verify("1700000000", "nonce-resp-1", RespSig, PlatformSerial, body, platform, "now=1700000100"));
                Assert.IsFalse(Signer.WechatV3Verify("1700000000", "nonce-resp-1", RespSig, PlatformSerial,
                    Encoding.UTF8.GetBytes("{\"code\": \"SUCCESS\"}"), platform, "now=1700000100"));
                Assert.IsTrue(Signer.WechatV3Verify("1700000000", "nonce-resp-1", RespSig, "PUB_KEY_ID_0114232134912410000000000000",
                    body, pub, "now=1700000000"));
                var e = Assert.Throws<PaySignException>(() => Signer.WechatV3Verify("1700000000", "nonce-resp-1", RespSig,
                    PlatformSerial, body, platform));
                Assert.AreEqual(Status.StaleTimestamp, e.Status);
                e = Assert.Throws<PaySignException>(() => Signer.WechatV3Verify("1700000000", "nonce-resp-1", RespSig,
                    MerchantSerial, body, platform, "now=1700000000"));
                Assert.AreEqual(Status.KeyMismatch, e.Status);

                byte[] nb = Read("notification_body.json");
                Assert.IsTrue(Signer.WechatV3Verify("1700000000", "c6a1d9a8d5f14b2f9e0e3a7b6c5d4e3f", NotifySig, PlatformSerial,
                    nb, platform, "now=1700000042"));
                Assert.AreEqual(Encoding.UTF8.GetString(Read("notification_plain.json")), Signer.WechatV3Decrypt(nb, ApiV3Key));
                byte[] wrong = (byte[])ApiV3Key.Clone();
                wrong[31] ^= 1;
                e = Assert.Throws<PaySignException>(() => Signer.WechatV3Decrypt(nb, wrong));
                Assert.AreEqual(Status.DecryptError, e.Status);
                e = Assert.Throws<PaySignException>(() => Signer.WechatV3Decrypt(nb, Encoding.ASCII.GetBytes("short")));
                Assert.AreEqual(Status.KeyError, e.Status);
                e = Assert.Throws<PaySignException>(() => Signer.WechatV3Decrypt(Encoding.ASCII.GetBytes("{}"), ApiV3Key));
                Assert.AreEqual(Status.MissingField, e.Status);
                // Twins: one ciphertext byte changed, and the tag cut by one byte.
                byte[] flipped = WithCiphertext(nb, c => { c[0] ^= 1; return c; });
                byte[] cut = WithCiphertext(nb, c => { Array.Resize(ref c, c.Length - 1); return c; });
                e = Assert.Throws<PaySignException>(() => Signer.WechatV3Decrypt(flipped, ApiV3Key));
                Assert.AreEqual(Status.DecryptError, e.Status);
                e = Assert.Throws<PaySignException>(() => Signer.WechatV3Decrypt(cut, ApiV3Key));
                Assert.AreEqual(Status.DecryptError, e.Status);
            }
        }

        // The notification body with its resource's ciphertext (decoded) changed by edit.
        static byte[] WithCiphertext(byte[] body, Func<byte[], byte[]> edit)
        {
            string text = Encoding.UTF8.GetString(body);
            const string mark = "\"ciphertext\":\"";
            int start = text.IndexOf(mark, StringComparison.Ordinal) + mark.Length;
            int end = text.IndexOf('"', start);
            byte[] raw = Convert.FromBase64String(text.Substring(start, end - start));
            string edited = Convert.ToBase64String(edit(raw));
            return Encoding.UTF8.GetBytes(text.Substring(0, start) + edited + text.Substring(end));
        }

        [Test]
        public void CertificateDownload()
        {
            byte[] body = Read("sdk_certificate_download.json");
            string pem = Encoding.UTF8.GetString(Read("downloaded_platform_certificate.pem"));
            string want = "[{\"serial_no\":\"5DEA10EF55877E3CF6C33255C2E7DEFFF7E427EC\",\"effective_time\":\"2023-09-19T23:15:58+08:00\","
                + "\"expire_time\":\"2028-09-17T23:15:58+08:00\",\"pem\":\"" + pem.Replace("\n", "\\n") + "\"}]";
            Assert.AreEqual(want, Signer.WechatV3Certificates(body, ApiV3Key));

            // DERIVED two-entry body: the response's order; the second certificate verifies RespSig.
            string two = Signer.WechatV3Certificates(Read("derived_certificate_download.json"), ApiV3Key);
            int first = two.IndexOf("\"serial_no\":\"5DEA10EF55877E3CF6C33255C2E7DEFFF7E427EC\"", StringComparison.Ordinal);
            int second = two.IndexOf("\"serial_no\":\"" + PlatformSerial + "\"", StringComparison.Ordinal);
            Assert.IsTrue(first == 2 && second > first, two);
            string derived = Encoding.UTF8.GetString(Read("derived_platform_certificate.pem"));
            StringAssert.EndsWith("\"pem\":\"" + derived.Replace("\n", "\\n") + "\"}]", two);
            using (Key k = Key.Load(Encoding.UTF8.GetBytes(derived)))
            {
                Assert.IsTrue(Signer.WechatV3Verify("1700000000", "nonce-resp-1", RespSig, PlatformSerial,
                    Encoding.UTF8.GetBytes("{\"code\":\"SUCCESS\"}"), k, "now=1700000000"));
            }

            byte[] tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("E427EC\"", "E427ED\""));
            var e = Assert.Throws<PaySignException>(() => Signer.WechatV3Certificates(tampered, ApiV3Key));
            Assert.AreEqual(Status.KeyMismatch, e.Status);
            StringAssert.Contains("data[0] (serial_no 5DEA10EF55877E3CF6C33255C2E7DEFFF7E427ED): the decrypted certificate's serial is "
                + "5DEA10EF55877E3CF6C33255C2E7DEFFF7E427EC", e.Message);
            byte[] wrong = (byte[])ApiV3Key.Clone();
            wrong[31] ^= 1;
            e = Assert.Throws<PaySignException>(() => Signer.WechatV3Certificates(body, wrong));
            Assert.AreEqual(Status.DecryptError, e.Status);
            e = Assert.Throws<PaySignException>(() => Signer.WechatV3Certificates(Encoding.ASCII.GetBytes("{\"data\":[]}"), ApiV3Key));
            Assert.AreEqual(Status.MissingField, e.Status);
        }
    }
}
