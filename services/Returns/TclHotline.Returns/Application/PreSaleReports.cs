using System.Data;
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
/// Rule 18: units of dealer stock found damaged or faulty. A report asks intake, over the bus, for a pre-sale
/// repair order at the dealer's shop; the opening inspection attributes the damage; the branch's service
/// director may change the attribution with a reason (audited).
/// </summary>
public sealed class PreSaleReports(ReturnsDatabase db, Dealers dealers, ReturnsCalendar calendar)
{
    public const string ReportOperation = "returns.report-pre-sale-unit";

    public sealed record NewReport(string DealerCode, string SerialNumber, string ProductModel, Finding Finding, string Description);

    public async Task<V1.PreSaleReport> ReportAsync(NewReport input, Caller caller, IdempotentRequest? idempotent, CancellationToken ct)
    {
        var dealer = dealers.Find(input.DealerCode);
        if (dealer is null)
            new FieldErrors().Add("dealer_code", "is not a known dealer").ThrowIfAny();
        caller.EnsureDealer(input.DealerCode, dealer!.Branch);

        await using var unit = await db.BeginAsync(ct);
        if (await unit.ReplayAsync<V1.PreSaleReport>(idempotent) is { } earlier)
            return earlier;
        var stocked = await ReturnsReads.UnitAsync(unit.Connection, unit.Transaction, input.SerialNumber);
        if (stocked is not null && stocked.DealerCode != input.DealerCode)
            new FieldErrors().Add("serial_number", "was delivered to another dealer").ThrowIfAny();

        var id = Guid.NewGuid();
        var now = unit.Now;
        await unit.ExecuteAsync(ReturnsSql.InsertReport, new
        {
            Id = id,
            BranchCode = dealer.Branch,
            input.DealerCode,
            input.SerialNumber,
            input.ProductModel,
            Finding = input.Finding.ToString(),
            input.Description,
            ReportedBy = caller.UserId,
            ReportedAt = now,
            ReportedOn = calendar.DateOf(now),
        });
        await unit.PublishAsync(new PreSaleRepairRequested(
            id, dealer.Branch, input.DealerCode, dealer.Name, dealer.Phone, dealer.ProvinceCode, dealer.CityCode,
            dealer.DistrictCode, dealer.StreetAddress, input.ProductModel, input.SerialNumber, input.Finding.ToString(),
            input.Description, caller.UserId, now), id.ToString("D"));
        var reply = await ReadAsync(unit.Connection, unit.Transaction, id);
        await unit.RememberAsync(idempotent, reply!);
        await unit.AuditAsync(caller, "returns.report-pre-sale-unit", "pre-sale-report", id.ToString("D"), null,
            new { input.DealerCode, input.SerialNumber, Finding = input.Finding.ToString() });
        await unit.CommitAsync();
        return reply!;
    }

    public sealed record InspectionInput(Guid ReportId, Attribution Attribution, CostBearer CostBearer, IReadOnlyList<string> EvidencePhotoIds, string Note);

    public async Task<V1.PreSaleReport> InspectAsync(InspectionInput input, Caller caller, CancellationToken ct)
    {
        await using var unit = await db.BeginAsync(ct);
        var report = await FindAsync(unit.Connection, unit.Transaction, input.ReportId);
        caller.EnsureDealer(report.DealerCode, report.BranchCode);
        if (report.InspectedAt is not null)
            throw new RuleViolationException("the opening inspection is already recorded; the service director may change the attribution");
        await unit.ExecuteAsync(ReturnsSql.RecordInspection, new
        {
            Id = input.ReportId,
            Attribution = input.Attribution.ToString(),
            CostBearer = input.CostBearer.ToString(),
            EvidencePhotoIds = string.Join(",", input.EvidencePhotoIds),
            input.Note,
            InspectedBy = caller.UserId,
            InspectedAt = unit.Now,
        });
        await unit.AuditAsync(caller, "returns.record-inspection", "pre-sale-report", input.ReportId.ToString("D"), null,
            new { Attribution = input.Attribution.ToString(), CostBearer = input.CostBearer.ToString(), input.EvidencePhotoIds });
        var reply = await ReadAsync(unit.Connection, unit.Transaction, input.ReportId);
        await unit.CommitAsync();
        return reply!;
    }

    public async Task<V1.PreSaleReport> ChangeAttributionAsync(Guid reportId, Attribution to, string reason, Caller caller, CancellationToken ct)
    {
        await using var unit = await db.BeginAsync(ct);
        var report = await FindAsync(unit.Connection, unit.Transaction, reportId);
        caller.EnsureBranch(report.BranchCode);
        if (report.Attribution is null)
            throw new RuleViolationException("the opening inspection has not attributed this unit yet");
        if (report.Attribution == to.ToString())
            new FieldErrors().Add("attribution", $"is already {to}").ThrowIfAny();
        var change = new
        {
            Id = Guid.NewGuid(), ReportId = reportId, From = report.Attribution, To = to.ToString(), Reason = reason,
            ChangedBy = caller.UserId, ChangedAt = unit.Now,
        };
        if (await unit.ExecuteAsync(ReturnsSql.SetAttribution, new { Id = reportId, change.From, change.To }) != 1)
            throw new RuleViolationException("the attribution changed meanwhile; read the report again");
        await unit.ExecuteAsync(ReturnsSql.InsertAttributionChange, change);
        await unit.AuditAsync(caller, "returns.change-attribution", "pre-sale-report", reportId.ToString("D"),
            new { Attribution = report.Attribution }, new { Attribution = to.ToString(), Reason = reason });
        var reply = await ReadAsync(unit.Connection, unit.Transaction, reportId);
        await unit.CommitAsync();
        return reply!;
    }

    public async Task<V1.PreSaleReport> GetAsync(Guid reportId, Caller caller, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var report = await FindAsync(c, null, reportId);
        caller.EnsureDealer(report.DealerCode, report.BranchCode);
        return (await ReadAsync(c, null, reportId))!;
    }

    /// <summary>Rule 18: one branch's month, damage by kind and by attribution (shares of the inspected damage).</summary>
    public async Task<V1.DamageStatistics> StatisticsAsync(string branch, string month, CancellationToken ct)
    {
        var (from, to) = ReturnsCalendar.Month(month)!.Value;
        await using var c = await db.OpenAsync(ct);
        var rows = (await c.QueryAsync<DamageCountRow>(ReturnsSql.CountDamageOfMonth, new { BranchCode = branch, From = from, To = to })).ToList();
        var stats = DamageStatistics.From(rows.Select(r => new DamageCount(
            Enum.Parse<Finding>(r.Finding), r.Attribution is null ? null : Enum.Parse<Attribution>(r.Attribution), r.Count)));
        var pb = new V1.DamageStatistics
        {
            BranchCode = branch,
            Month = month,
            PerformanceFaults = stats.PerformanceFaults,
            Inspected = stats.Inspected,
            NotInspected = stats.NotInspected,
        };
        pb.DamageByKind.AddRange(stats.ByKind.Select(k => new V1.FindingCount { Finding = (V1.Finding)(int)k.Finding, Count = k.Count }));
        pb.ByAttribution.AddRange(stats.ByAttribution.Select(ToProto));
        foreach (var kind in stats.ByKindAndAttribution)
        {
            var split = new V1.DamageKindAttribution { Finding = (V1.Finding)(int)kind.Key };
            split.ByAttribution.AddRange(kind.Value.Select(ToProto));
            pb.ByKindAndAttribution.Add(split);
        }
        return pb;
    }

    private static V1.AttributionShare ToProto(AttributionShare s) =>
        new() { Attribution = (V1.Attribution)(int)s.Attribution, Count = s.Count, Percent = (double)s.Percent };

    private static async Task<PreSaleReportRow> FindAsync(IDbConnection c, IDbTransaction? tx, Guid id) =>
        await c.QuerySingleOrDefaultAsync<PreSaleReportRow>(ReturnsSql.SelectReport, new { Id = id }, tx)
        ?? throw new NotFoundException("no such pre-sale report");

    private static async Task<V1.PreSaleReport?> ReadAsync(IDbConnection c, IDbTransaction? tx, Guid id)
    {
        var report = await c.QuerySingleOrDefaultAsync<PreSaleReportRow>(ReturnsSql.SelectReport, new { Id = id }, tx);
        if (report is null) return null;
        var changes = await c.QueryAsync<AttributionChangeRow>(ReturnsSql.SelectAttributionChanges, new { ReportId = id }, tx);
        return ProtoMapping.ToProto(report, changes);
    }
}
