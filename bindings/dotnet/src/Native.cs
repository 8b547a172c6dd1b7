using System;
using System.Collections.Generic;

namespace PaySign
{
    /// <summary>Helpers around NativeMethods: errors, output buffers, params handles.</summary>
    internal static class Native
    {
        private const int InitialBuffer = 1024;

        internal delegate int BufferCall(byte[] buf, UIntPtr cap, out UIntPtr outLen);

        /// <summary>
        /// The exception for a failing status. Must run right after the failing call, on the
        /// same thread: it reads the core's thread-local last-error message.
        /// </summary>
        internal static PaySignException Error(int status)
        {
            return new PaySignException((Status)status, LastError());
        }

        internal static string LastError()
        {
            byte[] buf = new byte[InitialBuffer];
            ulong len = NativeMethods.paysign_last_error(buf, (UIntPtr)buf.Length).ToUInt64();
            if (len >= (ulong)buf.Length && len < int.MaxValue)
            {
                buf = new byte[len + 1];
                len = NativeMethods.paysign_last_error(buf, (UIntPtr)buf.Length).ToUInt64();
            }
            if (len > (ulong)(buf.Length - 1))
                len = (ulong)(buf.Length - 1);
            return Utf8.FromBuffer(buf, (int)len);
        }

        /// <summary>
        /// Runs a call that writes text to a caller buffer: the thread's spare buffer (1024
        /// bytes or more) first, then once more with exactly out_len + 1 on
        /// PAYSIGN_BUFFER_TOO_SMALL.
        /// </summary>
        internal static string CallForString(BufferCall call)
        {
            return CallFor(call, Utf8.FromBuffer);
        }

        /// <summary>As <see cref="CallForString"/>, with <paramref name="read"/> taking the output bytes.</summary>
        private static T CallFor<T>(BufferCall call, Func<byte[], int, T> read)
        {
            byte[] buf = Rent(InitialBuffer);
            UIntPtr outLen = UIntPtr.Zero;
            try
            {
                int st = call(buf, (UIntPtr)buf.Length, out outLen);
                if (st == (int)Status.BufferTooSmall)
                {
                    ulong need = outLen.ToUInt64() + 1;
                    if (need <= (ulong)buf.Length || need > int.MaxValue)
                        throw Error(st);
                    buf = new byte[need];
                    st = call(buf, (UIntPtr)buf.Length, out outLen);
                }
                if (st != (int)Status.Ok)
                    throw Error(st);
                ulong len = outLen.ToUInt64();
                if (len >= (ulong)buf.Length)
                    throw new PaySignException(Status.Panic, "paysign reported an output length beyond the buffer");
                return read(buf, (int)len);
            }
            finally
            {
                ulong used = outLen.ToUInt64() + 1;
                Return(buf, used < (ulong)buf.Length ? (int)used : buf.Length);
            }
        }

        /// <summary>
        /// For results that are often long and costly to compute (a diagnosis report is
        /// recomputed on every call): <paramref name="first"/> bytes first, then the size the
        /// core reports while it answers PAYSIGN_BUFFER_TOO_SMALL, three calls at most.
        /// </summary>
        internal static string CallForLongString(BufferCall call, int first)
        {
            byte[] buf = new byte[first];
            UIntPtr outLen;
            int st = call(buf, (UIntPtr)buf.Length, out outLen);
            for (int attempt = 1; attempt < 3 && st == (int)Status.BufferTooSmall; attempt++)
            {
                ulong need = outLen.ToUInt64() + 1;
                if (need <= (ulong)buf.Length || need > int.MaxValue)
                    break;
                buf = new byte[need];
                st = call(buf, (UIntPtr)buf.Length, out outLen);
            }
            if (st != (int)Status.Ok)
                throw Error(st);
            ulong len = outLen.ToUInt64();
            if (len >= (ulong)buf.Length)
                throw new PaySignException(Status.Panic, "paysign reported an output length beyond the buffer");
            return Utf8.FromBuffer(buf, (int)len);
        }

        /// <summary>
        /// Text from a function that truncates to fit and returns the full length
        /// (paysign_builtin_keys): 1024 bytes first, then the full length.
        /// </summary>
        internal static string CallTruncating(Func<byte[], UIntPtr, UIntPtr> call)
        {
            byte[] buf = new byte[InitialBuffer];
            ulong len = call(buf, (UIntPtr)buf.Length).ToUInt64();
            if (len >= (ulong)buf.Length && len < int.MaxValue)
            {
                buf = new byte[len + 1];
                len = call(buf, (UIntPtr)buf.Length).ToUInt64();
            }
            if (len > (ulong)(buf.Length - 1))
                len = (ulong)(buf.Length - 1);
            return Utf8.FromBuffer(buf, (int)len);
        }

        /// <summary>
        /// A native params list with the pairs in order (IntPtr.Zero for null). The caller frees
        /// it with paysign_params_free in a finally block. All pairs cross in one call
        /// (paysign_params_set_all) as one UTF-8 buffer, name NUL value NUL ...; a name given
        /// twice replaces the earlier value in place, as paysign_params_set does.
        /// </summary>
        internal static IntPtr BuildParams(IEnumerable<KeyValuePair<string, string>> parameters, string paramName)
        {
            if (parameters == null)
                return IntPtr.Zero;
            byte[] buf = Rent(InitialBuffer);
            int len = 0;
            bool packed = false;
            try
            {
                // A List (ParamList is one) is walked by index: no boxed enumerator.
                List<KeyValuePair<string, string>> list = parameters as List<KeyValuePair<string, string>>;
                if (list != null)
                {
                    for (int i = 0; i < list.Count; i++)
                        len = Pack(ref buf, len, list[i], paramName);
                }
                else
                {
                    foreach (KeyValuePair<string, string> kv in parameters)
                        len = Pack(ref buf, len, kv, paramName);
                }
                packed = true;
                IntPtr h = NativeMethods.paysign_params_new();
                if (h == IntPtr.Zero)
                    throw new PaySignException(Status.Panic, "paysign_params_new returned NULL");
                int st = NativeMethods.paysign_params_set_all(h, buf, (UIntPtr)len);
                if (st != (int)Status.Ok)
                {
                    PaySignException e = Error(st);
                    NativeMethods.paysign_params_free(h);
                    throw e;
                }
                return h;
            }
            finally
            {
                // A field refused half-way may have left bytes past len.
                Return(buf, packed ? len : buf.Length);
            }
        }

        // Appends "name NUL value NUL". A null name or value has no place in the buffer: it is
        // the NULL_ARGUMENT that paysign_params_set gives for a NULL pointer.
        private static int Pack(ref byte[] buf, int pos, KeyValuePair<string, string> kv, string paramName)
        {
            if (kv.Key == null)
                throw new PaySignException(Status.NullArgument, "a parameter name is null");
            if (kv.Value == null)
                throw new PaySignException(Status.NullArgument, "the value of parameter '" + kv.Key + "' is null");
            pos = Utf8.Append(ref buf, pos, kv.Key, paramName, "a parameter name", null);
            return Utf8.Append(ref buf, pos, kv.Value, paramName, "the value of parameter '{0}'", kv.Key);
        }

        // One spare buffer per thread for what crosses the boundary and is not kept (the packed
        // fields, a signature or field on its way back). Taken out while in use, so a nested
        // call simply allocates; the bytes used are cleared on return (a sign string holds the
        // secret); one that grew past MaxSpare is dropped.
        [ThreadStatic]
        private static byte[] spare;
        private const int MaxSpare = 64 * 1024;

        private static byte[] Rent(int size)
        {
            byte[] b = spare;
            if (b == null || b.Length < size)
                return new byte[size];
            spare = null;
            return b;
        }

        private static void Return(byte[] buf, int used)
        {
            if (buf.Length > MaxSpare)
                return;
            Array.Clear(buf, 0, Math.Min(used, buf.Length));
            spare = buf;
        }

        /// <summary>The whole list in one call (paysign_params_get_all: name NUL value NUL ...).</summary>
        internal static ParamList ReadParams(IntPtr h)
        {
            return CallFor(delegate(byte[] b, UIntPtr c, out UIntPtr l)
            {
                return NativeMethods.paysign_params_get_all(h, b, c, out l);
            }, Unpack);
        }

        /// <summary>Pairs from <paramref name="len"/> bytes of name NUL value NUL ...</summary>
        private static ParamList Unpack(byte[] buf, int len)
        {
            ParamList list = new ParamList();
            int at = 0;
            while (at < len)
            {
                int nameEnd = Array.IndexOf(buf, (byte)0, at, len - at);
                int valueEnd = nameEnd < 0 ? -1 : Array.IndexOf(buf, (byte)0, nameEnd + 1, len - nameEnd - 1);
                if (valueEnd < 0)
                    throw new PaySignException(Status.Panic, "paysign returned a packed list without its NULs");
                list.Add(Utf8.FromBuffer(buf, at, nameEnd - at), Utf8.FromBuffer(buf, nameEnd + 1, valueEnd - nameEnd - 1));
                at = valueEnd + 1;
            }
            return list;
        }

        internal static void FreeParams(IntPtr h)
        {
            if (h != IntPtr.Zero)
                NativeMethods.paysign_params_free(h);
        }

        /// <summary>"name=value&amp;name=value" from a map (null for null). Values are not encoded.</summary>
        internal static string JoinOptions(IDictionary<string, string> options)
        {
            if (options == null)
                return null;
            List<string> parts = new List<string>(options.Count);
            foreach (KeyValuePair<string, string> kv in options)
                parts.Add(kv.Key + "=" + kv.Value);
            return string.Join("&", parts.ToArray());
        }
    }
}
