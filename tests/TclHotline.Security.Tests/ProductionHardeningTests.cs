using System.Security.Cryptography;
using System.Text.Json;
using Grpc.Core;
using Grpc.Reflection.V1Alpha;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using TclHotline.ServiceDefaults;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Testing;
using Xunit;

namespace TclHotline.Security.Tests;

/// <summary>
/// A host started in Production refuses signing keys anyone with the repository has (the development key,
/// the example's placeholder) and short ones, saying what to configure instead; and it shows neither gRPC
/// reflection nor its health checks' details to anonymous callers.
/// </summary>
public sealed class ProductionHardeningTests
{
    private static string RepositoryRoot => RepositoryFolder.Root;

    /// <summary>The intake host's folder: its appsettings.Development.json holds the development key, as published.</summary>
    private static string IntakeHostFolder => Path.Combine(RepositoryRoot, "services", "Intake", "TclHotline.Intake.Host");

    private static string DevelopmentKey()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(IntakeHostFolder, "appsettings.Development.json")));
        return json.RootElement.GetProperty("Security").GetProperty("Jwt").GetProperty("SigningKey").GetString()!;
    }

    private static string ExampleKey() =>
        File.ReadAllLines(Path.Combine(RepositoryRoot, ".env.example"))
            .Single(l => l.StartsWith("JWT_SIGNING_KEY=", StringComparison.Ordinal))["JWT_SIGNING_KEY=".Length..];

    private static string RandomKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));

    public static TheoryData<string> BadKeys => new() { "development", "example", "short" };

    private static string KeyFor(string which) => which switch
    {
        "development" => DevelopmentKey(),
        "example" => ExampleKey(),
        "short" => RandomKey()[..31],
        _ => throw new ArgumentOutOfRangeException(nameof(which)),
    };

    /// <summary>Starts the real composition of the intake host (its modules, its content root) in an environment.</summary>
    private static async Task<Microsoft.AspNetCore.Builder.WebApplication> StartIntakeHostAsync(string environment, string signingKey, string data)
    {
        var app = HotlineApp.Create([$"--environment={environment}", $"--contentRoot={IntakeHostFolder}"], builder =>
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Security:Jwt:SigningKey"] = signingKey,
                ["Messaging:Transport"] = "InMemory",
                ["Database:DataDirectory"] = data,
                ["Kestrel:Endpoints:Grpc:Url"] = $"http://127.0.0.1:{FreePort.Next()}",
                ["Kestrel:Endpoints:Http:Url"] = $"http://127.0.0.1:{FreePort.Next()}",
            }), new Intake.IntakeModule(), new Telephony.TelephonyModule());
        try
        {
            await app.StartAsync();
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    [Theory]
    [MemberData(nameof(BadKeys))]
    public async Task Production_refuses_to_start_with_a_dangerous_signing_key_and_says_what_to_configure(string which)
    {
        var key = KeyFor(which);
        var data = Path.Combine(Path.GetTempPath(), "tclhotline-key-" + Guid.NewGuid().ToString("N"));
        try
        {
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => StartIntakeHostAsync("Production", key, data));

            Assert.Contains("refused in Production", refused.Message, StringComparison.Ordinal);
            Assert.Contains("Security:Jwt:Authority", refused.Message, StringComparison.Ordinal);
            Assert.Contains("at least 32 bytes", refused.Message, StringComparison.Ordinal);
            Assert.Contains("deploy/README.md", refused.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(key, refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task Production_starts_with_a_random_key_and_development_keeps_its_development_key()
    {
        var data = Path.Combine(Path.GetTempPath(), "tclhotline-key-" + Guid.NewGuid().ToString("N"));
        try
        {
            await (await StartIntakeHostAsync("Production", RandomKey(), data)).DisposeAsync();
            await (await StartIntakeHostAsync("Development", DevelopmentKey(), data)).DisposeAsync();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public void Policy_refuses_the_development_files_key_even_without_a_placeholder_word()
    {
        var root = Path.Combine(Path.GetTempPath(), "tclhotline-root-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            var key = RandomKey();
            File.WriteAllText(Path.Combine(root, "appsettings.Development.json"), $$"""{ "Security": { "Jwt": { "SigningKey": "{{key}}" } } }""");
            using var files = new PhysicalFileProvider(root);

            Assert.Contains("appsettings.Development.json", SigningKeyPolicy.Refusal(key, files));
            Assert.Null(SigningKeyPolicy.Refusal(RandomKey(), files));
            Assert.Contains("has 31 bytes", SigningKeyPolicy.Refusal(RandomKey()[..31], files));
            Assert.NotNull(SigningKeyPolicy.Refusal(new string('a', 40), files));
        }
        finally { Directory.Delete(root, recursive: true); }
    }

    [Fact]
    public async Task Production_hides_reflection_and_health_details_development_shows_them()
    {
        var key = RandomKey();
        var settings = new KeyValuePair<string, string?>[] { new("Security:Jwt:SigningKey", key) };
        await using (var production = await TestHost.StartAsync(RefusalTests.AllModules(), settings, environment: "Production"))
        {
            var ready = await Eventually.Until(() => production.Http.GetAsync("/health/ready"), r => r.IsSuccessStatusCode, TimeSpan.FromSeconds(30));
            var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("Healthy", body.GetProperty("status").GetString());
            Assert.False(body.TryGetProperty("checks", out _), "Production health must not list its checks: " + body);
            Assert.True((await production.Http.GetAsync("/health/live")).IsSuccessStatusCode);

            var anonymous = await Assert.ThrowsAsync<RpcException>(() => ListServicesAsync(production.Channel()));
            Assert.Contains(anonymous.StatusCode, new[] { StatusCode.Unimplemented, StatusCode.Unauthenticated });
            var administrator = DevelopmentTokens.Mint(key, "ops", [HotlineRoles.Administrator], HotlineClaims.AllBranches);
            var authenticated = await Assert.ThrowsAsync<RpcException>(() => ListServicesAsync(production.Channel(administrator)));
            Assert.Equal(StatusCode.Unimplemented, authenticated.StatusCode);
        }

        await using (var enabled = await TestHost.StartAsync(RefusalTests.AllModules(),
            [.. settings, new("Grpc:EnableReflection", "true")], environment: "Production"))
        {
            var anonymous = await Assert.ThrowsAsync<RpcException>(() => ListServicesAsync(enabled.Channel()));
            Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
            var token = DevelopmentTokens.Mint(key, "ops", [HotlineRoles.Administrator], HotlineClaims.AllBranches);
            Assert.Contains("tclhotline.intake.v1.IntakeService", await ListServicesAsync(enabled.Channel(token)));
        }

        await using var development = await TestHost.StartAsync(RefusalTests.AllModules());
        var detailed = await Eventually.Until(() => development.Http.GetAsync("/health/ready"), r => r.IsSuccessStatusCode, TimeSpan.FromSeconds(30));
        Assert.True(JsonDocument.Parse(await detailed.Content.ReadAsStringAsync()).RootElement.TryGetProperty("checks", out _));
        Assert.Contains("tclhotline.intake.v1.IntakeService", await ListServicesAsync(development.Channel()));
    }

    private static async Task<IReadOnlyList<string>> ListServicesAsync(global::Grpc.Net.Client.GrpcChannel channel)
    {
        using (channel)
        {
            var client = new ServerReflection.ServerReflectionClient(channel);
            using var call = client.ServerReflectionInfo();
            await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
            await call.RequestStream.CompleteAsync();
            var names = new List<string>();
            await foreach (var response in call.ResponseStream.ReadAllAsync())
                names.AddRange(response.ListServicesResponse.Service.Select(s => s.Name));
            return names;
        }
    }
}
