using Grpc.Core;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using TclHotline.Grpc.Intake.V1;
using TclHotline.ServiceDefaults.Observability;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Testing;
using Xunit;

namespace TclHotline.Security.Tests;

/// <summary>
/// Database error texts can quote a duplicate key, a phone number or a truncated customer name: they are
/// masked before they are logged, keeping the code, constraint, table and column that say what broke.
/// SQLite's texts are produced for real here; SQL Server's are its real wording (no SQL Server runs here).
/// </summary>
public sealed class DatabaseErrorRedactionTests : IDisposable
{
    private const string Phone = "13912345678";
    private const string Name = "欧阳娜娜";
    private readonly string _file = Path.Combine(Path.GetTempPath(), "tclhotline-redact-" + Guid.NewGuid().ToString("N") + ".db");

    [Theory]
    // 2627: a primary key or unique constraint.
    [InlineData("Violation of UNIQUE KEY constraint 'UQ__customers__caller_number'. Cannot insert duplicate key in object 'dbo.customers'. The duplicate key value is (13912345678).\r\nThe statement has been terminated.",
        "UQ__customers__caller_number", "dbo.customers")]
    // 2601: a unique index, with a composite key quoting a name.
    [InlineData("Cannot insert duplicate key row in object 'dbo.customers' with unique index 'ux_customers_phone_name'. The duplicate key value is (13912345678, 欧阳娜娜).\r\nThe statement has been terminated.",
        "ux_customers_phone_name", "dbo.customers")]
    // 2628 (8152's wording since SQL Server 2019): the column and the cut value.
    [InlineData("String or binary data would be truncated in table 'hotline.dbo.complaints', column 'customer_name'. Truncated value: '欧阳娜娜 13912345678'.\r\nThe statement has been terminated.",
        "hotline.dbo.complaints", "customer_name")]
    // 245: a value that does not convert.
    [InlineData("Conversion failed when converting the nvarchar value '欧阳娜娜 O'Neil 13912345678' to data type int.", "nvarchar value", "data type int")]
    public void SqlServerMessages_LoseTheQuotedValues_AndKeepWhatBroke(string message, string kept1, string kept2)
    {
        var redacted = Redact.DatabaseMessage(message);
        Assert.DoesNotContain(Phone, redacted);
        Assert.DoesNotContain(Name, redacted);
        Assert.DoesNotContain("O'Neil", redacted);
        Assert.Contains(kept1, redacted);
        Assert.Contains(kept2, redacted);
    }

    [Fact]
    public void SqlServer_8152_without_a_value_stays_as_it_is()
    {
        const string message = "String or binary data would be truncated.\r\nThe statement has been terminated.";
        Assert.Equal(message, Redact.DatabaseMessage(message));
    }

    [Fact]
    public void Real_sqlite_errors_are_masked_with_their_codes_and_stack_kept()
    {
        using var connection = new SqliteConnection($"Data Source={_file}");
        connection.Open();
        Execute(connection, "CREATE TABLE customers (caller_number TEXT NOT NULL UNIQUE, name TEXT NOT NULL)");
        Execute(connection, $"INSERT INTO customers VALUES ('{Phone}', '{Name}')");

        var duplicate = Assert.Throws<SqliteException>(() => Execute(connection, $"INSERT INTO customers VALUES ('{Phone}', '{Name}')"));
        var logged = Redact.DatabaseErrors(duplicate).ToString();
        Assert.Contains("SQLite error 19", logged);
        Assert.Contains("UNIQUE constraint failed: customers.caller_number", logged);
        Assert.Contains(nameof(Real_sqlite_errors_are_masked_with_their_codes_and_stack_kept), logged);

        // Double quotes make an identifier: SQLite's text then quotes the value it could not resolve.
        var quoted = Assert.Throws<SqliteException>(() => Execute(connection, $"SELECT name FROM customers WHERE caller_number = \"{Phone}\" OR name = \"{Name}\""));
        Assert.Contains(Phone, quoted.Message);
        var masked = Redact.DatabaseErrors(new InvalidOperationException("registering a call failed", quoted)).ToString();
        Assert.DoesNotContain(Phone, masked);
        Assert.DoesNotContain(Name, masked);
        Assert.Contains("no such column", masked);
        Assert.Contains("registering a call failed", masked);

        // Exceptions that hold no database error are logged as they are.
        var plain = new InvalidOperationException("nothing to mask");
        Assert.Same(plain, Redact.DatabaseErrors(plain));
    }

    [Fact]
    public async Task A_database_error_during_an_rpc_is_logged_masked_and_the_caller_gets_no_detail()
    {
        var logs = new CapturedLogs();
        await using var host = await TestHost.StartAsync([new Intake.IntakeModule()], configure: b => b.Logging.AddProvider(logs));
        // A trigger that refuses every new customer quoting the number and name, as SQL Server's duplicate key does.
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(host.DataDirectory, "intake.db")}"))
        {
            await connection.OpenAsync();
            Execute(connection, """
                CREATE TRIGGER refuse_customers BEFORE INSERT ON customers
                BEGIN SELECT RAISE(ABORT, 'duplicate customer (' || NEW.caller_number || ', ' || NEW.name || ')'); END
                """);
        }

        var intake = new IntakeService.IntakeServiceClient(host.ChannelAs(HotlineRoles.Agent));
        var refusal = await Assert.ThrowsAsync<RpcException>(() => intake.RegisterCallAsync(HotlineFlow.Call(Phone, Name)).ResponseAsync);
        Assert.Equal(StatusCode.Internal, refusal.StatusCode);
        Assert.DoesNotContain(Phone, refusal.Status.Detail);

        var error = Assert.Single(logs.Records, r => r.Contains("Unhandled error in", StringComparison.Ordinal));
        Assert.Contains("SQLite error 19", error);
        Assert.Contains("duplicate customer", error);
        Assert.DoesNotContain(Phone, error);
        Assert.DoesNotContain(Name, error);
        Assert.DoesNotContain(logs.Records, r => r.Contains(Phone, StringComparison.Ordinal) || r.Contains(Name, StringComparison.Ordinal));
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { File.Delete(_file); } catch (IOException) { }
    }
}
