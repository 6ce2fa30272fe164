using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dapper;
using TclHotline.Dispatch.Domain;
using TclHotline.Dispatch.Domain.Network;
using TclHotline.ServiceDefaults.Branches;

namespace TclHotline.Dispatch.Data;

/// <summary>
/// Reads and writes the service network. The network is held in memory and read again only when the roster's
/// stamp (network_version) differs from the one it was read under: every write here sets a new stamp in the
/// writer's transaction, so a change made by any process on the database is seen at its next read.
/// </summary>
public sealed class NetworkStore(DispatchOptions options, BranchCatalogue catalogue)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private Loaded? _loaded;

    /// <summary>The network as of <paramref name="transaction"/> (or as committed, without one): one read when unchanged.</summary>
    public async Task<ServiceNetwork> LoadAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct)
    {
        // The stamp is read first: a network read after it is at least as new, so it is never newer than it claims to be
        // out of date; at worst it is read once more.
        var stamp = await connection.ExecuteScalarAsync<string>(new CommandDefinition(DispatchSql.SelectNetworkStamp, transaction: transaction, cancellationToken: ct));
        if (Volatile.Read(ref _loaded) is { } loaded && loaded.Stamp == stamp)
        {
            return loaded.Network;
        }

        var network = await ReadAsync(connection, transaction, ct);
        if (stamp is not null)
        {
            Volatile.Write(ref _loaded, new Loaded(stamp, network));
        }

        return network;
    }

    private async Task<ServiceNetwork> ReadAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct)
    {
        CommandDefinition Command(string sql) => new(sql, transaction: transaction, cancellationToken: ct);
        var outlets = await connection.QueryAsync<OutletRow>(Command(DispatchSql.SelectOutlets));
        var coverage = (await connection.QueryAsync<CoverageRow>(Command(DispatchSql.SelectCoverage))).ToLookup(c => c.OutletId);
        var engineers = await connection.QueryAsync<EngineerRow>(Command(DispatchSql.SelectEngineers));
        return ServiceNetwork.Create(
            catalogue.Branches.Select(Branch.From),
            outlets.Select(o => new Outlet(o.OutletId, o.BranchCode, o.Name, Enum.Parse<OutletKind>(o.Kind), o.ProviderName,
                coverage[o.OutletId].Select(c => new DistrictCoverage(c.DistrictCode, TimeSpan.FromMinutes(c.TravelMinutes), c.DistanceKm)).ToList())),
            engineers.Select(ToEngineer),
            options);
    }

    /// <summary>
    /// Writes the catalogue's branches into the branches table, which the outlets' foreign key needs: the network
    /// itself takes its branches from the catalogue, so a branch added in configuration is there without this.
    /// </summary>
    public async Task MirrorBranchesAsync(DbConnection connection, DbTransaction transaction)
    {
        foreach (var branch in catalogue.Branches.Select(Branch.From))
        {
            var row = new { branch.Code, branch.Name, branch.TimeZoneId, branch.ServiceDirector, Areas = string.Join(',', branch.Areas) };
            await connection.ExecuteAsync(DispatchSql.UpdateBranch, row, transaction);
            await connection.ExecuteAsync(DispatchSql.InsertBranch, row, transaction);
        }
    }

    /// <summary>Stores the outlets and engineers of <paramref name="network"/> (its branches are the catalogue's).</summary>
    public async Task InsertAsync(DbConnection connection, DbTransaction transaction, ServiceNetwork network)
    {
        await StampAsync(connection, transaction);
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
        await StampAsync(connection, transaction);
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

    public async Task SaveEngineerAsync(DbConnection connection, DbTransaction transaction, Engineer engineer, bool isNew)
    {
        await StampAsync(connection, transaction);
        await connection.ExecuteAsync(isNew ? DispatchSql.InsertEngineer : DispatchSql.UpdateEngineer, new
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
    }

    public async Task SetEngineerActiveAsync(DbConnection connection, DbTransaction transaction, string engineerId, bool active)
    {
        await StampAsync(connection, transaction);
        await connection.ExecuteAsync(DispatchSql.SetEngineerActive, new { EngineerId = engineerId, Active = active }, transaction);
    }

    /// <summary>
    /// A new stamp, never a counter: a rolled-back write may have been read (and held) inside its own transaction,
    /// and a counter would give the next writer's different network the same number.
    /// </summary>
    private static Task StampAsync(DbConnection connection, DbTransaction transaction) =>
        connection.ExecuteAsync(DispatchSql.StampNetwork, new { Stamp = Guid.NewGuid().ToString("N") }, transaction);

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

    private sealed record Loaded(string Stamp, ServiceNetwork Network);

    private sealed record StoredShift(List<string> Days, string Start, string End);
}
