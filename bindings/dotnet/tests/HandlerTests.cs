// Runs examples/dotnet/web/App_Code/Notify99bill.cs (compiled into this assembly) against
// notifications signed here with the 99bill test merchant's key and checked with its
// certificate.
using System;
using System.IO;
using System.Text;
using System.Web;
using NUnit.Framework;
using PaySign;
using PaySignExamples;

namespace PaySign.Tests
{
    [TestFixture]
    public class HandlerTests
    {
        private const string ShowUrl = "http://merchant.example/pay/ok";
        private const string FailUrl = "http://merchant.example/pay/failed";
        private Key cert;

        [TestFixtureSetUp]
        public void LoadCert()
        {
            cert = Key.FromFile(Path.Combine(VectorTests.VectorDir, "keys", "99bill_10012140356_cert.pem"));
        }

        [TestFixtureTearDown]
        public void DisposeCert()
        {
            cert.Dispose();
        }

        private static string Notification(Action<ParamList> edit)
        {
            var p = new ParamList
            {
                { "merchantAcctId", "1001214035601" },
                { "version", "v2.0" },
                { "language", "1" },
                { "signType", "4" },
                { "payType", "10" },
                { "bankId", "CMB" },
                { "orderId", "KQ20190220134835" },
                { "orderTime", "20190220134835" },
                { "orderAmount", "1" },
                { "bindCard", "" },
                { "bindMobile", "" },
                { "dealId", "2966523081" },
                { "bankDealId", "190220134943" },
                { "dealTime", "20190220135012" },
                { "payAmount", "1" },
                { "fee", "0" },
                { "ext1", "扩展1" },
                { "ext2", "a+b/c=d" },
                { "payResult", "10" },
                { "errCode", "" },
            };
            if (edit != null)
                edit(p);
            string pfx = Path.Combine(VectorTests.VectorDir, "keys", "99bill_10012140356.pfx");
            ParamList signed;
            using (Key key = Key.FromFile(pfx, "123456"))
                signed = Signer.SignParams("99bill.pay.notify", p, key, "hash=sha1");
            // The merchant's own query in bgUrl comes first; 99bill appends its fields.
            StringBuilder q = new StringBuilder("shop=7&orderId=mine");
            foreach (var kv in signed)
                q.Append('&').Append(Uri.EscapeDataString(kv.Key)).Append('=').Append(Uri.EscapeDataString(kv.Value));
            return q.ToString();
        }

        private string Run(string query)
        {
            StringWriter output = new StringWriter();
            HttpRequest request = new HttpRequest("Notify99bill.ashx",
                "http://merchant.example/pay/Notify99bill.ashx?" + query, query);
            HttpContext context = new HttpContext(request, new HttpResponse(output));
            new Notify99bill(cert, ShowUrl, FailUrl).ProcessRequest(context);
            context.Response.Flush();
            return output.ToString();
        }

        [Test]
        public void SignedNotificationIsAccepted()
        {
            string query = Notification(null);
            Assert.AreEqual(Signer.Reply("99bill.pay.notify", true, ShowUrl), Run(query));
        }

        [Test]
        public void UnpaidNotificationIsReceivedButNotPaid()
        {
            string query = Notification(p => p["payResult"] = "11");
            Assert.AreEqual(Signer.Reply("99bill.pay.notify", true, FailUrl), Run(query));
        }

        [Test]
        public void TamperedNotificationIsRejected()
        {
            string query = Notification(null).Replace("payAmount=1", "payAmount=100");
            Assert.AreEqual(Signer.Reply("99bill.pay.notify", false, FailUrl), Run(query));
        }

        private sealed class Recording : Notify99bill
        {
            public ParamList Fields;
            public Recording(Key cert) : base(cert, ShowUrl, FailUrl) { }
            protected override bool OnNotification(ParamList fields)
            {
                Fields = fields;
                return base.OnNotification(fields);
            }
        }

        [Test]
        public void FieldsAre99billsNotTheMerchantQuery()
        {
            string query = Notification(null);
            var handler = new Recording(cert);
            HttpRequest request = new HttpRequest("Notify99bill.ashx",
                "http://merchant.example/pay/Notify99bill.ashx?" + query, query);
            handler.ProcessRequest(new HttpContext(request, new HttpResponse(new StringWriter())));
            Assert.IsNotNull(handler.Fields);
            Assert.AreEqual("KQ20190220134835", handler.Fields["orderId"]);
            Assert.AreEqual("扩展1", handler.Fields["ext1"]);
            Assert.AreEqual("a+b/c=d", handler.Fields["ext2"]);
        }

        [Test]
        public void GarbageIsRejectedWithoutThrowing()
        {
            Assert.AreEqual(Signer.Reply("99bill.pay.notify", false, FailUrl), Run("a=%zz"));
            Assert.AreEqual(Signer.Reply("99bill.pay.notify", false, FailUrl), Run(""));
        }
    }
}
