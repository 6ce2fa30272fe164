namespace TclHotline.Dispatch.Seed;

/// <summary>The network shipped with the service (Seed/network.json), so a standalone host has one out of the box.</summary>
public static class NetworkSeed
{
    private const string ResourceName = "TclHotline.Dispatch.Seed.network.json";

    public static string DefaultJson()
    {
        using var stream = typeof(NetworkSeed).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
