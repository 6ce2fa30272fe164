using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace TclHotline.ServiceDefaults.Database;

/// <summary>
/// A SQLite writer connection that keeps each statement it has run prepared, by SQL text, for the next time.
/// Dapper asks for a new command per call, and Microsoft.Data.Sqlite keeps a prepared statement only as long as
/// its command lives (dotnet/efcore#14044), so every statement of every unit of work was compiled afresh: a fifth
/// of the host's CPU under load. The commands Dapper gets here are thin stand-ins that run the kept
/// <see cref="SqliteCommand"/> for their text with their parameters. Used only by the holder of the file's write
/// turn, one caller at a time. At most <c>Database:SqliteStatementCacheSize</c> texts are kept (the least recently run makes
/// room for a new one); a text whose kept command still has a reader open runs on a command of its own, as before.
/// </summary>
internal sealed class PreparedStatements(SqliteConnection inner, int capacity) : DbConnection
{
    private readonly Dictionary<string, KeptCommand> _kept = new(StringComparer.Ordinal);
    private long _runs;

    public SqliteConnection Inner { get; } = inner;

    /// <summary>
    /// The kept command for <paramref name="sql"/>, or null when it cannot be kept now (its kept command still has a
    /// reader open). A new text in a full cache takes the place of the one run least recently.
    /// </summary>
    internal KeptCommand? Kept(string sql)
    {
        if (capacity == 0) return null;
        if (_kept.TryGetValue(sql, out var kept))
        {
            if (kept.ReaderOpen) return null;
            kept.LastRun = ++_runs;
            return kept;
        }

        if (_kept.Count >= capacity && !ForgetLeastRecentlyRun()) return null;
        kept = new KeptCommand { Connection = Inner, CommandText = sql, LastRun = ++_runs };
        _kept.Add(sql, kept);
        return kept;
    }

    private bool ForgetLeastRecentlyRun()
    {
        KeptCommand? oldest = null;
        foreach (var kept in _kept.Values)
        {
            if (!kept.ReaderOpen && (oldest is null || kept.LastRun < oldest.LastRun)) oldest = kept;
        }

        if (oldest is null) return false;
        Forget(oldest.CommandText);
        return true;
    }

    /// <summary>Forgets a kept command whose run failed, so its statements are never reused in an unknown state.</summary>
    internal void Forget(string sql)
    {
        if (_kept.Remove(sql, out var kept)) kept.Dispose();
    }

    [AllowNull]
    public override string ConnectionString { get => Inner.ConnectionString; set => Inner.ConnectionString = value; }
    public override string Database => Inner.Database;
    public override string DataSource => Inner.DataSource;
    public override string ServerVersion => Inner.ServerVersion;
    public override ConnectionState State => Inner.State;
    public override void ChangeDatabase(string databaseName) => Inner.ChangeDatabase(databaseName);
    public override void Open() => Inner.Open();
    public override void Close() => Inner.Close();
    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => Inner.BeginTransaction(isolationLevel);
    protected override DbCommand CreateDbCommand() => new StandInCommand(this);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var kept in _kept.Values) kept.Dispose();
            _kept.Clear();
            Inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>A command kept with its prepared statements; knows whether a reader of its last run is still open.</summary>
    internal sealed class KeptCommand : SqliteCommand
    {
        public bool ReaderOpen => DataReader is not null;

        /// <summary>When it last ran, counted in runs of this connection's kept commands.</summary>
        public long LastRun { get; set; }
    }
}

/// <summary>
/// What Dapper gets from <see cref="PreparedStatements"/>: collects the text, parameters and transaction, then runs
/// them on the kept command for that text (or on a command of its own when the text is not kept).
/// </summary>
internal sealed class StandInCommand(PreparedStatements connection) : DbCommand
{
    private readonly CollectedParameters _collected = new();
    private SqliteCommand? _own;
    private int? _timeout;

    [AllowNull]
    public override string CommandText { get; set; } = "";
    public override int CommandTimeout { get => _timeout ?? connection.Inner.DefaultTimeout; set => _timeout = value; }
    public override CommandType CommandType
    {
        get => CommandType.Text;
        set
        {
            if (value != CommandType.Text) throw new ArgumentException("SQLite runs only command text.", nameof(value));
        }
    }

    public override bool DesignTimeVisible { get; set; }
    public override UpdateRowSource UpdatedRowSource { get; set; }
    protected override DbConnection? DbConnection { get => connection; set { } }
    protected override DbParameterCollection DbParameterCollection => _collected;
    protected override DbTransaction? DbTransaction { get; set; }

    public override void Cancel() { }
    public override void Prepare() { }
    protected override DbParameter CreateDbParameter() => new SqliteParameter();

    public override int ExecuteNonQuery() => Run(command => command.ExecuteNonQuery());
    public override object? ExecuteScalar() => Run(command => command.ExecuteScalar());
    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => Run(command => command.ExecuteReader(behavior));

    private T Run<T>(Func<SqliteCommand, T> execute)
    {
        var sql = CommandText;
        SqliteCommand command = (SqliteCommand?)connection.Kept(sql) ?? Own(sql);
        command.Transaction = (SqliteTransaction?)DbTransaction;
        command.CommandTimeout = CommandTimeout;
        command.Parameters.Clear();
        foreach (SqliteParameter parameter in _collected)
            command.Parameters.Add(parameter);
        try
        {
            return execute(command);
        }
        catch when (command != _own)
        {
            connection.Forget(sql);
            throw;
        }
    }

    private SqliteCommand Own(string sql)
    {
        _own ??= new SqliteCommand { Connection = connection.Inner };
        if (_own.CommandText != sql) _own.CommandText = sql;
        return _own;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _own?.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>The parameters Dapper adds, held until the run copies them onto the command that runs.</summary>
    private sealed class CollectedParameters : SqliteParameterCollection;
}
