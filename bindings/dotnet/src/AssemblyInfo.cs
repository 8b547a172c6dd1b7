using System;
using System.Reflection;

[assembly: AssemblyTitle("PaySign")]
[assembly: AssemblyDescription("P/Invoke wrapper for the paysign native library")]
[assembly: AssemblyProduct("paysign")]
[assembly: AssemblyVersion("0.1.0.0")]
[assembly: AssemblyFileVersion("0.1.0.0")]
[assembly: AssemblyInformationalVersion("0.1.0")]
[assembly: CLSCompliant(true)]
