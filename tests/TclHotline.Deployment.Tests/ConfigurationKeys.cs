using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using TclHotline.ServiceDefaults.Messaging;
using TclHotline.ServiceDefaults.Outbox;
using TclHotline.ServiceDefaults.Security;

namespace TclHotline.Deployment.Tests;

/// <summary>
/// Every configuration key the hosts really read, derived from the code rather than listed by hand: the bound
/// options classes, the keys the shared service defaults read by name, each service's connection string name,
/// the keys of the hosts' appsettings.json and those of the shipped branch catalogue. Deployment files may set only these.
/// </summary>
public static partial class ConfigurationKeys
{
    /// <summary>
    /// Read by the platform, not by our code: ASP.NET Core's environment and the OpenTelemetry SDK's documented
    /// exporter variables (the SDK reads them itself once OTEL_EXPORTER_OTLP_ENDPOINT turns the exporter on).
    /// </summary>
    private static readonly string[] Platform =
    [
        "ASPNETCORE_ENVIRONMENT",
        "OTEL_EXPORTER_OTLP_PROTOCOL",
        "OTEL_EXPORTER_OTLP_HEADERS",
        "OTEL_RESOURCE_ATTRIBUTES",
        "OTEL_SERVICE_NAME",
    ];

    public static IReadOnlySet<string> All { get; } = Derive();

    /// <summary>An environment variable name as a configuration key (Messaging__Host → Messaging:Host).</summary>
    public static string FromEnvironmentName(string name) => name.Replace("__", ":", StringComparison.Ordinal);

    public static bool Exists(string environmentName) => All.Contains(FromEnvironmentName(environmentName));

    private static HashSet<string> Derive()
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        AddOptions<MessagingOptions>(keys, "Messaging");
        AddOptions<OutboxOptions>(keys, "Outbox");
        AddOptions<SecurityOptions>(keys, "Security:Jwt");

        foreach (var file in Directory.EnumerateFiles(Repository.PathOf("services/ServiceDefaults"), "*.cs", SearchOption.AllDirectories))
        {
            if (IsBuildOutput(file)) continue;
            foreach (Match m in KeyReadByName().Matches(File.ReadAllText(file)))
                keys.Add(m.Groups["key"].Value);
        }

        foreach (var file in Directory.EnumerateFiles(Repository.PathOf("services"), "*Database.cs", SearchOption.AllDirectories))
        {
            if (IsBuildOutput(file)) continue;
            foreach (Match m in ServiceDatabaseName().Matches(File.ReadAllText(file)))
                keys.Add("ConnectionStrings:" + m.Groups["name"].Value);
        }

        foreach (var service in Repository.Services.Append("Standalone"))
        {
            var folder = Repository.PathOf($"services/{service}");
            foreach (var file in Directory.EnumerateFiles(folder, "appsettings*.json", SearchOption.AllDirectories))
                if (!IsBuildOutput(file)) AddJsonKeys(keys, JsonDocument.Parse(File.ReadAllText(file)).RootElement, "");
        }

        // The branch catalogue every host reads, shipped with ServiceDefaults: deployments change it key by key.
        var branches = Repository.PathOf("services/ServiceDefaults/TclHotline.ServiceDefaults/Branches/branches.json");
        AddJsonKeys(keys, JsonDocument.Parse(File.ReadAllText(branches)).RootElement, "");

        keys.UnionWith(Platform);
        return keys;
    }

    private static void AddOptions<T>(HashSet<string> keys, string section)
    {
        foreach (var p in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            keys.Add($"{section}:{p.Name}");
    }

    private static void AddJsonKeys(HashSet<string> keys, JsonElement element, string prefix)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            keys.Add(prefix);
            return;
        }
        foreach (var property in element.EnumerateObject())
            AddJsonKeys(keys, property.Value, prefix.Length == 0 ? property.Name : $"{prefix}:{property.Name}");
    }

    private static bool IsBuildOutput(string path) =>
        path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        || path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    /// <summary>configuration["Database:Provider"], GetValue("Grpc:MaxReceiveMessageBytes", …), ["OTEL_EXPORTER_OTLP_ENDPOINT"].</summary>
    [GeneratedRegex(@"(?:onfiguration\[|GetValue(?:<\w+>)?\()""(?<key>[A-Za-z_][\w]*(?::\w+)*)""")]
    private static partial Regex KeyReadByName();

    /// <summary>: ServiceDatabase("intake", …)</summary>
    [GeneratedRegex(@":\s*ServiceDatabase\(""(?<name>\w+)""")]
    private static partial Regex ServiceDatabaseName();
}
