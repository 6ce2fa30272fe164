using System.Text.RegularExpressions;

namespace TclHotline.Deployment.Tests;

/// <summary>
/// The Dockerfile a host's image is built from, as docker build reads it for that host: a host compose runs is
/// built the way its compose service says (services/Dockerfile and the service's build args), any other from the
/// Dockerfile in its own folder. <see cref="Text"/> has the build args and the ENV names they set filled in, so
/// tests read one host's recipe as if it had been written for that host alone.
/// </summary>
public static partial class DockerImage
{
    public static string DockerfileOf(HostDeployment host) =>
        host.ComposeService is null ? $"services/{host.Name}/Dockerfile" : Build(host, "dockerfile").Single().Value;

    /// <summary>The build args compose gives the host's image (none for a host compose does not run).</summary>
    public static IReadOnlyDictionary<string, string> BuildArgsOf(HostDeployment host) =>
        host.ComposeService is null
            ? new Dictionary<string, string>()
            : Build(host, "args").Where(e => e.Under($"services.{host.ComposeService}.build.args")).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);

    public static string Text(HostDeployment host)
    {
        var text = Substitute(Repository.Read(DockerfileOf(host)), BuildArgsOf(host));
        // A build arg is gone at run time, so the entry point and the health check read the ENV it set.
        var env = EnvSetting().Matches(text).ToDictionary(m => m.Groups["key"].Value, m => m.Groups["value"].Value, StringComparer.Ordinal);
        return Substitute(text, env);
    }

    private static IEnumerable<YamlEntry> Build(HostDeployment host, string key) =>
        DeploymentSettings.ComposeConfig.Where(e => e.Path == $"services.{host.ComposeService}.build.{key}" || e.Under($"services.{host.ComposeService}.build.{key}"));

    private static string Substitute(string text, IReadOnlyDictionary<string, string> variables) =>
        Variable().Replace(text, m => variables.TryGetValue(m.Groups["name"].Value, out var value) ? value : m.Value);

    [GeneratedRegex(@"\$\{(?<name>\w+)\}")]
    private static partial Regex Variable();

    [GeneratedRegex(@"(?<=^ENV\s+(?:[^\n]*\\\n)*?[^\n]*?)(?<key>\w+)=(?<value>[^\s\\]+)", RegexOptions.Multiline)]
    private static partial Regex EnvSetting();
}
