// bench/compare.sh, .NET (Mono), the whole request path (issue 12), compiled with Bench.cs (its
// helpers) and run with -main:RequestPath:
//   checkout  load the merchant .pfx + build the order + sign + render the hidden fields
//   notify    receive the raw query string + load the gateway certificate + verify + reply
// vendor: 99bill's .NET demo style (X509Certificate2 of the .pfx, its RSACryptoServiceProvider
// SignData; the certificate's PublicKey.Key VerifyData on the decoded QueryString). paysign:
// Key.FromFile + SignParams / VerifyBody + Reply. Plain names load the key on every request
// (what the demo does); *-longlived load it once (a static readonly field) on both sides.
using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Web;

public static class RequestPath
{
    const string Show = "https://shop.example/show";

    static string Form(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var html = new StringBuilder("<form method=\"post\" action=\"https://sandbox.99bill.com/gateway/recvMerchantInfoAction.htm\">");
        foreach (var f in fields)
            html.Append("<input type=\"hidden\" name=\"").Append(HttpUtility.HtmlAttributeEncode(f.Key))
                .Append("\" value=\"").Append(HttpUtility.HtmlAttributeEncode(f.Value)).Append("\">");
        return html.Append("</form>").ToString();
    }

    static RSACryptoServiceProvider VendorKey(string pfx)
    {
        return (RSACryptoServiceProvider)new X509Certificate2(pfx, "123456", X509KeyStorageFlags.Exportable).PrivateKey;
    }

    static RSACryptoServiceProvider VendorCert(string der)
    {
        return (RSACryptoServiceProvider)new X509Certificate2(der).PublicKey.Key;
    }

    static string VendorCheckout(RSACryptoServiceProvider key, List<KeyValuePair<string, string>> order)
    {
        var d = Bench.ToDictionary(order);
        string sig = Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(Bench.SignString(Bench.RequestOrder, d)), "SHA256"));
        var f = new List<KeyValuePair<string, string>>(order);
        f.Add(new KeyValuePair<string, string>("signMsg", sig));
        return Form(f);
    }

    // What ASP.NET hands the demo: Request.QueryString, decoded.
    static string VendorNotify(RSACryptoServiceProvider cert, string raw)
    {
        var q = HttpUtility.ParseQueryString(raw, Encoding.UTF8);
        var d = new Dictionary<string, string>();
        foreach (string k in q.AllKeys)
            d[k] = q[k];
        bool ok = cert.VerifyData(Encoding.UTF8.GetBytes(Bench.SignString(Bench.NotifyOrder, d)), "SHA256",
            Convert.FromBase64String(d["signMsg"]));
        return "<result>" + (ok ? 1 : 0) + "</result><redirecturl>" + Show + "</redirecturl>";
    }

    static string PaysignCheckout(PaySign.Key key, List<KeyValuePair<string, string>> order)
    {
        return Form(PaySign.Signer.SignParams("99bill.pay.request", order, key, "hash=sha256"));
    }

    static string PaysignNotify(PaySign.Key cert, byte[] raw)
    {
        bool ok = PaySign.Signer.VerifyBody("99bill.pay.notify", raw, cert, "form", null, "hash=sha256");
        return PaySign.Signer.Reply("99bill.pay.notify", ok, Show);
    }

    public static int Main(string[] args)
    {
        string dir = args[0], keys = args[1];
        string pfx = Path.Combine(keys, "99bill_10012140356.pfx");
        string der = Path.Combine(dir, "cert.der");
        string pem = Path.Combine(keys, "99bill_10012140356_cert.pem");
        var order = Bench.ReadTsv(Path.Combine(dir, "request.tsv"));
        string raw = File.ReadAllText(Path.Combine(dir, "notify.form")).Trim();
        byte[] rawBytes = Encoding.ASCII.GetBytes(raw);

        var vKey = VendorKey(pfx);
        var vCert = VendorCert(der);
        var pKey = PaySign.Key.FromFile(pfx, "123456");
        var pCert = PaySign.Key.FromFile(pem);

        Func<object> vc = () => VendorCheckout(VendorKey(pfx), order);
        Func<object> pc = () => { using (var k = PaySign.Key.FromFile(pfx, "123456")) return PaysignCheckout(k, order); };
        Func<object> vn = () => VendorNotify(VendorCert(der), raw);
        Func<object> pn = () => { using (var k = PaySign.Key.FromFile(pem)) return PaysignNotify(k, rawBytes); };
        Func<object> vcl = () => VendorCheckout(vKey, order);
        Func<object> pcl = () => PaysignCheckout(pKey, order);
        Func<object> vnl = () => VendorNotify(vCert, raw);
        Func<object> pnl = () => PaysignNotify(pCert, rawBytes);

        // Both sides must give the same page and the same reply before they are timed.
        if ((string)vc() != (string)pc() || (string)vn() != (string)pn() || !((string)vn()).StartsWith("<result>1</result>"))
        {
            Console.Error.WriteLine("RequestPath.cs: the vendor code and paysign disagree");
            return 1;
        }
        Bench.Measure("checkout", "vendor", vc);
        Bench.Measure("checkout", "paysign", pc);
        Bench.Measure("notify", "vendor", vn);
        Bench.Measure("notify", "paysign", pn);
        Bench.Measure("checkout-longlived", "vendor", vcl);
        Bench.Measure("checkout-longlived", "paysign", pcl);
        Bench.Measure("notify-longlived", "vendor", vnl);
        Bench.Measure("notify-longlived", "paysign", pnl);
        pKey.Dispose();
        pCert.Dispose();
        return 0;
    }
}
