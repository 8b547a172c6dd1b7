// A minimal ASP.NET host for tests/simulate/xsp.sh: Mono's System.Web (HttpRuntime, the real
// pipeline: Web.config, App_Code compiled on first request, .ashx handlers) behind an
// HttpListener on 127.0.0.1. It stands in for xsp4, which cannot start on Debian 12 (mono-xsp4
// 4.2 uses Mono.Security.Protocol.Tls, removed from Mono 6.8: mono/mono#18500;
// examples/dotnet/README.md). The raw query (RawUrl after '?') is handed over as received;
// every reply is 200 with the handler's body.
// Usage: mono AspNetHost.exe PORT SITE_DIR (this exe must be in SITE_DIR/bin).
using System;
using System.IO;
using System.Net;
using System.Text;
using System.Web;
using System.Web.Hosting;

public class AspNetHost : MarshalByRefObject
{
    public string Process(string page, string query)
    {
        var w = new StringWriter();
        HttpRuntime.ProcessRequest(new SimpleWorkerRequest(page, query, w));
        return w.ToString();
    }

    public override object InitializeLifetimeService() { return null; }

    static int Main(string[] args)
    {
        int port = int.Parse(args[0]);
        string root = Path.GetFullPath(args[1]);
        var host = (AspNetHost)ApplicationHost.CreateApplicationHost(typeof(AspNetHost), "/", root);
        var listener = new HttpListener();
        listener.Prefixes.Add("http://127.0.0.1:" + port + "/");
        listener.Start();
        Console.WriteLine("listening on 127.0.0.1:" + port);
        while (true)
        {
            HttpListenerContext c = listener.GetContext();
            string raw = c.Request.RawUrl;
            int q = raw.IndexOf('?');
            string page = (q < 0 ? raw : raw.Substring(0, q)).TrimStart('/');
            string body = host.Process(page, q < 0 ? "" : raw.Substring(q + 1));
            byte[] bytes = Encoding.UTF8.GetBytes(body);
            c.Response.ContentType = "text/html; charset=utf-8";
            c.Response.ContentLength64 = bytes.Length;
            c.Response.OutputStream.Write(bytes, 0, bytes.Length);
            c.Response.Close();
        }
    }
}
