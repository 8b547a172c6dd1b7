// 99bill (快钱) RMB gateway: sign a payment request with the merchant's PKCS#12 key and print
// the form the browser posts to https://www.99bill.com/gateway/recvMerchantInfoAction.htm.
//
//   mcs -langversion:7.2 -r:PaySign.dll -out:Demo.exe Demo.cs
//   mono Demo.exe [path/to/99bill_10012140356.pfx] [password]
//
// The key is 99bill's public test merchant 10012140356 (password 123456), from
// testdata/vectors/keys; never put a production key next to your code.
using System;
using System.IO;
using System.Text;
using PaySign;

public static class Demo
{
    public static int Main(string[] args)
    {
        string pfx = args.Length > 0 ? args[0]
            : Path.Combine("testdata", "vectors", "keys", "99bill_10012140356.pfx");
        string password = args.Length > 1 ? args[1] : "123456";
        Console.OutputEncoding = new UTF8Encoding(false);

        var request = new ParamList
        {
            { "inputCharset", "1" },                 // 1 = UTF-8
            { "pageUrl", "" },
            { "bgUrl", "http://merchant.example/Notify99bill.ashx" },
            { "version", "v2.0" },
            { "language", "1" },
            { "signType", "4" },                     // 4 = RSA
            { "merchantAcctId", "1001214035601" },
            { "payerName", "张三" },
            { "payerContactType", "1" },
            { "payerContact", "123456@qq.com" },
            { "orderId", "KQ20190220134835" },
            { "orderAmount", "1" },                  // fen
            { "orderTime", "20190220134835" },
            { "productName", "Apple" },
            { "productNum", "1" },
            { "productDesc", "Apple" },
            { "ext1", "扩展1" },
            { "payType", "00" },
            { "redoFlag", "0" },
        };

        try
        {
            using (Key key = Key.FromFile(Path.GetFullPath(pfx), password))
            {
                // SHA-1 is what the 2019 merchant kit signs with; pass "hash=sha256" where
                // 99bill has enabled SHA256withRSA for the merchant.
                ParamList form = Signer.SignParams("99bill.pay.request", request, key, "hash=sha1");

                Console.WriteLine("paysign {0}", Signer.Version());
                Console.WriteLine("<form method=\"post\" action=\"https://www.99bill.com/gateway/recvMerchantInfoAction.htm\">");
                foreach (var field in form)
                {
                    Console.WriteLine("  <input type=\"hidden\" name=\"{0}\" value=\"{1}\" />",
                        Html(field.Key), Html(field.Value));
                }
                Console.WriteLine("</form>");
                Console.WriteLine("signMsg={0}", form["signMsg"]);
            }
            return 0;
        }
        catch (PaySignException e)
        {
            Console.Error.WriteLine("paysign error {0} ({1}): {2}", e.Code, e.Status, e.Message);
            return 1;
        }
    }

    // Attribute-safe HTML escaping (WebUtility.HtmlEncode also turns CJK into entities on Mono).
    private static string Html(string s)
    {
        return s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;")
            .Replace("\"", "&quot;").Replace("'", "&#39;");
    }
}
