using Dapper;
using TclHotline.Messages.Returns;
using TclHotline.Returns.Api;
using TclHotline.Returns.Data;
using TclHotline.Returns.Domain;
using TclHotline.ServiceDefaults.Grpc;
using TclHotline.ServiceDefaults.Security;
using TclHotline.ServiceDefaults.Validation;
using V1 = TclHotline.Grpc.Returns.V1;

namespace TclHotline.Returns.Application;

/// <summary>
/// Rule 24: a whole unit's scrap (整机报废). Declared with a reason, approved by the branch's service director
/// and no one else, collected, written off: in that order, each step audited. Writing off takes a unit of
/// dealer stock out of the stock and tells the other services.
/// </summary>
public sealed class Scraps(ReturnsDatabase db)
{
    public const string Subject = "scrap";
    public const string DeclareOperation = "returns.declare-scrap";

    public sealed record Declaration(string SerialNumber, string BranchCode, string ProductModel, string Reason);

    public async Task<V1.Scrap> DeclareAsync(Declaration input, Caller caller, IdempotentRequest? idempotent, CancellationToken ct)
    {
        caller.EnsureBranch(input.BranchCode);
        await using var unit = await db.BeginAsync(ct);
        if (await unit.ReplayAsync<V1.Scrap>(idempotent) is { } earlier)
            return earlier;
        if (await unit.QuerySingleOrDefaultAsync<ScrapRow>(ReturnsSql.SelectOpenScrapOfUnit, new { input.SerialNumber }) is not null)
            new FieldErrors().Add("serial_number", "is already being scrapped").ThrowIfAny();
        var id = Guid.NewGuid();
        await unit.ExecuteAsync(ReturnsSql.InsertScrap, new
        {
            Id = id, input.BranchCode, input.SerialNumber, input.ProductModel, input.Reason, Step = nameof(ScrapStep.Declared),
        });
        await ProcessSteps.RecordAsync(unit, Subject, id, nameof(ScrapStep.Declared), caller, input.Reason);
        await unit.AuditAsync(caller, $"returns.{Subject}.{ScrapStep.Declared}", Subject, id.ToString("D"), null,
            new { input.SerialNumber, input.Reason });
        var reply = await ReadAsync(unit, id);
        await unit.RememberAsync(idempotent, reply);
        await unit.CommitAsync();
        return reply;
    }

    public async Task<V1.Scrap> AdvanceAsync(Guid id, ScrapStep step, string note, Caller caller, CancellationToken ct)
    {
        await using var unit = await db.BeginAsync(ct);
        var scrap = await unit.QuerySingleOrDefaultAsync<ScrapRow>(ReturnsSql.SelectScrap, new { Id = id })
            ?? throw new NotFoundException("no such scrap");
        caller.EnsureBranch(scrap.BranchCode);
        if (step == ScrapStep.Approved && !caller.IsIn(HotlineRoles.ServiceDirector))
            throw new AccessDeniedException("step APPROVED: only the branch's service director approves a scrap");
        await ProcessSteps.TakeAsync(unit, Processes.Scrap, Subject, id, Enum.Parse<ScrapStep>(scrap.Step), step,
            ReturnsSql.SetScrapStep, caller, note);
        if (Processes.Scrap.IsDone(step))
        {
            await unit.ExecuteAsync(ReturnsSql.LeaveStock, new { scrap.SerialNumber, Status = nameof(StockStatus.Scrapped), unit.Now });
            var steps = await ReturnsReads.StepsAsync<ScrapStep>(unit.Connection, unit.Transaction, Subject, id);
            var approvedBy = steps.Single(s => s.Step == nameof(ScrapStep.Approved)).DoneBy;
            await unit.PublishAsync(new UnitScrapped(id, scrap.BranchCode, scrap.SerialNumber, scrap.Reason, approvedBy, unit.Now), id.ToString("D"));
        }
        var reply = await ReadAsync(unit, id);
        await unit.CommitAsync();
        return reply;
    }

    public async Task<V1.Scrap> GetAsync(Guid id, Caller caller, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var reply = await ReadAsync(c, null, id);
        caller.EnsureBranch(reply.BranchCode);
        return reply;
    }

    private static Task<V1.Scrap> ReadAsync(ServiceDefaults.Database.UnitOfWork unit, Guid id) => ReadAsync(unit.Connection, unit.Transaction, id);

    private static async Task<V1.Scrap> ReadAsync(System.Data.IDbConnection c, System.Data.IDbTransaction? tx, Guid id)
    {
        var scrap = await c.QuerySingleOrDefaultAsync<ScrapRow>(ReturnsSql.SelectScrap, new { Id = id }, tx)
            ?? throw new NotFoundException("no such scrap");
        var pb = new V1.Scrap
        {
            ScrapId = scrap.Id.ToString("D"),
            BranchCode = scrap.BranchCode,
            SerialNumber = scrap.SerialNumber,
            ProductModel = scrap.ProductModel,
            Reason = scrap.Reason,
            Step = ProtoMapping.ToProto<ScrapStep, V1.ScrapStep>(scrap.Step),
        };
        pb.Steps.AddRange((await ReturnsReads.StepsAsync<ScrapStep>(c, tx, Subject, id)).Select(ProtoMapping.ToProto));
        return pb;
    }
}
