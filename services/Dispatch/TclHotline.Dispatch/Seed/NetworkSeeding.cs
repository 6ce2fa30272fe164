using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TclHotline.Dispatch.Data;
using TclHotline.ServiceDefaults.Database;

namespace TclHotline.Dispatch.Seed;

/// <summary>
/// Puts the shipped network (Seed/network.json) into an empty database at start-up, so a fresh
/// service can dispatch at once. Several instances may start together: the check and the inserts run in
/// one write transaction, so only the first one seeds.
/// </summary>
public sealed class NetworkSeeding(DispatchDatabase db, NetworkSeedParser parser, NetworkStore store, ILogger<NetworkSeeding> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var network = parser.Parse(NetworkSeed.DefaultJson());
        await using var unit = await db.BeginAsync(cancellationToken);
        if (await unit.ExecuteScalarAsync<long>(DispatchSql.ClaimSeed[unit.Dialect]) > 0)
        {
            return;
        }

        await store.InsertAsync(unit.Connection, unit.Transaction, network);
        await unit.CommitAsync();
        logger.LogInformation("Seeded the service network: {Branches} branches, {Outlets} outlets, {Engineers} engineers",
            network.Branches.Count, network.Outlets.Count, network.Engineers.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
