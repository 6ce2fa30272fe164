using System.Diagnostics;
using System.Text.Json;
using Dapper;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Messaging;
using TclHotline.ServiceDefaults.Observability;
namespace TclHotline.ServiceDefaults.Outbox;

/// <summary>
/// Publishes a service's committed outbox rows to the bus and marks them sent. Rows of one aggregate go out
/// in the order they were written; different aggregates in parallel. A row published but not yet marked
/// (the process died in between) is published again with the same message id, and the consumers' inbox
/// absorbs it. While the broker is down the relay backs off and retries; nothing is dropped.
/// </summary>
public sealed class OutboxRelay<TDb>(
    TDb db,
    IBus bus,
    IOptions<OutboxOptions> options,
    IOptions<MessagingOptions> messaging,
    ILogger<OutboxRelay<TDb>> logger) : BackgroundService where TDb : ServiceDatabase
{
    private readonly OutboxOptions _options = options.Value;
    private readonly string _holder = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private DateTimeOffset _nextCleanup;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = _options.MinBackoff;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await TryHoldLeaseAsync(stoppingToken))
                {
                    await db.OutboxSignal.WaitAsync(_options.LeaseDuration / 2, stoppingToken);
                    continue;
                }
                var published = await RelayBatchAsync(stoppingToken);
                backoff = _options.MinBackoff;
                await CleanupIfDueAsync(stoppingToken);
                if (published < _options.BatchSize)
                    await db.OutboxSignal.WaitAsync(_options.PollInterval, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(Redact.DatabaseErrors(ex), "Outbox relay for {Service} failed; retrying in {Backoff}", db.Service, backoff);
                try { await Task.Delay(backoff, db.Time, stoppingToken); }
                catch (OperationCanceledException) { return; }
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _options.MaxBackoff.Ticks));
            }
        }
    }

    private async Task<bool> TryHoldLeaseAsync(CancellationToken ct)
    {
        await using var unit = await db.BeginAsync(ct);
        var now = unit.Now;
        var rows = await unit.ExecuteAsync(FoundationSql.HoldRelayLease, new { Holder = _holder, ExpiresAt = now + _options.LeaseDuration, Now = now });
        await unit.CommitAsync();
        return rows == 1;
    }

    /// <returns>How many rows were published.</returns>
    internal async Task<int> RelayBatchAsync(CancellationToken ct)
    {
        List<PendingMessage> pending;
        await using (var connection = await db.OpenAsync(ct))
        {
            pending = (await connection.QueryAsync<PendingMessage>(new CommandDefinition(
                FoundationSql.SelectPendingOutbox[db.Dialect], new { _options.BatchSize }, cancellationToken: ct))).AsList();
        }
        if (pending.Count == 0) return 0;

        var sent = new List<long>(pending.Count);
        var failures = new List<(long Sequence, string Error)>();
        await Task.WhenAll(pending.GroupBy(p => p.AggregateId).Select(async group =>
        {
            foreach (var message in group)
            {
                try
                {
                    await PublishAsync(message, ct);
                    lock (sent) sent.Add(message.Sequence);
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    lock (sent) failures.Add((message.Sequence, ex.GetType().Name + ": " + Redact.DatabaseMessage(ex.Message)));
                    break; // keep this aggregate's order: the rest waits for the next round
                }
            }
        }));

        await using (var unit = await db.BeginAsync(ct))
        {
            var now = unit.Now;
            if (sent.Count > 0)
                await unit.ExecuteAsync(FoundationSql.MarkOutboxSent, new { SentAt = now, Sequences = sent });
            foreach (var (sequence, error) in failures)
                await unit.ExecuteAsync(FoundationSql.CountOutboxFailure, new { Sequence = sequence, Error = Truncate(error) });
            await unit.CommitAsync();
            foreach (var message in pending.Where(p => sent.Contains(p.Sequence)))
                HotlineTelemetry.OutboxLag.Record((now - message.CreatedAt).TotalMilliseconds, new KeyValuePair<string, object?>("service", db.Service));
        }
        HotlineTelemetry.OutboxPublished.Add(sent.Count, new KeyValuePair<string, object?>("service", db.Service));
        if (failures.Count > 0)
            throw new OutboxPublishException($"{failures.Count} of {pending.Count} outbox messages of {db.Service} could not be published: {failures[0].Error}");
        return sent.Count;
    }

    private async Task PublishAsync(PendingMessage message, CancellationToken ct)
    {
        var type = MessageTypes.Resolve(message.MessageType);
        var body = JsonSerializer.Deserialize(message.Body, type, MessageTypes.Json)!;
        ActivityContext.TryParse(message.TraceParent, message.TraceState, isRemote: true, out var parent);
        using var activity = HotlineTelemetry.Source.StartActivity($"outbox publish {type.Name}", ActivityKind.Producer, parent);
        activity?.SetTag("messaging.message.id", message.MessageId);
        activity?.SetTag("tclhotline.service", db.Service);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.PublishTimeout);
        var copies = messaging.Value.DuplicateDeliveries ? 2 : 1; // test-only fault: every message twice
        for (var i = 0; i < copies; i++)
            await bus.Publish(body, type, context => context.MessageId = message.MessageId, timeout.Token);
    }

    private async Task CleanupIfDueAsync(CancellationToken ct)
    {
        var now = db.Time.GetUtcNow();
        if (now < _nextCleanup) return;
        _nextCleanup = now + _options.CleanupInterval;
        var cutoff = new { Cutoff = now - _options.Retention };
        await using var unit = await db.BeginAsync(ct);
        await unit.ExecuteAsync(FoundationSql.DeleteSentOutbox, cutoff);
        await unit.ExecuteAsync(FoundationSql.DeleteOldInbox, cutoff);
        await unit.ExecuteAsync(FoundationSql.DeleteOldIdempotency, cutoff);
        await unit.CommitAsync();
    }

    private static string Truncate(string s) => s.Length <= 1900 ? s : s[..1900];

    internal sealed class PendingMessage
    {
        public long Sequence { get; init; }
        public Guid MessageId { get; init; }
        public string AggregateId { get; init; } = "";
        public string MessageType { get; init; } = "";
        public string Body { get; init; } = "";
        public string? TraceParent { get; init; }
        public string? TraceState { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
    }
}

public sealed class OutboxPublishException(string message) : Exception(message);
