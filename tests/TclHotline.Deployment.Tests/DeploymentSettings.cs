using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace TclHotline.Deployment.Tests;

/// <summary>
/// The settings a host gets in each layout, as environment variable names with the values the layout gives
/// them, secrets replaced by random values of the same shape (what an operator's .env or secret store holds).
/// </summary>
public static partial class DeploymentSettings
{
    public const string Compose = "compose";
    public const string Kubernetes = "kubernetes";
    public const string DockerRun = "docker run";

    /// <summary>Each host with each layout that runs it.</summary>
    public static TheoryData<string, string> Layouts
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var host in Hosts.All)
            {
                if (host.ComposeService is not null) data.Add(host.Name, Compose);
                if (host.KubernetesFile is not null) data.Add(host.Name, Kubernetes);
                if (host.ComposeService is null && host.KubernetesFile is null) data.Add(host.Name, DockerRun);
            }
            return data;
        }
    }

    public static IReadOnlyDictionary<string, string> Of(HostDeployment host, string layout)
    {
        var settings = DockerfileEnvironment(host);
        var own = layout switch
        {
            Compose => ComposeEnvironment(host.ComposeService!),
            Kubernetes => KubernetesEnvironment(host.KubernetesFile!),
            DockerRun => DockerRunEnvironment(host),
            _ => throw new ArgumentOutOfRangeException(nameof(layout)),
        };
        foreach (var (key, value) in own) settings[key] = value;
        return settings;
    }

    /// <summary>A random value that passes SQL Server's password policy and any length rule.</summary>
    public static string Secret() => "Aa1-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

    /// <summary>docker-compose config of the repository's file, every variable of .env.example given a random value.</summary>
    public static IReadOnlyList<YamlEntry> ComposeConfig => ResolvedCompose.Value;

    private static readonly Lazy<IReadOnlyList<YamlEntry>> ResolvedCompose = new(() =>
    {
        var env = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(env, Repository.Read(".env.example").Split('\n')
                .Where(l => l.Contains('=') && !l.TrimStart().StartsWith('#'))
                .Select(l => $"{l[..l.IndexOf('=')].Trim()}={Secret()}"));
            var result = DockerCompose.Run(env, "config");
            Assert.True(result.ExitCode == 0, $"docker-compose config failed ({result.ExitCode}): {result.Error}");
            return YamlPaths.Flatten(result.Output);
        }
        finally { File.Delete(env); }
    });

    /// <summary>The environment docker-compose gives a service (resolved: anchors merged, variables substituted).</summary>
    public static Dictionary<string, string> ComposeEnvironment(string service) =>
        ComposeConfig.Where(e => e.Under($"services.{service}.environment"))
            .ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);

    private const string Container = "spec.template.spec.containers.[]";

    /// <summary>
    /// A Deployment's environment: its ConfigMaps' data, then its env entries; a value read from a Secret is the
    /// one secrets.example.yaml shows, its &lt;placeholders&gt; filled with random values. A Secret key missing
    /// from the example fails, since then nobody knows to create it.
    /// </summary>
    public static Dictionary<string, string> KubernetesEnvironment(string file)
    {
        var manifest = YamlPaths.Documents(Repository.Read($"deploy/k8s/{file}"));
        var deployment = manifest.Single(d => d.Any(e => e.Path == "kind" && e.Value == "Deployment"));
        var configMaps = deployment.Where(e => e.Path == $"{Container}.envFrom.[].configMapRef.name").Select(e => e.Value).ToList();
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var map in manifest.Concat(YamlPaths.Documents(Repository.Read("deploy/k8s/common-config.yaml")))
                     .Where(d => d.Any(e => e.Path == "kind" && e.Value == "ConfigMap") && d.Any(e => e.Path == "metadata.name" && configMaps.Contains(e.Value))))
            foreach (var entry in map.Where(e => e.Under("data"))) environment[entry.Key] = entry.Value;

        var secrets = SecretsExample();
        string? name = null, secret = null;
        void Flush(string? value)
        {
            if (name is not null && value is not null) environment[name] = value;
        }
        foreach (var entry in deployment.Where(e => e.Under($"{Container}.env.[]")))
        {
            var field = entry.Path[($"{Container}.env.[]".Length + 1)..];
            switch (field)
            {
                case "name": name = entry.Value; secret = null; break;
                case "value": Flush(entry.Value); break;
                case "valueFrom.secretKeyRef.name": secret = entry.Value; break;
                case "valueFrom.secretKeyRef.key":
                    Assert.True(secrets.TryGetValue((secret!, entry.Value), out var example),
                        $"{file}: {name} reads Secret {secret} key {entry.Value}, which deploy/k8s/secrets.example.yaml does not show");
                    Flush(Placeholder().Replace(example!, _ => Secret()));
                    break;
            }
        }
        return environment;
    }

    private static Dictionary<(string Secret, string Key), string> SecretsExample() =>
        YamlPaths.Documents(Repository.Read("deploy/k8s/secrets.example.yaml"))
            .SelectMany(d => d.Where(e => e.Under("stringData")).Select(e => (Secret: d.Single(m => m.Path == "metadata.name").Value, e.Key, e.Value)))
            .ToDictionary(s => (s.Secret, s.Key), s => s.Value);

    /// <summary>A Dockerfile's ENV, what every layout of its image starts from.</summary>
    public static Dictionary<string, string> DockerfileEnvironment(HostDeployment host) =>
        DockerfileEnv().Matches(DockerImage.Text(host))
            .ToDictionary(m => m.Groups["key"].Value, m => m.Groups["value"].Value, StringComparer.Ordinal);

    /// <summary>The -e settings of the `docker run` its Dockerfile documents, "..." meaning a secret.</summary>
    private static Dictionary<string, string> DockerRunEnvironment(HostDeployment host) =>
        DockerRunSetting().Matches(DockerImage.Text(host))
            .ToDictionary(m => m.Groups["key"].Value, m => m.Groups["value"].Value == "..." ? Secret() : m.Groups["value"].Value, StringComparer.Ordinal);

    [GeneratedRegex(@"<[^<>]*>")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"(?<=^ENV\s+(?:[^\n]*\\\n)*?[^\n]*?)(?<key>\w+__\w+(?:__\w+)*)=(?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex DockerfileEnv();

    [GeneratedRegex(@"(?<=^#[^\n]*docker run\b[^\n]*)\s-e\s+(?<key>\w+)=(?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex DockerRunSetting();
}
