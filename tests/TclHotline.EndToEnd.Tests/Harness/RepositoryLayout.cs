using TclHotline.Testing;

namespace TclHotline.EndToEnd.Tests.Harness;

/// <summary>Where the service hosts were built: found from the repository root (the folder holding TclHotline.sln).</summary>
public static class RepositoryLayout
{
    public static string Root => RepositoryFolder.Root;

    /// <summary>The build configuration this test assembly was built in (Debug or Release); the hosts share it.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    public static string HostAssembly(string service) => service == SystemUnderTest.Standalone
        ? Path.Combine(Root, "services", service, "TclHotline.Standalone", "bin", Configuration, "net10.0", "TclHotline.Standalone.dll")
        : Path.Combine(Root, "services", service, $"TclHotline.{service}.Host", "bin", Configuration, "net10.0", $"TclHotline.{service}.Host.dll");
}
