using TclHotline.Complaints.Data;
using TclHotline.Complaints.Domain;
using TclHotline.Complaints.Domain.SystemRaised;
using TclHotline.Messages;
using TclHotline.Messages.Intake;
using TclHotline.Messages.Sla;
using TclHotline.ServiceDefaults.Branches;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Grpc;
using TclHotline.ServiceDefaults.Outbox;

namespace TclHotline.Complaints.Application;

/// <summary>
/// Runs the complaint domain inside a unit of work: loads the complaint, lets the domain decide, stores
/// the next state and writes its events and SLA deadline messages to the outbox in the same transaction.
/// Shared by the gRPC desk and the consumers so both change complaints one way.
/// </summary>
public sealed class ComplaintCommands(
    ComplaintLifecycle lifecycle,
    ComplaintEscalation escalation,
    SystemRaisedComplaints raised,
    BranchCatalogue branches)
{
    public ComplaintLifecycle Lifecycle => lifecycle;

    public ComplaintEscalation Escalation => escalation;

    public string NumberFor(Guid id, string branchCode, DateTimeOffset filedAt) =>
        ComplaintNumber.For(id, filedAt, branches.TimeZoneOf(branchCode));

    public async Task<Complaint> FileAsync(UnitOfWork unit, NewComplaint filing, CancellationToken ct)
    {
        using var activity = ComplaintsTelemetry.Source.StartActivity("complaints.file");
        activity?.SetTag("complaint.source", filing.Source.ToString());
        activity?.SetTag("complaint.branch", filing.BranchCode);
        var filed = lifecycle.File(filing);
        await StoreAsync(unit, null, filed, ct);
        return filed.Complaint;
    }

    /// <summary>
    /// One step on a stored complaint. <paramref name="admit"/> sees it first (branch scope);
    /// a step its status refuses throws <see cref="ComplaintTransitionRefused"/>.
    /// </summary>
    /// <exception cref="NotFoundException">No complaint has the id.</exception>
    public async Task<Complaint> ChangeAsync(
        UnitOfWork unit, Guid complaintId, Action<Complaint> admit, Func<Complaint, ComplaintTransition> step, CancellationToken ct)
    {
        var complaint = await ComplaintStore.FindForChangeAsync(unit, complaintId, ct)
            ?? throw new NotFoundException("no such complaint");
        admit(complaint);
        var next = step(complaint);
        await StoreAsync(unit, complaint, next, ct);
        return next.Complaint;
    }

    /// <summary>Rule 21: an on-site commitment (or a remote order's booking deadline) of the order passed unkept.</summary>
    public async Task CommitmentBreachedAsync(UnitOfWork unit, Guid orderId, DeadlineBreached breach, CancellationToken ct)
    {
        var complaints = await ComplaintStore.OfOrderForChangeAsync(unit, orderId, ct);
        var decision = raised.OnCommitmentBreached(new CommitmentBreach(breach.BreachId, orderId, breach.DueAt, breach.BreachedAt,
            Booking: breach.Kind == DeadlineKinds.Booking), complaints);
        var order = await OrderFactStore.FindAsync(unit, orderId);
        var subject = new ComplaintSubject(
            order?.CustomerName ?? "", order?.CustomerPhone ?? "", orderId, order?.OrderNumber, order?.SerialNumber, order?.EngineerId);
        await ApplyAsync(unit, decision, complaints, order?.BranchCode ?? breach.BranchCode, subject, ct);
    }

    /// <summary>Rule 21: the customer chased the open order again; enough calls (over its life, or a branch's window) raise a complaint.</summary>
    public async Task RepeatCallAsync(UnitOfWork unit, RepeatCallLinked m, CancellationToken ct)
    {
        var call = new RepeatCall(m.RepeatCallId, m.OrderId, m.CalledAt);
        await OrderFactStore.RecordAsync(unit, call);
        var calls = await OrderFactStore.RepeatCallsAsync(unit, m.OrderId);
        var complaints = await ComplaintStore.OfOrderForChangeAsync(unit, m.OrderId, ct);
        var order = await OrderFactStore.FindAsync(unit, m.OrderId);
        var decision = raised.OnRepeatCall(call, calls, complaints, order?.BranchCode ?? m.BranchCode);
        var subject = new ComplaintSubject(
            order?.CustomerName ?? m.CustomerName,
            order?.CustomerPhone ?? m.CallerNumber,
            m.OrderId,
            m.OrderNumber,
            order?.SerialNumber,
            order?.EngineerId);
        await ApplyAsync(unit, decision, complaints, order?.BranchCode ?? m.BranchCode, subject, ct);
    }

    /// <summary>Rule 20: the SLA timer says a complaint's deadline passed; a stale or repeated breach changes nothing.</summary>
    public async Task DeadlineMissedAsync(UnitOfWork unit, DeadlineBreached breach, CancellationToken ct)
    {
        if (!DeadlineSubject.TryParseComplaintId(breach.SubjectId, out var complaintId))
        {
            return;
        }

        var complaint = await ComplaintStore.FindForChangeAsync(unit, complaintId, ct);
        if (complaint is not null)
        {
            await StoreAsync(unit, complaint, escalation.DeadlineMissed(complaint, breach.SubjectId, breach.BreachedAt), ct);
        }
    }

    private async Task ApplyAsync(
        UnitOfWork unit,
        SystemComplaintDecision decision,
        IReadOnlyList<Complaint> orderComplaints,
        string branchCode,
        ComplaintSubject subject,
        CancellationToken ct)
    {
        switch (decision)
        {
            case OpenComplaint open:
                var id = Guid.NewGuid();
                var at = unit.Now;
                await FileAsync(unit, open.Filing(id, NumberFor(id, branchCode, at), branchCode, subject, at), ct);
                break;
            case AddToComplaint add:
                var complaint = orderComplaints.Single(c => c.Id == add.ComplaintId);
                await StoreAsync(unit, complaint, ComplaintLifecycle.AddOccurrence(complaint, add.Occurrence), ct);
                break;
            case NoComplaint:
                break;
            default:
                throw new InvalidOperationException($"Unknown decision {decision.GetType().Name}.");
        }
    }

    private static async Task StoreAsync(UnitOfWork unit, Complaint? before, ComplaintTransition transition, CancellationToken ct)
    {
        if (!transition.Changed)
        {
            return;
        }

        var complaint = transition.Complaint;
        if (before is null)
        {
            await ComplaintStore.InsertAsync(unit, complaint, ct);
        }
        else
        {
            await ComplaintStore.UpdateAsync(unit, before, complaint, ct);
        }

        // The outbox names each message by its runtime type and refuses any that is not a bus message.
        var aggregate = complaint.Id.ToString("D");
        await unit.PublishManyAsync([
            .. transition.Events.Select(e => new OutboxEvent(e, aggregate)),
            .. transition.Deadlines.Select(d => new OutboxEvent(d.ToSlaMessage(), aggregate)),
        ]);
        unit.AfterCommit(() => ComplaintsTelemetry.Count(transition.Events));
    }
}
