using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TclHotline.ServiceDefaults.Database;

/// <summary>Ready only when the service's database answers a query.</summary>
public sealed class DatabaseHealthCheck<TDb>(TDb db) : IHealthCheck where TDb : ServiceDatabase
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var connection = await db.OpenAsync(ct);
            await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT 1", cancellationToken: ct));
            return HealthCheckResult.Healthy($"{db.Service} database ({db.Dialect})");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy($"{db.Service} database ({db.Dialect}) does not answer", ex);
        }
    }
}
