using Grpc.Core;
using TclHotline.EndToEnd.Tests.Apis;
using TclHotline.EndToEnd.Tests.Harness;
using TclHotline.Grpc.Complaints.V1;
using TclHotline.Testing;
using Xunit;
using Xunit.Abstractions;

namespace TclHotline.EndToEnd.Tests.BadInput;

/// <summary>
/// Malformed requests across the public APIs: each gets the right status naming the field, no service
/// crashes, and nothing is stored (counts before and after are equal).
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class BadInputTests(SystemUnderTest system, ITestOutputHelper output)
{
    private const int FuzzSeed = 20261127;
    private const int FuzzRequests = 150;

    [RabbitMqFact]
    public async Task Every_malformed_request_in_the_table_gets_the_right_status_and_stores_nothing()
    {
        var desk = new ComplaintDeskCalls(system);
        var filed = await desk.FileAsync(ComplaintDeskCalls.NewComplaint(ComplaintDeskMalformedCalls.Branch, "table-" + Guid.NewGuid().ToString("N")[..8]));
        // Its deadlines reach the SLA timer before counting starts.
        await Eventually.Until(
            () => ServiceFiles.CountAsync(ServiceFiles.DatabaseFile(system, "Sla", "sla"),
                "SELECT COUNT(*) FROM deadlines WHERE substr(subject_id, 1, 36) = @id", ("@id", filed.ComplaintId)),
            n => n == filed.PendingDeadlines.Count,
            TimeSpan.FromSeconds(60),
            "the filed complaint's deadlines with the SLA timer");
        var table = ComplaintDeskMalformedCalls.For(system, filed).Concat(HotlineMalformedCalls.For(system)).ToList();
        var before = await StoredAsync();

        var wrong = new List<string>();
        foreach (var call in table)
        {
            system.Figures.Call();
            system.Figures.MalformedRequest();
            if (await call.CheckAsync() is { } problem) wrong.Add(problem);
        }

        await AssertUnharmedAsync(before, $"{table.Count} malformed requests");
        output.WriteLine($"{table.Count} malformed requests sent, {wrong.Count} answered wrongly");
        Assert.True(table.Count >= 50, $"the table has only {table.Count} rows");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [RabbitMqFact]
    public async Task A_seeded_fuzz_run_of_spoiled_requests_is_refused_naming_each_spoiled_field()
    {
        var random = new Random(FuzzSeed);
        var agent = new ComplaintDeskCalls(system).Agent;
        var before = await StoredAsync();
        var wrong = new List<string>();
        for (var i = 0; i < FuzzRequests; i++)
        {
            var request = ComplaintDeskCalls.NewComplaint(ComplaintDeskMalformedCalls.Branch, $"fuzz-{FuzzSeed}-{i}-{Guid.NewGuid():N}");
            var spoiled = FileComplaintSpoilers.Apply(request, random);
            system.Figures.Call();
            system.Figures.MalformedRequest();
            try
            {
                await agent.FileComplaintAsync(request);
                wrong.Add($"#{i} spoiling {string.Join(",", spoiled)}: accepted");
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.InvalidArgument)
            {
                var unnamed = spoiled.Where(f => !e.Status.Detail.Contains(f, StringComparison.Ordinal)).ToList();
                if (unnamed.Count > 0) wrong.Add($"#{i}: '{e.Status.Detail}' does not name {string.Join(",", unnamed)}");
            }
            catch (RpcException e)
            {
                wrong.Add($"#{i} spoiling {string.Join(",", spoiled)}: {e.StatusCode} {e.Status.Detail}");
            }
        }

        await AssertUnharmedAsync(before, $"fuzz seed {FuzzSeed}");
        output.WriteLine($"fuzz seed {FuzzSeed}: {FuzzRequests} requests, {wrong.Count} answered wrongly");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    /// <summary>What the system holds: service orders, complaints on the desk and deadlines with the SLA timer.</summary>
    private async Task<(int Orders, int Complaints, long Deadlines)> StoredAsync()
    {
        var orders = await new HotlineCalls(system).CountOrdersAsync();
        var complaints = (await new ComplaintDeskCalls(system).ListAsync("")).Count;
        var deadlines = await ServiceFiles.CountAsync(ServiceFiles.DatabaseFile(system, "Sla", "sla"), "SELECT COUNT(*) FROM deadlines");
        return (orders, complaints, deadlines);
    }

    private async Task AssertUnharmedAsync((int Orders, int Complaints, long Deadlines) before, string what)
    {
        // Give any wrongly accepted request time to travel the bus before counting.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var after = await StoredAsync();
        system.Figures.Print(output, what);
        Assert.Empty(await system.NotReadyAsync());
        Assert.Equal(before, after);
    }
}
