using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace TclHotline.ServiceDefaults.Database;

/// <summary>
/// The in-process write turn of one SQLite file. Writers queue in order; the holder of the turn either hands it,
/// with its still-open transaction (<see cref="WriteGroup"/>), to the next writer in the queue, or ends the
/// transaction and lets the next writer start a new one. Handing over happens under one lock, so a writer that
/// gives up waiting (timeout, cancellation) is either still in the queue and leaves it, or already holds the turn.
/// </summary>
internal sealed class WriteGate
{
    private readonly object _lock = new();
    private readonly LinkedList<TaskCompletionSource<WriteGroup?>> _queue = new();
    private bool _held;

    /// <returns>Whether the turn was got in time and, when it was, the open group handed over with it (null: start one).</returns>
    public async Task<(bool Granted, WriteGroup? Group)> EnterAsync(int timeoutMs, CancellationToken ct)
    {
        LinkedListNode<TaskCompletionSource<WriteGroup?>> node;
        lock (_lock)
        {
            if (!_held)
            {
                _held = true;
                return (true, null);
            }

            node = _queue.AddLast(new TaskCompletionSource<WriteGroup?>(TaskCreationOptions.RunContinuationsAsynchronously));
        }

        try
        {
            return (true, await node.Value.Task.WaitAsync(TimeSpan.FromMilliseconds(timeoutMs), ct));
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            lock (_lock)
            {
                if (node.List is not null)
                {
                    _queue.Remove(node);
                    if (e is TimeoutException)
                        return (false, null);
                    throw;
                }
            }

            // Handed the turn just as the wait ended: it is ours now and must be passed on properly, so take it;
            // a cancelled caller's first statement stops the unit, whose disposal passes the turn on.
            return (true, await node.Value.Task);
        }
    }

    /// <summary>Hands <paramref name="group"/> and the turn to the next writer in the queue, if there is one.</summary>
    public bool TryPass(WriteGroup group)
    {
        lock (_lock)
        {
            if (_queue.First is not { } next)
                return false;
            _queue.RemoveFirst();
            next.Value.SetResult(group);
            return true;
        }
    }

    /// <summary>The holder's transaction has ended: the next writer in the queue starts a new one, or the turn is free.</summary>
    public void Leave()
    {
        lock (_lock)
        {
            if (_queue.First is { } next)
            {
                _queue.RemoveFirst();
                next.Value.SetResult(null);
            }
            else
            {
                _held = false;
            }
        }
    }
}

/// <summary>
/// Group commit: several units of work of one SQLite file in one transaction, each inside its own savepoint.
/// A unit that commits releases its savepoint and, while writers are queued, hands the open transaction to the
/// next one instead of committing; the last unit commits for all. Every unit is told it committed only after the
/// COMMIT; if the COMMIT (or the transaction) fails, every unit that had finished is told it failed. A unit that
/// rolls back is undone to its savepoint and the others go on. One commit per group instead of one per unit:
/// the pages several units change (table ends, the outbox, the inbox) are written to the WAL once.
/// </summary>
/// <param name="release">Takes the writer connection back when the group has ended; false: it failed, do not reuse it.</param>
internal sealed class WriteGroup(WriteGate gate, PreparedStatements connection, DbTransaction transaction, int maxUnits, Action<PreparedStatements, bool> release)
{
    private readonly List<TaskCompletionSource> _finished = [];
    private int _units;
    private Exception? _broken;

    public PreparedStatements Connection { get; } = connection;
    public DbTransaction Transaction { get; } = transaction;

    /// <summary>
    /// Opens the joining unit's savepoint. One name serves every unit: each releases or rolls back its savepoint
    /// before the next joins, and a fixed text keeps the savepoint statements prepared on the writer connection.
    /// </summary>
    public void Join(CancellationToken ct)
    {
        _units++;
        ct.ThrowIfCancellationRequested();
        Execute("SAVEPOINT unit");
    }

    /// <summary>
    /// Keeps the unit's work in the group (its savepoint released) and passes the turn on, or commits the group.
    /// </summary>
    /// <returns>The group's commit: completes once the COMMIT succeeded, faults if it failed.</returns>
    public async Task<Task> HandOverAsync(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        Execute("RELEASE unit");
        var committed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _finished.Add(committed);
        if (!PassOn())
            await EndAsync();
        return committed.Task;
    }

    /// <summary>Undoes the unit's work (nothing to undo when it never <paramref name="joined"/>) and lets the group go on without it.</summary>
    public async Task RollbackUnitAsync(bool joined)
    {
        if (joined)
        {
            try
            {
                Execute("ROLLBACK TO unit");
                Execute("RELEASE unit");
            }
            catch (Exception e) when (e is SqliteException or InvalidOperationException)
            {
                _broken = e; // the transaction itself is gone: the units that finished cannot commit
            }
        }

        if (!PassOn())
            await EndAsync();
    }

    /// <summary>Runs a statement of the group's own on the writer connection, where it stays prepared like any other.</summary>
    private void Execute(string sql)
    {
        using var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private bool PassOn() => _broken is null && _units < maxUnits && !Ended && gate.TryPass(this);

    /// <summary>SQLite rolled the whole transaction back on its own (e.g. an I/O error or an interrupt).</summary>
    private bool Ended => SQLitePCL.raw.sqlite3_get_autocommit(Connection.Inner.Handle) != 0;

    private async Task EndAsync()
    {
        var failure = _broken ?? (Ended ? new InvalidOperationException("SQLite ended the write transaction before its commit.") : null);
        var committed = false;
        try
        {
            if (failure is null && _finished.Count > 0)
            {
                await Transaction.CommitAsync(CancellationToken.None);
                committed = true;
            }
            else if (!Ended)
            {
                await Transaction.RollbackAsync(CancellationToken.None);
            }
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException)
        {
            failure ??= e;
        }
        finally
        {
            var reusable = failure is null;
            try
            {
                await Transaction.DisposeAsync();
            }
            catch (Exception e) when (e is SqliteException or InvalidOperationException)
            {
                // E.g. the rollback on disposal of a transaction SQLite had ended. Committed work stays committed;
                // either way the turn must pass on.
                if (!committed) failure ??= e;
                reusable = false;
            }
            finally
            {
                try { release(Connection, reusable); }
                finally { gate.Leave(); }
            }
        }

        foreach (var unit in _finished)
        {
            if (failure is null)
                unit.SetResult();
            else
                unit.SetException(failure);
        }
    }
}
