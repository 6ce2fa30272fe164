using Microsoft.SqlServer.TransactSql.ScriptDom;
using TclHotline.Grpc.Intake.V1;
using TclHotline.Intake.Data;
using TclHotline.Intake.Tests.Support;
using TclHotline.ServiceDefaults.Database;

namespace TclHotline.Intake.Tests.Functional;

/// <summary>
/// Calls that race: several at once from a new number, or about one unit, make one customer, one unit and one
/// order, the others repeat calls (the repeat-call rule), and concurrent first orders get distinct numbers.
/// SQLite's single writer would hide a race the SQL Server statements had, so those are checked as parsed
/// T-SQL for the locks and the sequence that make them safe under READ COMMITTED.
/// </summary>
public sealed class RegistrationRaceTests
{
    private const int Concurrent = 8;

    [Fact]
    public async Task Concurrent_calls_from_a_new_number_about_one_unit_make_one_customer_one_unit_one_order_the_rest_repeat_calls()
    {
        await using var intake = await IntakeHost.StartAsync();
        var phone = Requests.Phone();
        var serial = Requests.Serial();
        var replies = await Task.WhenAll(Enumerable.Range(0, Concurrent)
            .Select(_ => Task.Run(() => intake.ClientAs().RegisterCallAsync(Requests.Repair(phone, serial)).ResponseAsync)));

        var opened = Assert.Single(replies, r => !r.RepeatCall);
        Assert.All(replies, r => Assert.Equal(opened.Order.OrderId, r.Order.OrderId));
        Assert.Equal(Enumerable.Range(1, Concurrent - 1), replies.Where(r => r.RepeatCall).Select(r => r.RepeatCount).Order());
        Assert.Equal(1, await intake.CountAsync("customers", "caller_number = @Phone", new { Phone = phone }));
        Assert.Equal(1, await intake.CountAsync("units", "serial_number = @Serial", new { Serial = serial }));
        Assert.Equal(1, await intake.CountAsync("service_orders", "serial_number = @Serial", new { Serial = serial }));
        Assert.Equal(Concurrent - 1, await intake.CountAsync("repeat_calls"));
        Assert.Equal(Concurrent, await intake.CountAsync("calls"));
    }

    [Fact]
    public async Task Concurrent_calls_from_several_numbers_about_one_unit_open_one_order()
    {
        await using var intake = await IntakeHost.StartAsync();
        var serial = Requests.Serial();
        var phones = Enumerable.Range(0, Concurrent).Select(_ => Requests.Phone()).ToList();
        var replies = await Task.WhenAll(phones
            .Select(phone => Task.Run(() => intake.ClientAs().RegisterCallAsync(Requests.Repair(phone, serial)).ResponseAsync)));

        Assert.Single(replies, r => !r.RepeatCall);
        Assert.Single(replies.Select(r => r.Order.OrderId).Distinct());
        Assert.Equal(1, await intake.CountAsync("units", "serial_number = @Serial", new { Serial = serial }));
        Assert.Equal(Concurrent, await intake.CountAsync("customers"));
    }

    [Fact]
    public async Task Concurrent_first_orders_of_a_day_get_distinct_numbers()
    {
        await using var intake = await IntakeHost.StartAsync();
        var replies = await Task.WhenAll(Enumerable.Range(0, Concurrent)
            .Select(_ => Task.Run(() => intake.ClientAs().RegisterCallAsync(Requests.Repair()).ResponseAsync)));
        Assert.Equal(Concurrent, replies.Select(r => r.Order.OrderNumber).Distinct().Count());
        Assert.All(replies, r => Assert.False(r.RepeatCall));
    }

    [Theory]
    [InlineData(nameof(IntakeSql.UpsertCustomer))]
    [InlineData(nameof(IntakeSql.UpsertUnit))]
    public void On_SqlServer_customer_and_unit_are_one_merge_under_holdlock(string statement)
    {
        var found = Parse(SqlServerStatement(typeof(IntakeSql), statement));
        var merge = Assert.Single(found.Merges);
        Assert.Contains(TableHintKind.HoldLock, found.HintsOn(merge));
        Assert.Single(found.Statements);
    }

    [Fact]
    public void On_SqlServer_the_unit_and_the_idempotency_key_are_read_under_updlock_holdlock()
    {
        foreach (var sql in new[] { SqlServerStatement(typeof(IntakeSql), nameof(IntakeSql.LockUnit)), FoundationSql.SelectIdempotency[SqlDialect.SqlServer] })
        {
            var hints = Parse(sql).Hints;
            Assert.Contains(TableHintKind.UpdLock, hints);
            Assert.Contains(TableHintKind.HoldLock, hints);
        }
    }

    [Fact]
    public void On_SqlServer_order_numbers_come_from_a_sequence_the_migration_creates()
    {
        var found = Parse(SqlServerStatement(typeof(IntakeSql), nameof(IntakeSql.NextOrderNumber)));
        var next = Assert.Single(found.NextValues);
        var sequence = next.SequenceName.BaseIdentifier.Value;
        var scripts = Testing.SqlServerSyntax.MigrationScripts(typeof(IntakeDatabase).Assembly);
        Assert.Contains(scripts, s => s.Sql.Contains("CREATE SEQUENCE " + sequence + " ", StringComparison.Ordinal));
    }

    private static string SqlServerStatement(Type holder, string field) =>
        Testing.SqlServerSyntax.Statements(holder).Single(s => s.Name == $"{holder.Name}.{field}[SqlServer]").Sql;

    private static Found Parse(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        var tree = parser.Parse(reader, out var errors);
        Assert.Empty(errors);
        var found = new Found();
        tree.Accept(found);
        return found;
    }

    private sealed class Found : TSqlFragmentVisitor
    {
        public List<TSqlStatement> Statements { get; } = [];
        public List<MergeStatement> Merges { get; } = [];
        public List<TableHintKind> Hints { get; } = [];
        public List<NextValueForExpression> NextValues { get; } = [];

        public IEnumerable<TableHintKind> HintsOn(MergeStatement merge) =>
            merge.MergeSpecification.Target is NamedTableReference target ? target.TableHints.Select(h => h.HintKind) : [];

        public override void ExplicitVisit(MergeStatement node)
        {
            Merges.Add(node);
            base.ExplicitVisit(node);
        }

        public override void Visit(TSqlStatement node) => Statements.Add(node);

        public override void Visit(TableHint node) => Hints.Add(node.HintKind);

        public override void Visit(NextValueForExpression node) => NextValues.Add(node);
    }
}
