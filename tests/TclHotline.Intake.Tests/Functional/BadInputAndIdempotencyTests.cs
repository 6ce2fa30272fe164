using Grpc.Core;
using TclHotline.Grpc.Intake.V1;
using TclHotline.Intake.Tests.Support;

namespace TclHotline.Intake.Tests.Functional;

/// <summary>Refusals store nothing; a repeated idempotency key returns the first reply, also after a restart.</summary>
public sealed class BadInputAndIdempotencyTests
{
    private static readonly string[] Tables =
        ["customers", "units", "calls", "service_orders", "unit_fault_reports", "repeat_calls", "outbox_messages", "idempotency_records"];

    [Fact]
    public async Task Bad_input_is_refused_field_by_field_and_nothing_is_stored()
    {
        await using var intake = await IntakeHost.StartAsync();
        var request = Requests.Repair();
        request.CallerNumber = "12345";
        request.DistrictCode = "999999";
        request.InvoiceDate = "2025-13-01";
        request.FaultCategory = FaultCategory.Unspecified;
        request.RequestedVisitAt = Requests.Beijing("2025-05-01", "10:00");

        var refused = await Assert.ThrowsAsync<RpcException>(() => intake.ClientAs().RegisterCallAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        var fields = refused.Trailers.GetValue("invalid-fields")!.Split(',');
        Assert.Equal(["caller_number", "district_code", "fault_category", "invoice_date", "requested_visit_at"], fields.Order());
        foreach (var table in Tables)
            Assert.Equal(0, await intake.CountAsync(table));
    }

    [Fact]
    public async Task Unknown_related_order_of_a_complaint_is_a_bad_field_and_nothing_is_stored()
    {
        await using var intake = await IntakeHost.StartAsync();
        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            intake.ClientAs().RegisterCallAsync(Requests.Complaint(Requests.Phone(), "SO20250101-000001")).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal("related_order_number", refused.Trailers.GetValue("invalid-fields"));
        foreach (var table in Tables)
            Assert.Equal(0, await intake.CountAsync(table));
    }

    [Fact]
    public async Task Same_idempotency_key_returns_the_first_order_also_after_a_restart()
    {
        var data = Path.Combine(Path.GetTempPath(), "tclhotline-intake-idem-" + Guid.NewGuid().ToString("N"));
        try
        {
            var request = Requests.Repair();
            RegisterCallReply first;
            await using (var intake = await IntakeHost.StartAsync(data))
            {
                first = await intake.ClientAs().RegisterCallAsync(request);
                var again = await intake.ClientAs().RegisterCallAsync(request);
                Assert.Equal(first, again);
            }
            await using (var restarted = await IntakeHost.StartAsync(data))
            {
                var afterRestart = await restarted.ClientAs().RegisterCallAsync(request);
                Assert.Equal(first, afterRestart);
                Assert.Equal(1, await restarted.CountAsync("service_orders"));
                Assert.Equal(1, await restarted.CountAsync("calls"));
                Assert.Single(await restarted.OutboxAsync("ServiceOrderOpened"));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }
}
