using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dapper;
using TclHotline.Dispatch.Domain;
using TclHotline.Dispatch.Domain.Network;

namespace TclHotline.Dispatch.Data;

/// <summary>Reads and writes the service network. The network is small, so it is read whole for each decision.</summary>
public sealed class NetworkStore(DispatchOptions options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ServiceNetwork> LoadAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct)
    {
        CommandDefinition Command(string sql) => new(sql, transaction: transaction, cancellationToken: ct);
        var branches = await connection.QueryAsync<BranchRow>(Command(DispatchSql.SelectBranches));
        var outlets = await connection.QueryAsync<OutletRow>(Command(DispatchSql.SelectOutlets));
        var coverage = (await connection.QueryAsync<CoverageRow>(Command(DispatchSql.SelectCoverage))).ToLookup(c => c.OutletId);
        var engineers = await connection.QueryAsync<EngineerRow>(Command(DispatchSql.SelectEngineers));
        return ServiceNetwork.Create(
            branches.Select(b => new Branch(b.Code, b.Name, b.TimeZoneId, b.ServiceDirector,
                b.Areas.Split(',', StringSplitOptions.RemoveEmptyEntries))),
            outlets.Select(o => new Outlet(o.OutletId, o.BranchCode, o.Name, Enum.Parse<OutletKind>(o.Kind), o.ProviderName,
                coverage[o.OutletId].Select(c => new DistrictCoverage(c.DistrictCode, TimeSpan.FromMinutes(c.TravelMinutes), c.DistanceKm)).ToList())),
            engineers.Select(ToEngineer),
            options);
    }

    public async Task InsertAsync(DbConnection connection, DbTransaction transaction, ServiceNetwork network)
    {
        foreach (var branch in network.Branches)
        {
            await connection.ExecuteAsync(DispatchSql.InsertBranch, new
            {
                branch.Code, branch.Name, branch.TimeZoneId, branch.ServiceDirector, Areas = string.Join(',', branch.Areas),
            }, transaction);
        }

        foreach (var outlet in network.Outlets)
        {
            await SaveOutletAsync(connection, transaction, outlet, isNew: true);
        }

        foreach (var engineer in network.Engineers)
        {
            await SaveEngineerAsync(connection, transaction, engineer, isNew: true);
        }
    }

    public async Task SaveOutletAsync(DbConnection connection, DbTransaction transaction, Outlet outlet, bool isNew)
    {
        var row = new { OutletId = outlet.Id, outlet.BranchCode, outlet.Name, Kind = outlet.Kind.ToString(), outlet.ProviderName };
        await connection.ExecuteAsync(isNew ? DispatchSql.InsertOutlet : DispatchSql.UpdateOutlet, row, transaction);
        await connection.ExecuteAsync(DispatchSql.DeleteCoverage, new { OutletId = outlet.Id }, transaction);
        foreach (var c in outlet.Coverage)
        {
            await connection.ExecuteAsync(DispatchSql.InsertCoverage, new
            {
                OutletId = outlet.Id, c.DistrictCode, TravelMinutes = (int)c.Travel.TotalMinutes, c.DistanceKm,
            }, transaction);
        }
    }

    public Task SaveEngineerAsync(DbConnection connection, DbTransaction transaction, Engineer engineer, bool isNew) =>
        connection.ExecuteAsync(isNew ? DispatchSql.InsertEngineer : DispatchSql.UpdateEngineer, new
        {
            EngineerId = engineer.Id,
            engineer.Name,
            engineer.OutletId,
            Skills = JsonSerializer.Serialize(engineer.Skills.Select(s => s.ToString()).Order(), Json),
            Shifts = JsonSerializer.Serialize(engineer.Shifts.Select(s => new StoredShift(
                s.Days.Order().Select(d => d.ToString()).ToList(), Clock(s.Start), Clock(s.End))), Json),
            VisitMinutes = JsonSerializer.Serialize(
                engineer.VisitDurations.ToDictionary(d => d.Key.ToString(), d => (int)d.Value.TotalMinutes), Json),
            engineer.DailyCapacity,
            engineer.Active,
        }, transaction);

    private static Engineer ToEngineer(EngineerRow row) => new(
        row.EngineerId,
        row.Name,
        row.OutletId,
        JsonSerializer.Deserialize<List<string>>(row.Skills, Json)!.Select(Enum.Parse<Skill>).ToHashSet(),
        JsonSerializer.Deserialize<List<StoredShift>>(row.Shifts, Json)!.Select(s => new Shift(
            s.Days.Select(Enum.Parse<DayOfWeek>).ToHashSet(),
            TimeOnly.ParseExact(s.Start, "HH:mm", CultureInfo.InvariantCulture),
            TimeOnly.ParseExact(s.End, "HH:mm", CultureInfo.InvariantCulture))).ToList(),
        JsonSerializer.Deserialize<Dictionary<string, int>>(row.VisitMinutes, Json)!
            .ToDictionary(d => Enum.Parse<OrderType>(d.Key), d => TimeSpan.FromMinutes(d.Value)),
        (int)row.DailyCapacity,
        row.Active);

    private static string Clock(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private sealed record StoredShift(List<string> Days, string Start, string End);
}
