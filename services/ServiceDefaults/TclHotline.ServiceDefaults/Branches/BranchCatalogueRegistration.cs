using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace TclHotline.ServiceDefaults.Branches;

public static class BranchCatalogueRegistration
{
    private const string ResourceName = "TclHotline.ServiceDefaults.Branches.branches.json";

    private static readonly Lazy<IReadOnlyList<KeyValuePair<string, string?>>> Shipped = new(ReadShipped);

    /// <summary>
    /// Puts the shipped catalogue beneath every other configuration source (so appsettings, the environment and the
    /// command line override or extend it) and registers <see cref="BranchCatalogue"/>, checked when the host starts.
    /// </summary>
    public static void AddBranchCatalogue(this IHostApplicationBuilder builder)
    {
        builder.Configuration.Sources.Insert(0, ShippedSource());
        builder.Services.AddOptions<BranchOptions>()
            .Bind(builder.Configuration.GetSection(BranchOptions.Section))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<BranchOptions>, BranchOptionsValidation>();
        builder.Services.AddSingleton(sp => new BranchCatalogue(sp.GetRequiredService<IOptions<BranchOptions>>().Value));
    }

    /// <summary>The shipped catalogue as a configuration source of its own.</summary>
    public static IConfigurationBuilder AddShippedBranches(this IConfigurationBuilder configuration) => configuration.Add(ShippedSource());

    // Key/value pairs rather than a JSON stream source: a stream can be read once, and the host re-reads every
    // source whenever one is added after this.
    private static MemoryConfigurationSource ShippedSource() => new() { InitialData = Shipped.Value };

    private static IReadOnlyList<KeyValuePair<string, string?>> ReadShipped()
    {
        using var stream = typeof(BranchCatalogueRegistration).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        return [.. new ConfigurationBuilder().AddJsonStream(stream).Build().AsEnumerable().Where(kv => kv.Value is not null)];
    }

    private sealed class BranchOptionsValidation : IValidateOptions<BranchOptions>
    {
        public ValidateOptionsResult Validate(string? name, BranchOptions options) =>
            BranchCatalogue.Problems(options) is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
