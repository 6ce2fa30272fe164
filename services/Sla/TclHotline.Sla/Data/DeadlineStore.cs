using System.Buffers;
using System.Text;
using System.Text.Json;
using Dapper;
using TclHotline.ServiceDefaults.Database;
using TclHotline.Sla.Domain;

namespace TclHotline.Sla.Data;

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

    /// <summary>
    /// Stores fired rows and releases their claims, in one statement for the whole batch; returns how many were
    /// stored, fewer when a claim or a version was lost meanwhile. Only the columns firing changes are written
    /// (DeadlineFiringTests.Fire_changes_only_the_columns_the_scanner_stores holds DeadlineTimer.Fire to that).
    /// </summary>
    public Task<int> SaveFiredAsync(UnitOfWork unit, IReadOnlyList<(Deadline Before, Deadline After)> rows, string me) =>
        rows.Count == 0 ? Task.FromResult(0) : unit.ExecuteAsync(SlaSql.UpdateFired[unit.Dialect], new { Rows = FiredRows(rows), Me = me });

    /// <summary>The JSON array SlaSql.UpdateFired reads: one array per row, instants as Unix milliseconds as DeadlineRow stores them.</summary>
    private static string FiredRows(IReadOnlyList<(Deadline Before, Deadline After)> rows)
    {
        var buffer = new ArrayBufferWriter<byte>(rows.Count * 128);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var (before, after) in rows)
            {
                json.WriteStartArray();
                json.WriteStringValue(after.Owner);
                json.WriteStringValue(after.SubjectId);
                json.WriteStringValue(after.Kind);
                json.WriteStringValue(after.State.ToString());
                json.WriteNumberValue(after.WarnedFraction);
                WriteMilliseconds(json, after.NextFireAt?.ToUnixTimeMilliseconds());
                WriteMilliseconds(json, after.BreachedAt?.ToUnixTimeMilliseconds());
                WriteMilliseconds(json, after.Lateness is { } lateness ? (long)lateness.TotalMilliseconds : null);
                json.WriteNumberValue(after.Version);
                json.WriteNumberValue(before.Version);
                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteMilliseconds(Utf8JsonWriter json, long? ms)
    {
        if (ms is { } value)
        {
            json.WriteNumberValue(value);
        }
        else
        {
            json.WriteNullValue();
        }
    }

    public Task ReleaseClaimAsync(UnitOfWork unit, DeadlineKey key, string me)
    {
        var parameters = new DynamicParameters(KeyParameters(key));
        parameters.Add("Me", me);
        return unit.ExecuteAsync(SlaSql.ReleaseClaim, parameters);
    }

    /// <summary>
    /// Claims due rows for <paramref name="me"/> until <paramref name="leaseUntil"/>, in one statement, and returns
    /// them as claimed, most overdue first.
    /// </summary>
    public async Task<IReadOnlyList<Deadline>> ClaimAsync(string me, DateTimeOffset now, DateTimeOffset leaseUntil, int batchSize, CancellationToken ct)
    {
        // A write: it takes the file's write turn like every unit, instead of meeting the others in SQLite's busy handler.
        await using var unit = await db.BeginAsync(ct);
        var rows = (await unit.QueryAsync<DeadlineRow>(SlaSql.Claim[db.Dialect], new { Me = me, Now = now, LeaseUntil = leaseUntil, BatchSize = batchSize })).AsList();
        await unit.CommitAsync();
        return rows.Select(r => r.ToDeadline()).OrderBy(d => d.NextFireAt).ThenBy(d => d.Key.ToString(), StringComparer.Ordinal).ToList();
    }

    public async Task ReleaseAllClaimsAsync(string me, CancellationToken ct)
    {
        await using var unit = await db.BeginAsync(ct);
        await unit.ExecuteAsync(SlaSql.ReleaseAllClaims, new { Me = me });
        await unit.CommitAsync();
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
}

/// <summary>The row changed between read and write (another instance); the unit rolls back and is retried.</summary>
internal sealed class DeadlineConcurrencyException : Exception
{
    public DeadlineConcurrencyException(DeadlineKey key)
        : base($"Deadline {key} was changed concurrently.")
    {
    }

    public DeadlineConcurrencyException(int changed, int of)
        : base($"{changed} of {of} deadlines were changed concurrently.")
    {
    }
}
