// One RSA Key (the 99bill sandbox .pfx) used by many threads at once, the way a static
// readonly field in an ASP.NET application is: every thread gets the signature a lone call
// gets, and the certificate verifies every one. The native key is immutable after loading.
using System.IO;
using System.Threading;
using NUnit.Framework;

namespace PaySign.Tests
{
    [TestFixture]
    public class SharedKeyTests
    {
        private static readonly Key MerchantKey =
            Key.FromFile(Path.Combine(VectorTests.VectorDir, "keys", "99bill_10012140356.pfx"), "123456");
        private static readonly Key Cert =
            Key.FromFile(Path.Combine(VectorTests.VectorDir, "keys", "99bill_10012140356_cert.pem"));

        private static ParamList Order(int n)
        {
            return new ParamList
            {
                { "inputCharset", "1" }, { "version", "v2.0" }, { "signType", "4" },
                { "merchantAcctId", "1001214035601" }, { "orderId", "T" + n },
                { "orderAmount", "1" }, { "orderTime", "20190220134835" },
            };
        }

        [Test]
        public void OneRsaKeySignsFromManyThreadsAtOnce()
        {
            const int threadCount = 8, perThread = 40, orders = 5;
            string[] expected = new string[orders];
            for (int n = 0; n < orders; n++)
                expected[n] = Signer.Sign("99bill.pay.request", Order(n), MerchantKey, "hash=sha256");
            int failures = 0, done = 0;
            Thread[] threads = new Thread[threadCount];
            using (ManualResetEvent go = new ManualResetEvent(false))
            {
                for (int t = 0; t < threadCount; t++)
                {
                    int seed = t;
                    threads[t] = new Thread(() =>
                    {
                        go.WaitOne(); // all threads start signing together
                        for (int i = 0; i < perThread; i++)
                        {
                            int n = (seed + i) % orders;
                            ParamList signed = Signer.SignParams("99bill.pay.request", Order(n), MerchantKey, "hash=sha256");
                            if (signed["signMsg"] != expected[n]
                                || !Signer.Verify("99bill.pay.request", signed, Cert, "hash=sha256"))
                                Interlocked.Increment(ref failures);
                            Interlocked.Increment(ref done);
                        }
                    });
                    threads[t].Start();
                }
                go.Set();
                foreach (Thread th in threads)
                    th.Join();
            }
            Assert.AreEqual(0, failures);
            Assert.AreEqual(threadCount * perThread, done);
            Assert.AreNotEqual(expected[0], expected[1]);
        }
    }
}
