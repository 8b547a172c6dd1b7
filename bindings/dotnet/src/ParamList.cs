using System;
using System.Collections.Generic;

namespace PaySign
{
    /// <summary>
    /// An ordered list of name/value pairs: what Signer.SignParams and Signer.VerifyBody
    /// return, and a convenient thing to pass in. It is a plain
    /// List&lt;KeyValuePair&lt;string,string&gt;&gt; (order kept, duplicates allowed) with
    /// name lookup added. Names compare ordinally (case-sensitive), as gateways do.
    /// <code>
    /// var p = new ParamList { { "orderId", "42" }, { "orderAmount", "100" } };
    /// p["signType"] = "4";
    /// string id = p["orderId"];
    /// </code>
    /// </summary>
    [Serializable]
    public sealed class ParamList : List<KeyValuePair<string, string>>
    {
        public ParamList()
        {
        }

        public ParamList(int capacity) : base(capacity)
        {
        }

        public ParamList(IEnumerable<KeyValuePair<string, string>> pairs) : base(pairs)
        {
        }

        /// <summary>Appends a pair (also enables collection initialisers).</summary>
        public void Add(string name, string value)
        {
            Add(new KeyValuePair<string, string>(name, value));
        }

        /// <summary>
        /// Get: the value of the last pair with this name, or null when there is none (when a
        /// gateway appends its own field after a merchant's, the last one is the gateway's).
        /// Set: replaces the value of that pair in place, or appends a new pair.
        /// </summary>
        public string this[string name]
        {
            get
            {
                int i = LastIndexOfName(name);
                return i < 0 ? null : this[i].Value;
            }
            set
            {
                int i = LastIndexOfName(name);
                if (i < 0)
                    Add(name, value);
                else
                    this[i] = new KeyValuePair<string, string>(name, value);
            }
        }

        /// <summary>True when a pair with this name exists.</summary>
        public bool ContainsName(string name)
        {
            return LastIndexOfName(name) >= 0;
        }

        /// <summary>The value of the last pair with this name.</summary>
        public bool TryGetValue(string name, out string value)
        {
            int i = LastIndexOfName(name);
            value = i < 0 ? null : this[i].Value;
            return i >= 0;
        }

        /// <summary>Index of the last pair with this name, or -1.</summary>
        public int LastIndexOfName(string name)
        {
            for (int i = Count - 1; i >= 0; i--)
            {
                if (string.Equals(this[i].Key, name, StringComparison.Ordinal))
                    return i;
            }
            return -1;
        }
    }
}
