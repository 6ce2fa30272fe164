using System.Reflection;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using TclHotline.Complaints.Api;
using TclHotline.Intake;
using TclHotline.Intake.Domain.Calls;
using TclHotline.ServiceDefaults.Grpc;
using TclHotline.Testing;
using Xunit;
using Limits = TclHotline.Complaints.Api.ComplaintRequestValidator.TextLimits;
using ReturnsLimits = TclHotline.Returns.Api.RequestChecks;

namespace TclHotline.Security.Tests;

/// <summary>
/// Every length a request is checked against fits the SQL Server column that stores the field, read from the
/// SQL Server migration scripts: a text that passes validation never meets a truncation error (8152/2628),
/// whose message would quote the customer's data.
/// </summary>
public sealed class ColumnLimitTests
{
    public static TheoryData<string, string, int> Checked()
    {
        var calls = new CallValidationOptions();
        var intake = new IntakeOptions();
        return new TheoryData<string, string, int>
        {
            { "idempotency_records", "idempotency_key", IdempotentRequest.MaxKeyLength },
            { "idempotency_records", "idempotency_key", calls.IdempotencyKeyMaxLength },
            { "calls", "call_id", calls.CallIdMaxLength },
            { "calls", "agent_id", calls.AgentIdMaxLength },
            { "service_orders", "agent_id", calls.AgentIdMaxLength },
            { "customers", "name", calls.CustomerNameMaxLength },
            { "service_orders", "customer_name", calls.CustomerNameMaxLength },
            { "customers", "street_address", calls.StreetAddressMaxLength },
            { "service_orders", "street_address", calls.StreetAddressMaxLength },
            { "units", "product_model", calls.ProductModelMaxLength },
            { "units", "serial_number", calls.SerialNumberMaxLength },
            { "units", "invoice_number", calls.InvoiceNumberMaxLength },
            { "service_orders", "order_number", calls.RelatedOrderNumberMaxLength },
            { "service_orders", "cancel_reason", intake.CancelReasonMaxLength },
            { "service_orders", "cancelled_by", intake.CancelledByMaxLength },
            { "complaints", "customer_name", Limits.CustomerName },
            { "complaints", "customer_phone", Limits.Phone },
            { "complaints", "branch_code", Limits.BranchCode },
            { "complaints", "order_number", Limits.OrderNumber },
            { "complaints", "serial_number", Limits.SerialNumber },
            { "complaints", "engineer_id", Limits.EngineerId },
            { "complaints", "description", Limits.LongText },
            { "complaints", "resolution_text", Limits.LongText },
            { "complaint_escalations", "reason", Limits.Reason },
            { "complaint_reopenings", "reason", Limits.Reason },
            { "callback_tasks", "outcome", 500 },
            { "dealer_units", "serial_number", ReturnsLimits.SerialMax },
            { "dealer_units", "dealer_code", ReturnsLimits.CodeMax },
            { "dealer_units", "product_model", ReturnsLimits.ModelMax },
            { "pre_sale_reports", "dealer_code", ReturnsLimits.CodeMax },
            { "pre_sale_reports", "serial_number", ReturnsLimits.SerialMax },
            { "pre_sale_reports", "product_model", ReturnsLimits.ModelMax },
            { "pre_sale_reports", "description", ReturnsLimits.TextMax },
            { "pre_sale_reports", "inspection_note", ReturnsLimits.TextMax },
            // The photo ids are stored comma-joined.
            { "pre_sale_reports", "evidence_photo_ids", ReturnsLimits.PhotosMax * (ReturnsLimits.PhotoIdMax + 1) },
            { "attribution_changes", "reason", ReturnsLimits.TextMax },
            { "merchant_returns", "dealer_code", ReturnsLimits.CodeMax },
            { "merchant_returns", "serial_number", ReturnsLimits.SerialMax },
            { "merchant_returns", "note", ReturnsLimits.TextMax },
            { "merchant_return_slow_orders", "order_number", ReturnsLimits.CodeMax },
            { "scraps", "serial_number", ReturnsLimits.SerialMax },
            { "scraps", "branch_code", ReturnsLimits.CodeMax },
            { "scraps", "product_model", ReturnsLimits.ModelMax },
            { "scraps", "reason", ReturnsLimits.TextMax },
            { "panel_exchanges", "new_model", ReturnsLimits.ModelMax },
            { "process_steps", "note", ReturnsLimits.TextMax },
        };
    }

    [Theory]
    [MemberData(nameof(Checked))]
    public void The_checked_length_fits_the_SqlServer_column(string table, string column, int checkedLength)
    {
        Assert.True(Widths.TryGetValue((table, column), out var width), $"no {table}.{column} of bounded width in any SQL Server script");
        Assert.True(checkedLength <= width, $"{table}.{column} holds {width} characters but requests may send {checkedLength}");
    }

    private static readonly IReadOnlyDictionary<(string Table, string Column), int> Widths = Read(
        typeof(IdempotentRequest).Assembly, typeof(IntakeModule).Assembly, typeof(ComplaintRequestValidator).Assembly,
        typeof(Telephony.TelephonyModule).Assembly, typeof(Returns.ReturnsModule).Assembly);

    private static Dictionary<(string, string), int> Read(params Assembly[] assemblies)
    {
        var widths = new Dictionary<(string, string), int>();
        foreach (var (_, sql) in assemblies.SelectMany(SqlServerSyntax.MigrationScripts))
        {
            var tree = new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
            Assert.Empty(errors);
            var visitor = new ColumnWidths(widths);
            tree.Accept(visitor);
        }
        return widths;
    }

    private sealed class ColumnWidths(Dictionary<(string, string), int> widths) : TSqlFragmentVisitor
    {
        public override void ExplicitVisit(CreateTableStatement node)
        {
            foreach (var column in node.Definition.ColumnDefinitions) Add(node.SchemaObjectName.BaseIdentifier.Value, column);
        }

        public override void ExplicitVisit(AlterTableAddTableElementStatement node)
        {
            foreach (var column in node.Definition.ColumnDefinitions) Add(node.SchemaObjectName.BaseIdentifier.Value, column);
        }

        private void Add(string table, ColumnDefinition column)
        {
            if (column.DataType is not SqlDataTypeReference { Parameters: [IntegerLiteral literal] }) return;
            // Services share table names (calls, customers): the narrowest of them is the one to fit.
            var key = (table, column.ColumnIdentifier.Value);
            var width = int.Parse(literal.Value, System.Globalization.CultureInfo.InvariantCulture);
            widths[key] = widths.TryGetValue(key, out var other) ? Math.Min(other, width) : width;
        }
    }
}
