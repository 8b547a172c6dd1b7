// 99bill (快钱) RMB gateway: the bgUrl notification handler.
//
// 99bill calls bgUrl with GET and the notification in the query string. The signature is
// checked over the query string exactly as it arrived (still percent-encoded), never over
// Request.QueryString[...]: that collection has already been decoded once, with the site's
// charset, and 99bill's values (signMsg is base64 with '+' and '/') do not survive it.
// 99bill appends its fields after any query the merchant put in bgUrl; paysign knows that
// and verifies the last occurrence.
using System;
using System.Configuration;
using System.Text;
using System.Threading;
using System.Web;
using System.Web.Hosting;
using PaySign;

namespace PaySignExamples
{
    public class Notify99bill : IHttpHandler
    {
        private const string Profile = "99bill.pay.notify";

        // Web.config appSettings; the certificate is loaded once (a Key is immutable and
        // thread-safe). PublicationOnly: a failed load is retried on the next request.
        private static readonly Lazy<Key> ConfiguredCert = new Lazy<Key>(
            () => Key.FromFile(MapPath(Setting("PaySign.99bill.Cert", "~/App_Data/99bill.cert.rsa.20340630.cer"))),
            LazyThreadSafetyMode.PublicationOnly);

        private readonly Func<Key> gatewayCert;
        private readonly string showUrl;
        private readonly string failUrl;

        /// <summary>What ASP.NET calls: settings from Web.config.</summary>
        public Notify99bill()
        {
            gatewayCert = () => ConfiguredCert.Value;
            showUrl = Setting("PaySign.99bill.ShowUrl", "http://merchant.example/pay/ok");
            failUrl = Setting("PaySign.99bill.FailUrl", "http://merchant.example/pay/failed");
        }

        /// <summary>For tests or a DI container: 99bill's certificate and the two result pages.</summary>
        public Notify99bill(Key gatewayCert, string showUrl, string failUrl)
        {
            this.gatewayCert = () => gatewayCert;
            this.showUrl = showUrl;
            this.failUrl = failUrl;
        }

        public bool IsReusable { get { return true; } }

        public void ProcessRequest(HttpContext context)
        {
            HttpRequest request = context.Request;
            HttpResponse response = context.Response;

            // Request.Url.Query is the raw, still percent-encoded query with its leading '?'.
            string query = request.Url.Query;
            if (query.StartsWith("?", StringComparison.Ordinal))
                query = query.Substring(1);
            byte[] body = Encoding.UTF8.GetBytes(query);

            // A missing or unreadable certificate is the site's fault, not the notification's:
            // let it fail loudly (HTTP 500); 99bill will repeat the notification.
            Key cert = gatewayCert();

            bool received = false, paid = false;
            try
            {
                ParamList fields;
                received = Signer.VerifyBody(Profile, body, cert, out fields, "form");
                if (received)
                    paid = OnNotification(fields);
            }
            catch (PaySignException e)
            {
                // Malformed or incomplete notification: log it and answer "not handled".
                context.Trace.Warn("paysign", e.Status + ": " + e.Message);
            }

            // <result>1</result>: the notification was received (99bill stops repeating it) and
            // the payer is sent to redirecturl. A forged or broken one gets result 0.
            string redirect = paid ? showUrl : failUrl;
            response.ContentType = "text/html";
            response.ContentEncoding = Encoding.UTF8;
            response.Write(Signer.Reply(Profile, received, redirect));
        }

        /// <summary>
        /// The signature holds: the fields are 99bill's. Return true when the order is paid.
        /// Check them against your own order (merchantAcctId, orderId, orderAmount in fen)
        /// and record the payment idempotently:
        /// 99bill repeats a notification until it gets result 1.
        /// </summary>
        protected virtual bool OnNotification(ParamList fields)
        {
            if (fields["payResult"] != "10")   // 10 = paid
                return false;
            // e.g. return Orders.MarkPaid(fields["merchantAcctId"], fields["orderId"],
            //                             fields["dealId"], long.Parse(fields["payAmount"]));
            return true;
        }

        private static string Setting(string name, string fallback)
        {
            return ConfigurationManager.AppSettings[name] ?? fallback;
        }

        private static string MapPath(string path)
        {
            if (path.StartsWith("~/", StringComparison.Ordinal) && HostingEnvironment.IsHosted)
                return HostingEnvironment.MapPath(path);
            return path;
        }
    }
}
