using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TclHotline.Grpc.Intake.V1;
using TclHotline.Intake.Tests.Support;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Testing;

namespace TclHotline.Intake.Tests.Functional;

/// <summary>
/// The intake module in a real host on a clock fixed at <see cref="Call.Today"/> 10:00 Beijing time
/// (advancing a little on every reading, so instants stay ordered), with helpers to read its database.
/// </summary>
public sealed class IntakeHost : IAsyncDisposable
{
    private IntakeHost(TestHost host) => Host = host;

    public TestHost Host { get; }

    public static async Task<IntakeHost> StartAsync(string? dataDirectory = null)
    {
        var clock = new FakeTimeProvider(Clock.Local(Call.Today)) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };
        var host = await TestHost.StartAsync([new IntakeModule()],
            configure: b => b.Services.AddSingleton<TimeProvider>(clock), dataDirectory: dataDirectory);
        return new IntakeHost(host);
    }

    public IntakeService.IntakeServiceClient ClientAs(string role = HotlineRoles.Agent, string branch = HotlineClaims.AllBranches) =>
        new(Host.ChannelAs(role, branch));

    public async Task<long> CountAsync(string table, string where = "1 = 1", object? param = null)
    {
        await using var c = await Host.Services.GetRequiredService<IntakeDatabase>().OpenAsync();
        return await c.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table} WHERE {where}", param);
    }

    public async Task<IReadOnlyList<OutboxRow>> OutboxAsync(string messageType)
    {
        await using var c = await Host.Services.GetRequiredService<IntakeDatabase>().OpenAsync();
        return [.. await c.QueryAsync<OutboxRow>(
            "SELECT aggregate_id, body, sent_at FROM outbox_messages WHERE message_type = @Type ORDER BY sequence",
            new { Type = "TclHotline.Messages.Intake." + messageType })];
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}

public sealed class OutboxRow
{
    public string AggregateId { get; init; } = "";
    public string Body { get; init; } = "";
    public long? SentAt { get; init; }
}
