using TclHotline.ServiceDefaults.Branches;

namespace TclHotline.Testing;

/// <summary>
/// Branch catalogue entries as configuration settings, the way an operator adds a branch: for a test host's
/// settings, or (with <see cref="AsEnvironment"/>) a service process's environment.
/// </summary>
public static class TestBranches
{
    public static IReadOnlyList<KeyValuePair<string, string?>> Entry(
        string code,
        string serviceDirector,
        string regionalServiceManager,
        IReadOnlyList<string>? areas = null,
        string? name = null,
        string timeZone = "Asia/Shanghai")
    {
        var at = $"{BranchOptions.Section}:{nameof(BranchOptions.ByCode)}:{code}:";
        return
        [
            new(at + nameof(BranchSettings.Name), name ?? $"Branch {code}"),
            new(at + nameof(BranchSettings.TimeZone), timeZone),
            new(at + nameof(BranchSettings.ServiceDirector), serviceDirector),
            new(at + nameof(BranchSettings.RegionalServiceManager), regionalServiceManager),
            .. (areas ?? []).Select((area, i) => new KeyValuePair<string, string?>($"{at}{nameof(BranchSettings.Areas)}:{i}", area)),
        ];
    }

    /// <summary>Settings as environment variables (Branches__ByCode__SZ__Name).</summary>
    public static IEnumerable<KeyValuePair<string, string>> AsEnvironment(IEnumerable<KeyValuePair<string, string?>> settings) =>
        settings.Select(s => new KeyValuePair<string, string>(s.Key.Replace(":", "__", StringComparison.Ordinal), s.Value ?? ""));
}
