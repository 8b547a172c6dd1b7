// Every case of the shared vectors (testdata/vectors/*.json) through the C# wrapper.
using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Web.Script.Serialization;
using NUnit.Framework;
using PaySign;

namespace PaySign.Tests
{
    public sealed class VectorCase
    {
        public string File;
        public Dictionary<string, object> Data;
        public string Id { get { return (string)Data["id"]; } }
        public override string ToString() { return Id; }
    }

    [TestFixture]
    public class VectorTests
    {
        public static string VectorDir
        {
            get
            {
                string env = Environment.GetEnvironmentVariable("PAYSIGN_VECTORS");
                if (!string.IsNullOrEmpty(env))
                    return env;
                // build/ -> bindings/dotnet -> bindings -> repo root
                string here = Path.GetDirectoryName(typeof(VectorTests).Assembly.Location);
                return Path.GetFullPath(Path.Combine(here, "../../../testdata/vectors"));
            }
        }

        private static List<VectorCase> loaded;

        public static List<VectorCase> All()
        {
            if (loaded != null)
                return loaded;
            List<VectorCase> list = new List<VectorCase>();
            if (Directory.Exists(VectorDir))
            {
                JavaScriptSerializer json = new JavaScriptSerializer();
                json.MaxJsonLength = int.MaxValue;
                string[] files = Directory.GetFiles(VectorDir, "*.json");
                Array.Sort(files, StringComparer.Ordinal);
                foreach (string f in files)
                {
                    var doc = (Dictionary<string, object>)json.DeserializeObject(
                        System.IO.File.ReadAllText(f, Encoding.UTF8));
                    foreach (object c in (object[])doc["cases"])
                        list.Add(new VectorCase { File = Path.GetFileName(f), Data = (Dictionary<string, object>)c });
                }
            }
            loaded = list;
            return list;
        }

        public static IEnumerable Cases()
        {
            foreach (VectorCase c in All())
                yield return new TestCaseData(c).SetName("Vector(" + c.Id + ")");
        }

        [Test]
        public void VectorCasesWereFound()
        {
            int n = All().Count;
            Console.WriteLine("dotnet: shared vector cases: {0} (from {1})", n, VectorDir);
            Assert.That(n, Is.GreaterThan(0), "no vector cases found in " + VectorDir);
        }

        internal static string Str(Dictionary<string, object> d, string name)
        {
            object v;
            return d.TryGetValue(name, out v) ? v as string : null;
        }

        private static string Scalar(object v)
        {
            if (v == null)
                return null;
            if (v is string)
                return (string)v;
            return Convert.ToString(v, CultureInfo.InvariantCulture);
        }

        internal static VectorCase ById(string id)
        {
            VectorCase c = All().FirstOrDefault(v => v.Id == id);
            Assert.IsNotNull(c, "no vector " + id);
            return c;
        }

        internal static ParamList Params(object raw)
        {
            ParamList p = new ParamList();
            foreach (object pair in (object[])raw)
            {
                object[] nv = (object[])pair;
                p.Add((string)nv[0], Scalar(nv[1]));
            }
            return p;
        }

        internal static Key MakeKey(Dictionary<string, object> k, ref string options)
        {
            string secret = Str(k, "secret");
            string file = Str(k, "file");
            if (file == null)
                return Key.Secret(secret);
            Key key = Key.FromFile(Path.Combine(VectorDir, file), Str(k, "password"));
            if (secret != null)
                options = string.IsNullOrEmpty(options) ? "query_key=" + secret : options + "&query_key=" + secret;
            return key;
        }

        [Test, TestCaseSource("Cases")]
        public void Vector(VectorCase vc)
        {
            Dictionary<string, object> c = vc.Data;
            string profile = Str(c, "profile");
            string op = Str(c, "op");
            string expect = Str(c, "expect");
            string options = Str(c, "options");
            Assert.That(expect, Is.EqualTo("ok").Or.EqualTo("bad_signature"));

            if (op == "authenticator")
            {
                RunAuthenticator(c, profile, expect == "ok");
                return;
            }

            using (Key key = MakeKey((Dictionary<string, object>)c["key"], ref options))
            {
                switch (op)
                {
                    case "sign":
                    {
                        ParamList p = Params(c["params"]);
                        string sig = Signer.Sign(profile, p, key, options);
                        if (expect == "ok")
                            Assert.AreEqual(Str(c, "expect_signature"), sig);
                        else
                            Assert.AreNotEqual(Str(c, "expect_signature"), sig);
                        if (c.ContainsKey("expect_sign_string"))
                            Assert.AreEqual(Str(c, "expect_sign_string"), Signer.SignString(profile, p, key, options));
                        break;
                    }
                    case "verify":
                    {
                        ParamList p = Params(c["params"]);
                        Assert.AreEqual(expect == "ok", Signer.Verify(profile, p, key, options));
                        break;
                    }
                    case "verify_body":
                    {
                        string b64 = Str(c, "body_b64");
                        byte[] body = b64 != null ? Convert.FromBase64String(b64) : Encoding.UTF8.GetBytes(Str(c, "body"));
                        string format = Str(c, "format") ?? "form";
                        string charset = Str(c, "charset");
                        ParamList fields;
                        bool ok = Signer.VerifyBody(profile, body, key, out fields, format, charset, options);
                        Assert.AreEqual(expect == "ok", ok);
                        if (ok)
                        {
                            Assert.IsNotNull(fields);
                            Assert.That(fields.Count, Is.GreaterThan(0));
                        }
                        else
                        {
                            Assert.IsNull(fields);
                        }
                        break;
                    }
                    default:
                        Assert.Fail("unknown op " + op);
                        break;
                }
            }
        }

        private static void RunAuthenticator(Dictionary<string, object> c, string profile, bool expectOk)
        {
            var inputs = (Dictionary<string, object>)c["inputs"];
            string hex = Str(c, "expect_hex");
            ParamList p = new ParamList();
            foreach (KeyValuePair<string, object> kv in inputs)
            {
                if (kv.Key != "shared_secret")
                    p.Add(kv.Key, Scalar(kv.Value));
            }
            using (Key key = Key.Secret((string)inputs["shared_secret"]))
            {
                ParamList withAuth = new ParamList(p);
                withAuth.Add("authenticator", hex);
                Assert.AreEqual(expectOk, Signer.Verify(profile, withAuth, key, (string)null));
                if (expectOk)
                    Assert.AreEqual(hex.ToLowerInvariant(), Signer.Sign(profile, p, key, (string)null));
            }
        }
    }
}
