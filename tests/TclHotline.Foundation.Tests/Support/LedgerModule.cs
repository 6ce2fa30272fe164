using System.Collections.Concurrent;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using TclHotline.Foundation.Tests.Ledger.V1;
using TclHotline.Messages.Sla;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Inbox;
using TclHotline.ServiceDefaults.Messaging;
using TclHotline.ServiceDefaults.Modules;
using TclHotline.ServiceDefaults.Security;

namespace TclHotline.Foundation.Tests.Support;

/// <summary>
/// A minimal service built only from foundation parts: a gRPC call stores a ledger row and, in the same
/// transaction, an event (a DeadlineSet stands in for any message); its consumer counts applications in the
/// database and deliveries in memory, so tests can tell a duplicate delivery from a duplicate application.
/// </summary>
/// <param name="consumes">False: a publisher only (a service that raises the event but does not consume it).</param>
public sealed class LedgerModule(bool consumes = true) : IServiceModule
{
    public string Name => "ledger";

    public void AddServices(IHostApplicationBuilder builder) => builder.AddServiceDatabase<LedgerDatabase>();

    public void AddConsumers(ModuleConsumers consumers)
    {
        if (consumes) consumers.Add<LedgerEventConsumer>();
    }

    public void MapEndpoints(WebApplication app) => app.MapGrpcService<LedgerGrpcService>();
}

public sealed class LedgerDatabase(DatabaseSettings settings, TimeProvider time) : ServiceDatabase("ledger", settings, time);

public sealed class LedgerGrpcService(LedgerDatabase db) : TclHotline.Foundation.Tests.Ledger.V1.Ledger.LedgerBase
{
    public const string Owner = "ledger";

    [Authorize(Roles = HotlineRoles.Agent)]
    public override async Task<RecordReply> Record(RecordRequest request, ServerCallContext context)
    {
        await using var unit = await db.BeginAsync(context.CancellationToken);
        await unit.ExecuteAsync("INSERT INTO ledger_entries (subject, applied_count) VALUES (@Subject, 0)", new { request.Subject });
        var now = unit.Now;
        await unit.PublishAsync(new DeadlineSet(Owner, request.Subject, "test", "CS", now, now.AddHours(1), now),
            aggregateId: string.IsNullOrEmpty(request.Aggregate) ? request.Subject : request.Aggregate);
        await unit.CommitAsync();
        return new RecordReply { Subject = request.Subject };
    }
}

public sealed class LedgerEventConsumer(LedgerDatabase db) : InboxConsumer<DeadlineSet, LedgerDatabase>(db)
{
    public static readonly ConcurrentDictionary<string, int> Deliveries = new();
    public static readonly ConcurrentDictionary<string, string?> TraceIds = new();

    /// <summary>Subjects whose handling waits for the task (a consumer still at work when the process dies).</summary>
    public static readonly ConcurrentDictionary<string, Task> Held = new();

    /// <summary>Subjects whose handling throws (a consumer that gives up after its retries).</summary>
    public static readonly ConcurrentDictionary<string, bool> Failing = new();

    public override async Task Consume(MassTransit.ConsumeContext<DeadlineSet> context)
    {
        var subject = context.Message.SubjectId;
        if (context.Message.Owner == LedgerGrpcService.Owner)
        {
            Deliveries.AddOrUpdate(subject, 1, (_, n) => n + 1);
            TraceIds[subject] = System.Diagnostics.Activity.Current?.TraceId.ToString();
        }
        if (Held.TryGetValue(subject, out var gate)) await gate;
        if (Failing.ContainsKey(subject)) throw new InvalidOperationException($"ledger consumer refuses {subject}");
        await base.Consume(context);
    }

    protected override Task Handle(DeadlineSet message, UnitOfWork unit) =>
        unit.ExecuteAsync("UPDATE ledger_entries SET applied_count = applied_count + 1 WHERE subject = @SubjectId", new { message.SubjectId });
}
