// bench/compare.sh, .NET on Mono: the paysign wrapper against the code a 99bill ASP.NET merchant
// kit has a merchant write (StringBuilder, then MD5 or RSACryptoServiceProvider), on the same
// request and notification. Written for this benchmark in the kit's style.
//
//   mcs -r:PaySign.dll -out:Bench.exe Bench.cs && mono Bench.exe INPUT_DIR KEYS_DIR
//
// Prints "<operation> vendor|paysign <ns per op>": the fastest of three rounds of about 0.4 s,
// after a warm-up round.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

public static class Bench
{
    internal static readonly string[] RequestOrder = {
        "inputCharset", "pageUrl", "bgUrl", "version", "language", "signType", "merchantAcctId",
        "payerName", "payerContactType", "payerContact", "payerIdType", "payerId", "payerIP", "orderId",
        "orderAmount", "orderTime", "orderTimestamp", "productName", "productNum", "productId",
        "productDesc", "ext1", "ext2", "payType", "bankId", "cardIssuer", "cardNum", "remitType",
        "remitCode", "redoFlag", "pid", "submitType", "orderTimeOut", "mobileGateway", "extDataType",
        "extDataContent",
    };
    internal static readonly string[] NotifyOrder = {
        "merchantAcctId", "version", "language", "signType", "payType", "bankId", "orderId", "orderTime",
        "orderAmount", "bindCard", "bindMobile", "dealId", "bankDealId", "dealTime", "payAmount", "fee",
        "ext1", "ext2", "payResult", "aggregatePay", "errCode",
    };
    static object sink;

    internal static List<KeyValuePair<string, string>> ReadTsv(string path)
    {
        var list = new List<KeyValuePair<string, string>>();
        foreach (string line in File.ReadAllLines(path, Encoding.UTF8))
        {
            int tab = line.IndexOf('\t');
            list.Add(new KeyValuePair<string, string>(line.Substring(0, tab), line.Substring(tab + 1)));
        }
        return list;
    }

    internal static Dictionary<string, string> ToDictionary(List<KeyValuePair<string, string>> list)
    {
        var d = new Dictionary<string, string>();
        foreach (var kv in list)
            d[kv.Key] = kv.Value;
        return d;
    }

    // "name=value" for every non-empty field, in order, joined by "&".
    internal static string SignString(string[] order, Dictionary<string, string> p)
    {
        var sb = new StringBuilder();
        foreach (string name in order)
        {
            string v;
            if (p.TryGetValue(name, out v) && v.Length > 0)
            {
                if (sb.Length > 0)
                    sb.Append('&');
                sb.Append(name).Append('=').Append(v);
            }
        }
        return sb.ToString();
    }

    static double Round(Func<object> op, double ns)
    {
        long n = 0;
        var sw = Stopwatch.StartNew();
        double t;
        do
        {
            for (int i = 0; i < 16; i++)
                sink = op();
            n += 16;
            t = sw.Elapsed.TotalMilliseconds * 1e6;
        } while (t < ns);
        return t / n;
    }

    internal static void Measure(string name, string who, Func<object> op)
    {
        Round(op, 2e8);
        double best = Math.Min(Round(op, 4e8), Math.Min(Round(op, 4e8), Round(op, 4e8)));
        Console.WriteLine("{0} {1} {2:F0}", name, who, best);
    }

    public static int Main(string[] args)
    {
        string dir = args[0], keys = args[1];
        var request = ReadTsv(Path.Combine(dir, "request.tsv"));
        var md5Request = ReadTsv(Path.Combine(dir, "md5_request.tsv"));
        var notify = ReadTsv(Path.Combine(dir, "notify.tsv"));
        Dictionary<string, string> requestD = ToDictionary(request), md5D = ToDictionary(md5Request),
            notifyD = ToDictionary(notify);
        string secret = File.ReadAllText(Path.Combine(dir, "md5_secret.txt")).Trim();

        // Keys loaded once, the PFX and the certificate through X509Certificate2.
        var pfx = new X509Certificate2(Path.Combine(keys, "99bill_10012140356.pfx"), "123456",
            X509KeyStorageFlags.Exportable);
        var vendorPrivate = (RSACryptoServiceProvider)pfx.PrivateKey;
        var vendorPublic = (RSACryptoServiceProvider)new X509Certificate2(Path.Combine(dir, "cert.der")).PublicKey.Key;
        var psPrivate = PaySign.Key.FromFile(Path.Combine(keys, "99bill_10012140356.pfx"), "123456");
        var psPublic = PaySign.Key.FromFile(Path.Combine(keys, "99bill_10012140356_cert.pem"));
        var psSecret = PaySign.Key.Secret(secret);

        Func<object> vendorMd5 = () =>
        {
            using (var md5 = MD5.Create())
            {
                byte[] d = md5.ComputeHash(Encoding.UTF8.GetBytes(SignString(RequestOrder, md5D) + "&key=" + secret));
                var sb = new StringBuilder(32);
                foreach (byte b in d)
                    sb.Append(b.ToString("X2"));
                return sb.ToString();
            }
        };
        Func<object> paysignMd5 = () => PaySign.Signer.Sign("99bill.pay.request", md5Request, psSecret);
        Func<object> vendorRsa = () => Convert.ToBase64String(
            vendorPrivate.SignData(Encoding.UTF8.GetBytes(SignString(RequestOrder, requestD)), "SHA256"));
        Func<object> paysignRsa = () => PaySign.Signer.Sign("99bill.pay.request", request, psPrivate, "hash=sha256");
        Func<object> vendorVerify = () => vendorPublic.VerifyData(
            Encoding.UTF8.GetBytes(SignString(NotifyOrder, notifyD)), "SHA256", Convert.FromBase64String(notifyD["signMsg"]));
        Func<object> paysignVerify = () => PaySign.Signer.Verify("99bill.pay.notify", notify, psPublic, "hash=sha256");

        // Both sides must compute the same thing before they are timed.
        if ((string)vendorMd5() != (string)paysignMd5() || (string)vendorRsa() != (string)paysignRsa()
            || !(bool)vendorVerify() || !(bool)paysignVerify())
        {
            Console.Error.WriteLine("Bench.cs: the vendor code and paysign disagree");
            return 1;
        }
        Measure("md5-sign", "vendor", vendorMd5);
        Measure("md5-sign", "paysign", paysignMd5);
        Measure("rsa-sign-sha256", "vendor", vendorRsa);
        Measure("rsa-sign-sha256", "paysign", paysignRsa);
        Measure("rsa-verify-sha256", "vendor", vendorVerify);
        Measure("rsa-verify-sha256", "paysign", paysignVerify);
        return 0;
    }
}
