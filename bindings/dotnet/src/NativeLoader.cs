using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace PaySign
{
    /// <summary>
    /// Finds the native library before the first real call, and says why when it cannot.
    /// <para>ASP.NET on .NET Framework shadow-copies bin\PaySign.dll to "Temporary ASP.NET
    /// Files" but not the native paysign.dll beside it, so DllImport("paysign") would not find
    /// it. When shadow copying is on, on Windows bin\paysign.dll is loaded by its full path
    /// first (DllImport then binds to the module already loaded); on Mono (Linux) the library
    /// is copied beside the shadow copy, where Mono's DllImport looks. Anywhere else the
    /// runtime's normal search applies (application directory, PATH, LD_LIBRARY_PATH, and on
    /// Mono the dllmap in PaySign.dll.config of the NuGet layout).</para>
    /// <para>A missing, corrupt or wrong-architecture library then fails once, here, with a
    /// DllNotFoundException that names every file looked at and the loader's reason for each,
    /// instead of the runtime's bare message at some later call.</para>
    /// </summary>
    internal static class NativeLoader
    {
        private static readonly object Lock = new object();
        private static volatile bool done;
        private static string failure;

        internal static void Ensure()
        {
            if (!done)
            {
                lock (Lock)
                {
                    if (!done)
                    {
                        try
                        {
                            PreloadFromOriginalDirectory();
                        }
                        catch (Exception)
                        {
                            // Best effort only: the normal DllImport search still applies.
                        }
                        failure = Probe();
                        done = true;
                    }
                }
            }
            if (failure != null)
                throw new DllNotFoundException(failure);
        }

        /// <summary>The first call into the library: null when it loads, else the explanation.</summary>
        private static string Probe()
        {
            try
            {
                NativeMethods.paysign_version();
                return null;
            }
            catch (DllNotFoundException e)
            {
                return Explain(e);
            }
            catch (BadImageFormatException e)
            {
                return Explain(e);
            }
            catch (EntryPointNotFoundException e)
            {
                return Explain(e);
            }
        }

        private static string AssemblyDirectory
        {
            get
            {
                string location = typeof(NativeLoader).Assembly.Location;
                return string.IsNullOrEmpty(location) ? AppDomain.CurrentDomain.BaseDirectory : Path.GetDirectoryName(location);
            }
        }

        private static bool IsWindows
        {
            get { return Environment.OSVersion.Platform == PlatformID.Win32NT; }
        }

        internal static string LibraryFileName
        {
            get
            {
                if (IsWindows)
                    return "paysign.dll";
                return Environment.OSVersion.Platform == PlatformID.MacOSX ? "libpaysign.dylib" : "libpaysign.so";
            }
        }

        /// <summary>Where a deployment puts the library: beside PaySign.dll, or in the NuGet
        /// layout's runtimes/RID/native/ two folders up.</summary>
        private static List<string> Candidates(string dir)
        {
            string name = LibraryFileName;
            var list = new List<string> { Path.Combine(dir, name) };
            string[] rids = IsWindows
                ? (IntPtr.Size == 8 ? new[] { "win-x64", "win-arm64" } : new[] { "win-x86" })
                : (IntPtr.Size == 8 ? new[] { "linux-x64", "linux-arm64" } : new[] { "linux-x86" });
            foreach (string rid in rids)
                list.Add(Path.GetFullPath(Path.Combine(dir, "..", "..", "runtimes", rid, "native", name)));
            return list;
        }

        private static string Explain(Exception e)
        {
            string location = typeof(NativeLoader).Assembly.Location;
            string dir = AssemblyDirectory;
            var why = new StringBuilder();
            why.Append("paysign: cannot load the native library ").Append(LibraryFileName)
               .Append(" (").Append(IntPtr.Size * 8).Append("-bit process) for ").Append(location)
               .Append(": ").Append(e.GetType().Name).Append(": ").Append(e.Message);
            foreach (string path in Candidates(dir))
            {
                why.Append("\n  ").Append(path).Append(": ");
                why.Append(File.Exists(path) ? TryLoad(path) : "not found");
            }
            why.Append("\n  Put the ").Append(IntPtr.Size * 8).Append("-bit ").Append(LibraryFileName)
               .Append(" beside PaySign.dll, or in a folder on ").Append(IsWindows ? "PATH" : "LD_LIBRARY_PATH").Append('.');
            return why.ToString();
        }

        /// <summary>The operating system loader's own reason for refusing the file.</summary>
        private static string TryLoad(string path)
        {
            try
            {
                if (IsWindows)
                {
                    IntPtr h = LoadLibraryW(path);
                    int err = Marshal.GetLastWin32Error();
                    if (h != IntPtr.Zero)
                        return "loads, but the runtime still could not bind to it";
                    if (err == 193)
                        return "Windows error 193: not a valid image for this process (wrong architecture, or not a DLL)";
                    if (err == 126)
                        return "Windows error 126: a DLL it depends on is missing";
                    return "Windows error " + err;
                }
                IntPtr handle = dlopen(path, 2 /* RTLD_NOW */);
                if (handle != IntPtr.Zero)
                {
                    dlclose(handle);
                    return "loads, but the runtime still could not bind to it";
                }
                IntPtr msg = dlerror();
                return (msg == IntPtr.Zero ? "refused by the loader" : Marshal.PtrToStringAnsi(msg)) + CpuNote(path);
            }
            catch (Exception e)
            {
                return "exists (the loader could not be asked why: " + e.GetType().Name + ")";
            }
        }

        /// <summary>
        /// The loader says "cannot open shared object file" for an ELF file of another CPU, as if
        /// it were missing; the file's own header tells which CPU it is for.
        /// </summary>
        private static string CpuNote(string path)
        {
            byte[] h = Head(path);
            if (h == null)
                return "";
            if (h[0] == 'M' && h[1] == 'Z')
                return " (the file is a Windows DLL)";
            if (h[0] != 0x7f || h[1] != 'E' || h[2] != 'L' || h[3] != 'F')
                return "";
            byte[] self = Head("/proc/self/exe");
            string cpu = ElfCpu(h), here = self == null ? "?" : ElfCpu(self);
            return cpu == here ? "" : " (the file is built for " + cpu + "; this process runs on " + here + ")";
        }

        /// <summary>A file's first 20 bytes (an ELF header's e_ident and e_machine), or null.</summary>
        private static byte[] Head(string path)
        {
            try
            {
                byte[] h = new byte[20];
                using (FileStream f = File.OpenRead(path))
                    return f.Read(h, 0, h.Length) == h.Length ? h : null;
            }
            catch (Exception)
            {
                return null;
            }
        }

        private static string ElfCpu(byte[] h)
        {
            string bits = h[4] == 2 ? "" : " 32-bit";
            switch (h[18] | h[19] << 8)
            {
                case 0x3e: return "x86_64" + bits;
                case 0xb7: return "aarch64" + bits;
                case 0x03: return "x86" + bits;
                case 0x28: return "arm" + bits;
                default: return "ELF machine " + (h[18] | h[19] << 8) + bits;
            }
        }

        private static void PreloadFromOriginalDirectory()
        {
            // CodeBase is where the assembly was loaded from before shadow copying (bin\).
            string codeBase = typeof(NativeLoader).Assembly.CodeBase;
            if (string.IsNullOrEmpty(codeBase))
                return;
            Uri uri = new Uri(codeBase);
            if (!uri.IsFile)
                return;
            string original = Path.Combine(Path.GetDirectoryName(uri.LocalPath), LibraryFileName);
            if (!File.Exists(original))
                return;
            if (IsWindows)
            {
                if (AppDomain.CurrentDomain.ShadowCopyFiles)
                    LoadLibraryW(original);
                return;
            }
            // Mono binds DllImport by file name in the assembly's own (shadow) folder, not by an
            // already-loaded path, so a preload does not help there: the library is copied beside
            // the shadow copy instead, once per shadow folder (ASP.NET makes a new one per build).
            string here = Path.Combine(AssemblyDirectory, LibraryFileName);
            if (string.Equals(Path.GetFullPath(here), Path.GetFullPath(original), StringComparison.Ordinal))
                return;
            var from = new FileInfo(original);
            var to = new FileInfo(here);
            if (!to.Exists || to.Length != from.Length || to.LastWriteTimeUtc != from.LastWriteTimeUtc)
            {
                string part = here + "." + Guid.NewGuid().ToString("N") + ".part";
                File.Copy(original, part, true);
                File.SetLastWriteTimeUtc(part, from.LastWriteTimeUtc);
                if (File.Exists(here))
                    File.Delete(here);
                File.Move(part, here);
            }
        }

        [DllImport("kernel32", CharSet = CharSet.Unicode, SetLastError = true, ExactSpelling = true)]
        private static extern IntPtr LoadLibraryW(string path);

        [DllImport("libdl.so.2", CharSet = CharSet.Ansi)]
        private static extern IntPtr dlopen(string path, int flags);

        [DllImport("libdl.so.2")]
        private static extern IntPtr dlerror();

        [DllImport("libdl.so.2")]
        private static extern int dlclose(IntPtr handle);
    }
}
