using System;
using System.IO;
using System.Runtime.InteropServices;

namespace PaySign
{
    /// <summary>
    /// ASP.NET on .NET Framework shadow-copies bin\PaySign.dll to "Temporary ASP.NET Files"
    /// but not the native paysign.dll beside it, so DllImport("paysign") would not find it.
    /// When shadow copying is on (Windows only), load bin\paysign.dll by its full path first;
    /// DllImport then binds to the module already loaded. Anywhere else this does nothing
    /// and the runtime's normal search applies (application directory, PATH,
    /// LD_LIBRARY_PATH).
    /// </summary>
    internal static class NativeLoader
    {
        private static readonly object Lock = new object();
        private static volatile bool done;

        internal static void Ensure()
        {
            if (done)
                return;
            lock (Lock)
            {
                if (done)
                    return;
                done = true;
                try
                {
                    PreloadFromOriginalDirectory();
                }
                catch (Exception)
                {
                    // Best effort only: the normal DllImport search still applies.
                }
            }
        }

        private static void PreloadFromOriginalDirectory()
        {
            if (Environment.OSVersion.Platform != PlatformID.Win32NT)
                return;
            if (!AppDomain.CurrentDomain.ShadowCopyFiles)
                return;
            // CodeBase is where the assembly was loaded from before shadow copying (bin\).
            string codeBase = typeof(NativeLoader).Assembly.CodeBase;
            if (string.IsNullOrEmpty(codeBase))
                return;
            Uri uri = new Uri(codeBase);
            if (!uri.IsFile)
                return;
            string dir = Path.GetDirectoryName(uri.LocalPath);
            string path = Path.Combine(dir, "paysign.dll");
            if (File.Exists(path))
                LoadLibraryW(path);
        }

        [DllImport("kernel32", CharSet = CharSet.Unicode, SetLastError = true, ExactSpelling = true)]
        private static extern IntPtr LoadLibraryW(string path);
    }
}
