using Xunit;

namespace TclHotline.Testing;

/// <summary>
/// One real broker shared by a test collection. Each test project declares
/// <c>[CollectionDefinition(RabbitMqFixture.Collection)] public class RabbitMqCollection : ICollectionFixture&lt;RabbitMqFixture&gt;;</c>
/// and marks its broker tests <c>[Collection(RabbitMqFixture.Collection)]</c> with <see cref="RabbitMqFactAttribute"/>.
/// </summary>
public sealed class RabbitMqFixture : IAsyncLifetime
{
    public const string Collection = "rabbitmq";

    public RabbitMqBroker Broker { get; } = new();

    public Task InitializeAsync() => RabbitMqBroker.IsInstalled ? Broker.StartAsync() : Task.CompletedTask;

    public async Task DisposeAsync() => await Broker.DisposeAsync();
}

/// <summary>A test that needs the real broker: skipped, saying why, only when rabbitmq-server is not installed.</summary>
public sealed class RabbitMqFactAttribute : FactAttribute
{
    public RabbitMqFactAttribute()
    {
        if (!RabbitMqBroker.IsInstalled)
            Skip = $"{RabbitMqBroker.ServerBinary} not found: install the rabbitmq-server package (./test.sh does) to run broker tests.";
    }
}
