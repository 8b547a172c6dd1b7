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
            if (s == null)
                return null;
            byte[] bytes = null;
            Append(ref bytes, 0, s, paramName, paramName, null);
            return bytes;
        }

        /// <summary>
        /// Writes <paramref name="s"/> (not null) as UTF-8 and a NUL at <paramref name="pos"/>,
        /// growing <paramref name="buf"/> (or creating it when null) to fit; returns the
        /// position after the NUL. One pass: the room reserved is the worst case, three bytes per
        /// UTF-16 unit; ASCII is copied here (Mono's encoder costs more per call than the copy),
        /// the rest from the first non-ASCII unit on goes through the strict encoder. An embedded
        /// NUL or an unpaired surrogate throws ArgumentException(paramName) whose message starts
        /// with string.Format(<paramref name="what"/>, <paramref name="whatArg"/>), built only then.
        /// </summary>
        internal static int Append(ref byte[] buf, int pos, string s, string paramName, string what, string whatArg)
        {
            int n = s.Length;
            int need = pos + n * 3 + 1;
            if (buf == null)
                buf = new byte[need];
            else if (need > buf.Length)
                Array.Resize(ref buf, Math.Max(need, buf.Length * 2));
            byte[] b = buf;
            int i = 0;
            for (; i < n; i++)
            {
                char c = s[i];
                if (c >= 0x80)
                    break;
                if (c == '\0')
                    throw Refused(paramName, what, whatArg, EmbeddedNul, null);
                b[pos++] = (byte)c;
            }
            if (i < n)
            {
                if (s.IndexOf('\0', i) >= 0)
                    throw Refused(paramName, what, whatArg, EmbeddedNul, null);
                try
                {
                    pos += Strict.GetBytes(s, i, n - i, b, pos);
                }
                catch (EncoderFallbackException e)
                {
                    throw Refused(paramName, what, whatArg, "is not valid Unicode (unpaired surrogate)", e);
                }
            }
            b[pos] = 0;
            return pos + 1;
        }

        private const string EmbeddedNul = "contains an embedded NUL character";

        private static ArgumentException Refused(string paramName, string what, string whatArg,
            string why, Exception inner)
        {
            string subject = whatArg == null ? what : string.Format(what, whatArg);
            return new ArgumentException(subject + " " + why, paramName, inner);
        }

        internal static string FromBuffer(byte[] buf, int len)
        {
            return Lenient.GetString(buf, 0, len);
        }

        internal static string FromBuffer(byte[] buf, int at, int len)
        {
            return Lenient.GetString(buf, at, len);
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
