using System.Data.Common;
using Dapper;
using TclHotline.Intake.Domain.Warranty;

namespace TclHotline.Intake.Data;

/// <summary>What the warranty engine needs from the database about one unit: its fault reports and repairs.</summary>
public sealed record UnitHistory(IReadOnlyList<FaultReport> FaultReports, IReadOnlyList<RepairRecord> Repairs)
{
    public static readonly UnitHistory None = new([], []);

    public static async Task<UnitHistory> LoadAsync(DbConnection connection, DbTransaction? transaction, string? serialNumber, CancellationToken ct)
    {
        if (serialNumber is null)
            return None;
        var p = new { SerialNumber = serialNumber };
        var reports = await connection.QueryAsync<FaultReportRow>(new CommandDefinition(IntakeSql.SelectFaultReports, p, transaction, cancellationToken: ct));
        var repairs = await connection.QueryAsync<RepairRow>(new CommandDefinition(IntakeSql.SelectRepairs, p, transaction, cancellationToken: ct));
        return new(
            [.. reports.Select(r => new FaultReport(r.ReportedOn, r.FaultCategory))],
            [.. repairs.Select(r => new RepairRecord(r.StartedOn, r.DaysInRepair, r.DaysWaitingForParts, r.MainPartInvolved))]);
    }
}
