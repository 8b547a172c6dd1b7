using System;
using Microsoft.Win32.SafeHandles;

namespace PaySign
{
    /// <summary>
    /// A signing or verification key: an MD5/HMAC secret, a PEM/DER private or public key or
    /// certificate, a PKCS#12 (.pfx) file, or Allinpay's exponent/modulus text.
    /// A Key is immutable and may be shared by any number of threads; load it once and keep
    /// it (e.g. in a static field). Dispose frees the native key; disposing twice is harmless,
    /// and using a disposed key throws ObjectDisposedException.
    /// </summary>
    public sealed class Key : SafeHandleZeroOrMinusOneIsInvalid
    {
        static Key()
        {
            NativeLoader.Ensure();
        }

        // The UTF-8 copies of secrets and passwords are ours: zero them once the core has its
        // own copy (the managed string itself cannot be wiped).
        private static void Wipe(byte[] b)
        {
            if (b != null)
                Array.Clear(b, 0, b.Length);
        }

        // Used by the P/Invoke marshaller for `out Key`.
        private Key() : base(true)
        {
        }

        /// <summary>An MD5/HMAC merchant secret.</summary>
        public static Key Secret(string secret)
        {
            byte[] s = Utf8.ToNative(secret, "secret");
            try
            {
                Key key;
                int st = NativeMethods.paysign_key_secret(s, out key);
                return Check(st, key);
            }
            finally
            {
                Wipe(s);
            }
        }

        /// <summary>
        /// A key from bytes: PEM, DER, bare base64, PKCS#12 (.pfx) or Allinpay's text.
        /// <paramref name="password"/> is for PKCS#12 files; null when there is none.
        /// </summary>
        public static Key Load(byte[] data, string password)
        {
            byte[] pw = Utf8.ToNative(password, "password");
            try
            {
                UIntPtr len = data == null ? UIntPtr.Zero : (UIntPtr)data.Length;
                Key key;
                int st = NativeMethods.paysign_key_load(data, len, pw, out key);
                return Check(st, key);
            }
            finally
            {
                Wipe(pw);
            }
        }

        /// <summary>A key without a password (PEM, DER, certificate, Allinpay text).</summary>
        public static Key Load(byte[] data)
        {
            return Load(data, null);
        }

        /// <summary>
        /// A key read from a file by the native library. Pass an absolute path (on IIS the
        /// current directory is not the site; use Server.MapPath or HostingEnvironment.MapPath).
        /// </summary>
        public static Key FromFile(string path, string password)
        {
            byte[] p = Utf8.ToNative(path, "path");
            byte[] pw = Utf8.ToNative(password, "password");
            try
            {
                Key key;
                int st = NativeMethods.paysign_key_load_file(p, pw, out key);
                return Check(st, key);
            }
            finally
            {
                Wipe(pw);
            }
        }

        /// <summary>A key file without a password.</summary>
        public static Key FromFile(string path)
        {
            return FromFile(path, null);
        }

        /// <summary>
        /// A gateway's public certificate or key compiled into the native library, by name
        /// (see <see cref="Signer.BuiltinKeys"/>: "99bill.production", "99bill.sandbox",
        /// "alipay.sandbox", ...). An unknown name throws PaySignException with
        /// Status.InvalidArgument (11), the known names in its message. An expired certificate
        /// still loads and verifies what was signed with it.
        /// </summary>
        public static Key Builtin(string name)
        {
            byte[] n = Utf8.ToNative(name, "name");
            Key key;
            int st = NativeMethods.paysign_key_builtin(n, out key);
            return Check(st, key);
        }

        private static Key Check(int st, Key key)
        {
            if (st == (int)Status.Ok && key != null && !key.IsInvalid)
                return key;
            // Read the message before anything else can touch the thread's last error.
            PaySignException e = st == (int)Status.Ok
                ? new PaySignException(Status.Panic, "paysign returned OK without a key")
                : Native.Error(st);
            if (key != null)
                key.Dispose();
            throw e;
        }

        protected override bool ReleaseHandle()
        {
            NativeMethods.paysign_key_free(handle);
            return true;
        }
    }
}
