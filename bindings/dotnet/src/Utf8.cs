using System;
using System.Runtime.InteropServices;
using System.Text;

namespace PaySign
{
    /// <summary>UTF-8 conversions at the C boundary.</summary>
    internal static class Utf8
    {
        // Throws on lone surrogates instead of silently writing U+FFFD.
        private static readonly UTF8Encoding Strict = new UTF8Encoding(false, true);
        // Text coming back from the core is UTF-8 by contract; decode leniently.
        private static readonly UTF8Encoding Lenient = new UTF8Encoding(false, false);

        /// <summary>
        /// NUL-terminated UTF-8 bytes for a C string, or null (a NULL pointer) for null.
        /// An embedded NUL would silently cut the string short in C, so it is refused.
        /// </summary>
        internal static byte[] ToNative(string s, string paramName)
        {
            return ToNative(s, paramName, null);
        }

        internal static byte[] ToNative(string s, string paramName, string what)
        {
            if (s == null)
                return null;
            if (s.IndexOf('\0') >= 0)
                throw new ArgumentException(
                    (what ?? paramName) + " contains an embedded NUL character", paramName);
            try
            {
                int n = Strict.GetByteCount(s);
                byte[] bytes = new byte[n + 1];
                Strict.GetBytes(s, 0, s.Length, bytes, 0);
                return bytes;
            }
            catch (EncoderFallbackException e)
            {
                throw new ArgumentException(
                    (what ?? paramName) + " is not valid Unicode (unpaired surrogate)", paramName, e);
            }
        }

        internal static string FromBuffer(byte[] buf, int len)
        {
            return Lenient.GetString(buf, 0, len);
        }

        /// <summary>A static NUL-terminated C string owned by the library.</summary>
        internal static string FromStatic(IntPtr p)
        {
            if (p == IntPtr.Zero)
                return null;
            int len = 0;
            while (Marshal.ReadByte(p, len) != 0)
                len++;
            byte[] bytes = new byte[len];
            Marshal.Copy(p, bytes, 0, len);
            return Lenient.GetString(bytes);
        }
    }
}
