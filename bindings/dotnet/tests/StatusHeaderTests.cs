// Status against include/paysign.h, both ways: a status added to the C ABI without its C# member
// (or with another number) fails here, not in a merchant's catch block.
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using NUnit.Framework;
using PaySign;

namespace PaySign.Tests
{
    [TestFixture]
    public class StatusHeaderTests
    {
        // PAYSIGN_STALE_TIMESTAMP -> StaleTimestamp
        private static string CamelCase(string cName)
        {
            var sb = new StringBuilder();
            foreach (string part in cName.Split('_'))
                sb.Append(part.Substring(0, 1)).Append(part.Substring(1).ToLowerInvariant());
            return sb.ToString();
        }

        private static Dictionary<string, int> HeaderStatuses()
        {
            // VectorDir is <root>/testdata/vectors; the header is <root>/include/paysign.h.
            string root = Path.GetFullPath(Path.Combine(VectorTests.VectorDir, "../.."));
            string h = File.ReadAllText(Path.Combine(root, "include/paysign.h"));
            var out_ = new Dictionary<string, int>();
            foreach (Match m in Regex.Matches(h, @"^\s*PAYSIGN_([A-Z_]+) = (\d+),", RegexOptions.Multiline))
                out_[CamelCase(m.Groups[1].Value)] = int.Parse(m.Groups[2].Value);
            return out_;
        }

        [Test]
        public void EveryHeaderStatusIsAnEnumMember()
        {
            Dictionary<string, int> header = HeaderStatuses();
            Assert.GreaterOrEqual(header.Count, 18, "header parsed");
            foreach (KeyValuePair<string, int> e in header)
            {
                Status s;
                Assert.IsTrue(Enum.TryParse(e.Key, false, out s), "Status." + e.Key + " missing");
                Assert.AreEqual(e.Value, (int)s, "Status." + e.Key);
            }
        }

        [Test]
        public void EveryEnumMemberIsInTheHeader()
        {
            Dictionary<string, int> header = HeaderStatuses();
            foreach (Status s in Enum.GetValues(typeof(Status)))
            {
                Assert.IsTrue(header.ContainsKey(s.ToString()), s + " not in paysign.h");
                Assert.AreEqual(header[s.ToString()], (int)s, s.ToString());
            }
        }
    }
}
