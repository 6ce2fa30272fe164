using System.Text.RegularExpressions;
using Grpc.Core;
using TclHotline.ServiceDefaults.Security;
using Xunit;

namespace TclHotline.Security.Tests;

/// <summary>Data protection: no phone number or customer name in any log record or refusal message.</summary>
[Collection(HotlineFlowCollection.Name)]
public sealed partial class LogRedactionTests(HotlineFlow flow)
{
    // A mainland mobile as a number of its own (with or without +86), not digits inside a longer number.
    [GeneratedRegex(@"(?<!\d)(?:\+?86)?1[3-9]\d{9}(?!\d)")]
    private static partial Regex MobileNumber();

    // Trace, span and parent ids and GUIDs are random hex: one in a few hundred holds eleven digits in a row
    // that read as a mobile number ("SpanId:18451269909b1c98"). They are identifiers, not customer data.
    [GeneratedRegex(@"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b|\b[0-9a-f]{32}\b|\b[0-9a-f]{16}\b")]
    private static partial Regex RandomIdentifier();

    [Fact]
    public void The_flows_logs_carry_no_unmasked_phone_number_or_customer_name()
    {
        var records = flow.Logs.Records.ToList();
        Assert.True(records.Count > 20, $"only {records.Count} log records captured: is the provider wired?");
        var leaks = records.Where(r => MobileNumber().IsMatch(RandomIdentifier().Replace(r, "<id>"))
            || flow.Phones.Any(phone => r.Contains(phone, StringComparison.Ordinal))
            || r.Contains(HotlineFlow.FirstName, StringComparison.Ordinal)
            || r.Contains(HotlineFlow.SecondName, StringComparison.Ordinal)
            || r.Contains(HotlineFlow.ComplaintName, StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, "log records with customer data:\n" + string.Join("\n", leaks.Take(20)));
    }

    [Theory]
    [InlineData("1391234567")]    // a digit short
    [InlineData("139123456789")]  // a digit too many
    [InlineData("12912345678")]   // no such mobile prefix
    public async Task ABadPhone_IsRefusedWithoutEchoingIt(string phone)
    {
        var call = HotlineFlow.Call(phone, HotlineFlow.FirstName);
        var refusal = await Assert.ThrowsAsync<RpcException>(() => flow.Intake(HotlineRoles.Agent).RegisterCallAsync(call).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, refusal.StatusCode);
        Assert.Contains("caller_number", refusal.Status.Detail);
        Assert.DoesNotContain(phone, refusal.Status.Detail);
        Assert.DoesNotContain(HotlineFlow.FirstName, refusal.Status.Detail);
        Assert.DoesNotContain(flow.Logs.Records, r => r.Contains(phone, StringComparison.Ordinal));
    }
}
