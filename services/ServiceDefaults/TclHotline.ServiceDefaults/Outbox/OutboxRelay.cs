using System.Collections.Concurrent;
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
/// <para>
/// On RabbitMQ a confirmed publish is durable, so the row is marked sent then. On the in-memory bus the
/// message lives only in this process until consumed, so the row is marked sent only once every consumer
/// endpoint of the message has committed its unit of work (<see cref="ConsumerAcknowledgements"/>); a crash
/// before that leaves the row unsent, and the relay of the restarted process publishes it again.
/// </para>
/// <para>
/// A row that keeps failing for a reason of its own moves to the dead-letter table after
/// <see cref="OutboxOptions.MaxAttempts"/>, so it stops holding back its aggregate's later rows. One relay per
/// database holds the lease, renewed while it publishes; a relay that cannot renew stops publishing before
/// its lease can pass to another, so two relays never publish the same rows at once.
/// </para>
/// </summary>
public sealed class OutboxRelay<TDb>(
    TDb db,
    IBus bus,
    IOptions<OutboxOptions> options,
    IOptions<MessagingOptions> messaging,
    ConsumerAcknowledgements acknowledgements,
    ILogger<OutboxRelay<TDb>> logger) : BackgroundService where TDb : ServiceDatabase
{
    private readonly OutboxOptions _options = options.Value;
    private readonly bool _awaitConsumers = !messaging.Value.IsRabbitMq;
    private readonly string _holder = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private readonly ConcurrentDictionary<long, InFlight> _inFlight = new();
    private long _cursor;
    private DateTimeOffset _leaseUntil;
    private DateTimeOffset _nextCleanup;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = _options.MinBackoff;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!LeaseFresh && !await TryHoldLeaseAsync(stoppingToken))
                {
                    ForgetInFlight(); // the holder publishes them now
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
        ForgetInFlight();
    }

    private async Task<bool> TryHoldLeaseAsync(CancellationToken ct)
    {
        await using var unit = await db.BeginAsync(ct);
        var now = unit.Now;
        var rows = await unit.ExecuteAsync(FoundationSql.HoldRelayLease, new { Holder = _holder, ExpiresAt = now + _options.LeaseDuration, Now = now });
        await unit.CommitAsync();
        if (rows == 1) _leaseUntil = now + _options.LeaseDuration;
        return rows == 1;
    }

    /// <summary>Renews the lease every third of its duration while a round publishes; cancels the round once it cannot.</summary>
    private async Task KeepLeaseAsync(CancellationTokenSource publishing, CancellationToken roundDone)
    {
        while (!roundDone.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_options.LeaseDuration / 3, db.Time, roundDone);
                if (await TryHoldLeaseAsync(roundDone)) continue;
                logger.LogWarning("Outbox relay for {Service} lost its lease while publishing; stopping the round", db.Service);
                await publishing.CancelAsync();
                return;
            }
            catch (OperationCanceledException) when (roundDone.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A busy database: the lease is still ours until it expires; try again unless it is about to.
                if (db.Time.GetUtcNow() < _leaseUntil - _options.LeaseDuration / 3) continue;
                logger.LogWarning(ex, "Outbox relay for {Service} could not renew its lease; stopping the round", db.Service);
                await publishing.CancelAsync();
                return;
            }
        }
    }

    private bool LeaseHeld => db.Time.GetUtcNow() < _leaseUntil;

    /// <summary>
    /// Renewed less than a third of its duration ago: a round may start without renewing it (a write of its own,
    /// which under load was one more unit of work per round); a long round renews it as it goes.
    /// </summary>
    private bool LeaseFresh => db.Time.GetUtcNow() + 2 * (_options.LeaseDuration / 3) < _leaseUntil;

    /// <returns>How many rows were handed to the bus.</returns>
    internal async Task<int> RelayBatchAsync(CancellationToken ct)
    {
        var sent = new List<long>();
        var failures = new List<Failure>();
        var delivered = new List<PendingMessage>();
        if (_awaitConsumers) SettleInFlight(sent, failures, delivered);

        var selected = new List<PendingMessage>();
        if (!_awaitConsumers || _inFlight.Count < _options.MaxInFlight)
        {
            await using var connection = await db.OpenAsync(ct);
            selected = (await connection.QueryAsync<PendingMessage>(new CommandDefinition(
                FoundationSql.SelectPendingOutbox[db.Dialect], new { _options.BatchSize, After = _awaitConsumers ? _cursor : 0 }, cancellationToken: ct))).AsList();
        }
        var pending = selected.Where(p => !_inFlight.ContainsKey(p.Sequence)).ToList();

        var handed = new ConcurrentDictionary<long, bool>();
        if (pending.Count > 0)
        {
            using var publishing = CancellationTokenSource.CreateLinkedTokenSource(ct);
            using var roundDone = new CancellationTokenSource();
            var renewal = KeepLeaseAsync(publishing, roundDone.Token);
            try
            {
                await Task.WhenAll(pending.GroupBy(p => p.AggregateId).Select(group => PublishGroupAsync(group, handed, sent, failures, delivered, publishing.Token)));
            }
            finally
            {
                await roundDone.CancelAsync();
                await renewal;
            }
            ct.ThrowIfCancellationRequested();
        }
        if (_awaitConsumers && selected.Count > 0) AdvanceCursor(selected, handed);

        var transportFailures = failures.Count(f => !f.OwnFault);
        try
        {
            await RecordAsync(sent, failures, delivered, ct);
        }
        catch when (_awaitConsumers && sent.Count + failures.Count > 0)
        {
            _cursor = Math.Min(_cursor, sent.Concat(failures.Select(f => f.Sequence)).Min() - 1); // not recorded: publish them again
            throw;
        }
        if (transportFailures > 0)
            throw new OutboxPublishException($"{transportFailures} of {pending.Count} outbox messages of {db.Service} could not be published: {failures.First(f => !f.OwnFault).Error}");
        return handed.Count;
    }

    private async Task PublishGroupAsync(
        IEnumerable<PendingMessage> group, ConcurrentDictionary<long, bool> handed, List<long> sent, List<Failure> failures,
        List<PendingMessage> delivered, CancellationToken publishing)
    {
        foreach (var message in group)
        {
            if (publishing.IsCancellationRequested || !LeaseHeld) return; // the rest waits for the lease holder
            try
            {
                var (type, body) = Prepare(message);
                var consumed = _awaitConsumers ? acknowledgements.AwaitConsumers(message.MessageId, type) : null;
                if (consumed is { IsCompleted: false }) _inFlight[message.Sequence] = new InFlight(message, consumed, Environment.TickCount64);
                try
                {
                    await PublishAsync(message, type, body, publishing);
                }
                catch
                {
                    _inFlight.TryRemove(message.Sequence, out _);
                    acknowledgements.Forget(message.MessageId);
                    throw;
                }
                handed[message.Sequence] = true;
                if (!_inFlight.ContainsKey(message.Sequence)) // no consumer to wait for
                {
                    lock (sent)
                    {
                        sent.Add(message.Sequence);
                        delivered.Add(message);
                    }
                }
            }
            catch (OperationCanceledException) when (publishing.IsCancellationRequested)
            {
                return; // lease lost or stopping: not a failure of this row
            }
            catch (Exception ex)
            {
                lock (sent) failures.Add(new Failure(message.Sequence, ex.GetType().Name + ": " + Redact.DatabaseMessage(ex.Message), ex is UndeliverableMessageException));
                return; // keep this aggregate's order: the rest waits for the next round
            }
        }
    }

    /// <summary>In-memory bus: rows whose consumers have all committed are sent; rows one gave up on, or that waited too long, fail once and go out again.</summary>
    private void SettleInFlight(List<long> sent, List<Failure> failures, List<PendingMessage> delivered)
    {
        var now = Environment.TickCount64;
        foreach (var (sequence, inFlight) in _inFlight)
        {
            string? error;
            if (inFlight.Consumed.IsCompleted) error = inFlight.Consumed.Result;
            else if (now - inFlight.Since > (long)_options.AcknowledgementTimeout.TotalMilliseconds)
            {
                acknowledgements.Forget(inFlight.Message.MessageId);
                error = $"not handled by every consumer within {_options.AcknowledgementTimeout}";
            }
            else continue;

            _inFlight.TryRemove(sequence, out _);
            if (error is null)
            {
                sent.Add(sequence);
                delivered.Add(inFlight.Message);
            }
            else
            {
                failures.Add(new Failure(sequence, error, OwnFault: true));
                _cursor = Math.Min(_cursor, sequence - 1); // publish it again
            }
        }
    }

    /// <summary>
    /// In-memory bus: the cursor moves past every selected row handed to the bus (or already in flight) and
    /// stays below the first one that was not (failed, or left for lack of lease), so the next round starts there.
    /// </summary>
    private void AdvanceCursor(List<PendingMessage> selected, ConcurrentDictionary<long, bool> handed)
    {
        var left = selected.Where(p => !handed.ContainsKey(p.Sequence) && !_inFlight.ContainsKey(p.Sequence)).Select(p => (long?)p.Sequence).Min();
        _cursor = left is { } first ? first - 1 : selected.Max(p => p.Sequence);
    }

    private async Task RecordAsync(List<long> sent, List<Failure> failures, List<PendingMessage> delivered, CancellationToken ct)
    {
        if (sent.Count == 0 && failures.Count == 0) return;
        var deadLettered = 0;
        await using (var unit = await db.BeginAsync(ct))
        {
            var now = unit.Now;
            if (sent.Count > 0)
                await unit.ExecuteAsync(FoundationSql.MarkOutboxSent[db.Dialect], new { SentAt = now, Sequences = JsonSerializer.Serialize(sent) });
            foreach (var failure in failures)
            {
                await unit.ExecuteAsync(FoundationSql.CountOutboxFailure, new { failure.Sequence, Error = Truncate(failure.Error) });
                if (!failure.OwnFault) continue;
                var moved = new { failure.Sequence, Now = now, _options.MaxAttempts };
                if (await unit.ExecuteAsync(FoundationSql.InsertDeadLetter, moved) == 1)
                {
                    await unit.ExecuteAsync(FoundationSql.DeleteDeadLettered, moved);
                    deadLettered++;
                    logger.LogError("Outbox message {Sequence} of {Service} failed {MaxAttempts} times and moved to the dead letters: {Error}",
                        failure.Sequence, db.Service, _options.MaxAttempts, failure.Error);
                }
            }
            await unit.CommitAsync();
            foreach (var message in delivered)
                HotlineTelemetry.OutboxLag.Record((now - message.CreatedAt).TotalMilliseconds, new KeyValuePair<string, object?>("service", db.Service));
        }
        HotlineTelemetry.OutboxPublished.Add(sent.Count, new KeyValuePair<string, object?>("service", db.Service));
        if (deadLettered > 0)
            HotlineTelemetry.OutboxDeadLettered.Add(deadLettered, new KeyValuePair<string, object?>("service", db.Service));
    }

    private static (Type Type, object Body) Prepare(PendingMessage message)
    {
        try
        {
            var type = MessageTypes.Resolve(message.MessageType);
            var body = JsonSerializer.Deserialize(message.Body, type, MessageTypes.Json)
                       ?? throw new JsonException("The body is null.");
            return (type, body);
        }
        catch (Exception ex) when (ex is InvalidOperationException or JsonException or NotSupportedException or ArgumentException)
        {
            throw new UndeliverableMessageException($"{message.MessageType}: {ex.Message}");
        }
    }

    private async Task PublishAsync(PendingMessage message, Type type, object body, CancellationToken ct)
    {
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

    private void ForgetInFlight()
    {
        foreach (var inFlight in _inFlight.Values) acknowledgements.Forget(inFlight.Message.MessageId);
        _inFlight.Clear();
        _cursor = 0;
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

    /// <param name="OwnFault">The row itself is at fault (counts toward the dead letters), not the broker.</param>
    private sealed record Failure(long Sequence, string Error, bool OwnFault);

    private sealed record InFlight(PendingMessage Message, Task<string?> Consumed, long Since);

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

/// <summary>A row this build cannot turn into a message: its type is unknown here or its payload does not parse.</summary>
public sealed class UndeliverableMessageException(string message) : Exception(message);
