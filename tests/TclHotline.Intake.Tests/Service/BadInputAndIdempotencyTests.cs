using Grpc.Core;
using TclHotline.Grpc.Intake.V1;

namespace TclHotline.Intake.Tests.Service;

/// <summary>Refusals store nothing; a repeated idempotency key returns the first reply, also after a restart.</summary>
public sealed class BadInputAndIdempotencyTests
{
    private static readonly string[] Tables =
        ["customers", "units", "calls", "service_orders", "unit_fault_reports", "repeat_calls", "outbox_messages", "idempotency_records"];

    [Fact]
    public async Task BadInputIsRefusedFieldByFieldAndNothingIsStored()
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
    public async Task UnknownRelatedOrderOfAComplaintIsABadFieldAndNothingIsStored()
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
    public async Task SameIdempotencyKeyReturnsTheFirstOrderAlsoAfterARestart()
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
