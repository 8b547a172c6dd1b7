// UnionPay ACP certId and body verification on testdata/unionpay (SOURCES.md there) and the
// unionpay.json vectors. The test certificates have expired: every check passes now=.
using System;
using System.Diagnostics;
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
    
        // ---- sensitive fields (encryptCertId, encryption, customerInfo) ----

        private const string Pan = "6226388000000095";

        // openssl in dir; its stdout.
        private static byte[] Openssl(string dir, params string[] args)
        {
            var psi = new ProcessStartInfo("openssl", string.Join(" ", args.Select(a => "\"" + a + "\"")))
            {
                WorkingDirectory = dir,
                UseShellExecute = false,
                RedirectStandardOutput = true,
            };
            using (Process p = Process.Start(psi))
            using (var o = new MemoryStream())
            {
                p.StandardOutput.BaseStream.CopyTo(o);
                p.WaitForExit();
                Assert.AreEqual(0, p.ExitCode, "openssl " + string.Join(" ", args));
                return o.ToArray();
            }
        }

        // A temp dir holding OUR OWN key pair (not UnionPay's): key.pem and its self-signed cert.pem.
        private static string OwnPair()
        {
            string dir = Path.Combine(Path.GetTempPath(), "paysign-acpenc-dotnet-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            Openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out", "cert.pem",
                "-days", "1", "-subj", "/CN=paysign test encryption");
            return dir;
        }

        // openssl pkeyutl -decrypt (PKCS#1 v1.5) of base64 sealed with our own key in dir.
        private static byte[] Decrypt(string dir, string sealedText)
        {
            File.WriteAllBytes(Path.Combine(dir, "sealed.bin"), Convert.FromBase64String(sealedText));
            return Openssl(dir, "pkeyutl", "-decrypt", "-inkey", "key.pem", "-pkeyopt", "rsa_padding_mode:pkcs1",
                "-in", "sealed.bin");
        }

        [Test]
        public void EncryptCertIdIsThePublishedOne()
        {
            // Published: ACP test request logs send encryptCertId=68759622183 with acp_test_enc.cer.
            Assert.AreEqual("68759622183", Signer.UnionpayEncryptCertId(Read("acp_test_enc.pem")));
            byte[] pfx = File.ReadAllBytes(KeyFile("unionpay_acp_test_sign_2021.pfx"));
            foreach (byte[] bad in new[] { pfx, Encoding.ASCII.GetBytes("not a certificate"), new byte[0] })
            {
                var e = Assert.Throws<PaySignException>(() => Signer.UnionpayEncryptCertId(bad));
                Assert.AreEqual(Status.KeyError, e.Status);
                Assert.AreEqual("encryption certificate: not a PEM or DER X.509 certificate", e.Message);
            }
            // null with length 0 is the C ABI's empty input: not a certificate either.
            Assert.AreEqual(Status.KeyError,
                Assert.Throws<PaySignException>(() => Signer.UnionpayEncryptCertId(null)).Status);
        }

        [Test]
        public void EncryptionIsRandomisedBase64Of256Bytes()
        {
            byte[] cert = Read("acp_test_enc.pem");
            byte[] pan = Encoding.ASCII.GetBytes(Pan);
            string a = Signer.UnionpayEncrypt(cert, pan);
            string b = Signer.UnionpayEncrypt(cert, pan);
            Assert.AreEqual(344, a.Length);
            Assert.AreEqual(256, Convert.FromBase64String(a).Length);
            Assert.AreNotEqual(a, b);
            Assert.AreEqual(Status.InvalidField,
                Assert.Throws<PaySignException>(() => Signer.UnionpayEncrypt(cert, new byte[0])).Status);
            Assert.AreEqual(Status.InvalidField,
                Assert.Throws<PaySignException>(() => Signer.UnionpayEncrypt(cert, new byte[246])).Status);
            Assert.AreEqual(Status.KeyError,
                Assert.Throws<PaySignException>(() => Signer.UnionpayEncrypt(Encoding.ASCII.GetBytes("junk"), pan)).Status);
            Assert.AreEqual(344, Signer.UnionpayEncryptPin(cert, "123456", Pan).Length);
            var e = Assert.Throws<PaySignException>(() => Signer.UnionpayEncryptPin(cert, "123", Pan));
            Assert.AreEqual(Status.InvalidField, e.Status);
            Assert.AreEqual("field 'pin': must be 4 to 12 digits", e.Message);
        }

        [Test]
        public void RoundTripsThroughOpensslWithOurOwnPair()
        {
            string own = OwnPair();
            try
            {
                byte[] cert = File.ReadAllBytes(Path.Combine(own, "cert.pem"));
                byte[] plain = Encoding.UTF8.GetBytes(Pan + " 张三");
                CollectionAssert.AreEqual(plain, Decrypt(own, Signer.UnionpayEncrypt(cert, plain)));
                // DERIVED (tests/unionpay_encrypt.rs, Python by the written rule): the ANSI X9.8 PIN block.
                byte[] block = { 0x06, 0x12, 0x57, 0xde, 0xff, 0xff, 0xff, 0xf6 };
                CollectionAssert.AreEqual(block, Decrypt(own, Signer.UnionpayEncryptPin(cert, "123456", Pan)));
                // 5.1.0 gathers phoneNo, cvn2 into encryptedInfo; pin keeps its place.
                var f = new ParamList { { "pin", "123456" }, { "customerNm", "张三" }, { "phoneNo", "18100000000" },
                    { "cvn2", "248" } };
                string text = Encoding.UTF8.GetString(Convert.FromBase64String(
                    Signer.UnionpayCustomerInfo(f, "5.1.0", cert, Pan)));
                Assert.IsTrue(text.StartsWith("{pin=") && text.EndsWith("}"), text);
                CollectionAssert.AreEqual(block, Decrypt(own, text.Substring(5, 344)));
                string tail = text.Substring(5 + 344, text.Length - 5 - 344 - 1);
                const string mid = "&customerNm=张三&encryptedInfo=";
                StringAssert.StartsWith(mid, tail);
                Assert.AreEqual("phoneNo=18100000000&cvn2=248",
                    Encoding.UTF8.GetString(Decrypt(own, tail.Substring(mid.Length))));
            }
            finally
            {
                Directory.Delete(own, true);
            }
        }

        [Test]
        public void CustomerInfoVectors()
        {
            var f = new ParamList { { "certifTp", "01" }, { "certifId", "510265790128303" }, { "customerNm", "张三" },
                { "phoneNo", "18100000000" }, { "cvn2", "248" }, { "expired", "1711" } };
            // DERIVED (tests/unionpay_encrypt.rs): Python base64 of the braced UTF-8 text.
            Assert.AreEqual("e2NlcnRpZlRwPTAxJmNlcnRpZklkPTUxMDI2NTc5MDEyODMwMyZjdXN0b21lck5tPeW8oOS4iSZwaG9uZU5vPTE4MTAw"
                + "MDAwMDAwJmN2bjI9MjQ4JmV4cGlyZWQ9MTcxMX0=", Signer.UnionpayCustomerInfo(f, "5.0.0"));
            var sms = new ParamList { { "smsCode", "111111" } };
            // Published: {smsCode=111111} (tests/c/test_unionpay.c).
            Assert.AreEqual("e3Ntc0NvZGU9MTExMTExfQ==", Signer.UnionpayCustomerInfo(sms, "5.1.0"));
            Assert.AreEqual(Status.NullArgument,
                Assert.Throws<PaySignException>(() => Signer.UnionpayCustomerInfo(f, "5.1.0")).Status);
            byte[] cert = Read("acp_test_enc.pem");
            var e = Assert.Throws<PaySignException>(
                () => Signer.UnionpayCustomerInfo(new ParamList { { "pin", "123456" } }, "5.0.0", cert));
            Assert.AreEqual(Status.MissingField, e.Status);
            StringAssert.Contains("'accNo'", e.Message);
            Assert.AreEqual(Status.InvalidField,
                Assert.Throws<PaySignException>(() => Signer.UnionpayCustomerInfo(sms, "4.0.0")).Status);
            Assert.AreEqual(Status.NullArgument,
                Assert.Throws<PaySignException>(() => Signer.UnionpayCustomerInfo(null, "5.1.0")).Status);
            Assert.AreEqual(Status.KeyError, Assert.Throws<PaySignException>(
                () => Signer.UnionpayCustomerInfo(f, "5.1.0", Encoding.ASCII.GetBytes("junk"))).Status);
        }
    }
}
