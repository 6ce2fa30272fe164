using Dapper;
using TclHotline.ServiceDefaults.Database;
using TclHotline.Sla.Domain;

namespace TclHotline.Sla.Storage;

/// <summary>The deadlines table: rows in and out of units of work, the scanner's claims and the monitoring reads.</summary>
internal sealed class DeadlineStore(SlaDatabase db)
{
    /// <summary>The stored row, or null when the timer has never heard of the key.</summary>
    public async Task<Deadline?> LoadForChangeAsync(UnitOfWork unit, DeadlineKey key)
    {
        var row = await unit.QuerySingleOrDefaultAsync<DeadlineRow>(SlaSql.SelectForChange[unit.Dialect], KeyParameters(key));
        return row?.ToDeadline();
    }

    /// <summary>
    /// Stores <paramref name="after"/> if it differs from <paramref name="before"/>; a row changed by someone
    /// else since it was read throws, so the unit rolls back and the message is retried.
    /// </summary>
    public async Task SaveAsync(UnitOfWork unit, Deadline before, Deadline after, bool stored)
    {
        if (ReferenceEquals(before, after))
        {
            return;
        }

        if (!stored)
        {
            await unit.ExecuteAsync(SlaSql.Insert, DeadlineRow.From(after));
            return;
        }

        if (await unit.ExecuteAsync(SlaSql.Update, VersionedParameters(before, after)) != 1)
        {
            throw new DeadlineConcurrencyException(after.Key);
        }
    }

    /// <summary>Stores a fired row and releases the claim; false when the claim or the version was lost meanwhile.</summary>
    public async Task<bool> SaveFiredAsync(UnitOfWork unit, Deadline before, Deadline after, string me)
    {
        var parameters = VersionedParameters(before, after);
        parameters.Add("Me", me);
        return await unit.ExecuteAsync(SlaSql.UpdateFired, parameters) == 1;
    }

    public Task ReleaseClaimAsync(UnitOfWork unit, DeadlineKey key, string me)
    {
        var parameters = new DynamicParameters(KeyParameters(key));
        parameters.Add("Me", me);
        return unit.ExecuteAsync(SlaSql.ReleaseClaim, parameters);
    }

    /// <summary>Claims due rows for <paramref name="me"/> until <paramref name="leaseUntil"/>, in one statement.</summary>
    public async Task<IReadOnlyList<DeadlineKey>> ClaimAsync(string me, DateTimeOffset now, DateTimeOffset leaseUntil, int batchSize, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var keys = await connection.QueryAsync<ClaimedKey>(new CommandDefinition(
            SlaSql.Claim[db.Dialect], new { Me = me, Now = now, LeaseUntil = leaseUntil, BatchSize = batchSize }, cancellationToken: ct));
        return keys.Select(k => new DeadlineKey(k.Owner, k.SubjectId, k.Kind)).ToList();
    }

    public async Task ReleaseAllClaimsAsync(string me, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(SlaSql.ReleaseAllClaims, new { Me = me }, cancellationToken: ct));
    }

    public async Task<DateTimeOffset?> NextFireAtAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var ms = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(SlaSql.NextFireAt, new { Now = now }, cancellationToken: ct));
        return ms is { } value ? DateTimeOffset.FromUnixTimeMilliseconds(value) : null;
    }

    public async Task<long> CountPendingAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(SlaSql.CountPending, cancellationToken: ct));
    }

    public async Task<Deadline?> FindAsync(DeadlineKey key, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<DeadlineRow>(new CommandDefinition(SlaSql.Select, KeyParameters(key), cancellationToken: ct));
        return row?.ToDeadline();
    }

    /// <summary>Up to <paramref name="take"/> deadlines the query includes, in its order.</summary>
    public async Task<IReadOnlyList<Deadline>> ListAtRiskAsync(AtRiskQuery query, int take, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<DeadlineRow>(new CommandDefinition(SlaSql.ListAtRisk[db.Dialect], new
        {
            query.Filter.BranchCode,
            AllKinds = query.Filter.Kinds.Count == 0 ? 1 : 0,
            Kinds = query.Filter.Kinds.ToArray(),
            AfterStartsAt = query.After?.StartsAt,
            AfterOwner = query.After?.Owner,
            AfterSubjectId = query.After?.SubjectId,
            AfterKind = query.After?.Kind,
            Take = take,
        }, cancellationToken: ct));
        return rows.Select(r => r.ToDeadline()).ToList();
    }

    private static object KeyParameters(DeadlineKey key) => new { key.Owner, key.SubjectId, key.Kind };

    private static DynamicParameters VersionedParameters(Deadline before, Deadline after)
    {
        var parameters = new DynamicParameters(DeadlineRow.From(after));
        parameters.Add("ExpectedVersion", before.Version);
        return parameters;
    }

    private sealed class ClaimedKey
    {
        public string Owner { get; init; } = "";
        public string SubjectId { get; init; } = "";
        public string Kind { get; init; } = "";
    }
}

/// <summary>The row changed between read and write (another instance); the unit rolls back and is retried.</summary>
internal sealed class DeadlineConcurrencyException(DeadlineKey key)
    : Exception($"Deadline {key} was changed concurrently.");
