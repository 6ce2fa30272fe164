using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TclHotline.Dispatch.Data;
using TclHotline.ServiceDefaults.Database;

namespace TclHotline.Dispatch.Seed;

/// <summary>
/// Puts the shipped network (Seed/network.json) into an empty database at start-up, so a fresh
/// service can dispatch at once, and mirrors the branch catalogue into the database at every start. Several
/// instances may start together: the check and the inserts run in one write transaction, so only the first one seeds.
/// </summary>
public sealed class NetworkSeeding(DispatchDatabase db, NetworkSeedParser parser, NetworkStore store, ILogger<NetworkSeeding> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var unit = await db.BeginAsync(cancellationToken);
        var seeded = await unit.ExecuteScalarAsync<long>(DispatchSql.ClaimSeed[unit.Dialect]) > 0;
        await store.MirrorBranchesAsync(unit.Connection, unit.Transaction);
        if (seeded)
        {
            await unit.CommitAsync();
            return;
        }

        var network = parser.Parse(NetworkSeed.DefaultJson());
        await store.InsertAsync(unit.Connection, unit.Transaction, network);
        await unit.CommitAsync();
        logger.LogInformation("Seeded the service network: {Branches} branches, {Outlets} outlets, {Engineers} engineers",
            network.Branches.Count, network.Outlets.Count, network.Engineers.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
