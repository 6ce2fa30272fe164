using Grpc.Core;
using TclHotline.ServiceDefaults.Modules;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Testing;
using Xunit;

namespace TclHotline.Security.Tests;

/// <summary>
/// Every RPC of every module, in one host, refuses a missing, expired or forged token
/// (Unauthenticated) and every role it does not name (PermissionDenied), and a refused call changes nothing.
/// </summary>
public sealed class RefusalTests
{
    /// <summary>RPCs meant for every authenticated role, so they carry no [Authorize(Roles)] on purpose, with why.</summary>
    private static readonly IReadOnlyDictionary<string, string> OpenToEveryRole = new Dictionary<string, string>
    {
        // An owner's inbox: which roles receive notices is configuration (Notifications:LevelRoles), and every
        // call is limited to the notices addressed to a role the caller holds, in a branch they can see.
        ["tclhotline.complaints.v1.Notifications.ListNotifications"] = "inbox scoped to the caller's roles",
        ["tclhotline.complaints.v1.Notifications.Acknowledge"] = "inbox scoped to the caller's roles",
        ["tclhotline.complaints.v1.Notifications.WatchNotifications"] = "inbox scoped to the caller's roles",
    };

    internal static IServiceModule[] AllModules() =>
        [new Intake.IntakeModule(), new Telephony.TelephonyModule(), new Dispatch.DispatchModule(), new Sla.SlaModule(), new Complaints.ComplaintsModule(), new Returns.ReturnsModule()];

    [Fact]
    public void Every_rpc_names_the_roles_that_may_call_it()
    {
        var rpcs = GrpcSurface.All();
        Assert.True(rpcs.Count > 40, $"only {rpcs.Count} RPCs discovered: is a module missing?");
        foreach (var service in new[] { "IntakeService", "TelephonyService", "DispatchService", "RosterService", "SlaTimer", "ComplaintDesk", "Returns", "AuditTrail" })
            Assert.Contains(rpcs, r => r.Descriptor.Service.Name == service);

        var unnamed = rpcs.Where(r => r.AllowedRoles is null && !OpenToEveryRole.ContainsKey(r.Name)).Select(r => r.Name).ToList();
        Assert.True(unnamed.Count == 0, "RPCs with no [Authorize(Roles = ...)] (only the authenticated fallback):\n" + string.Join("\n", unnamed));
        var nobody = rpcs.Where(r => r.AllowedRoles is { Count: 0 }).Select(r => r.Name).ToList();
        Assert.True(nobody.Count == 0, "RPCs whose [Authorize] attributes leave no role at all:\n" + string.Join("\n", nobody));
    }

    [Fact]
    public async Task Every_rpc_refuses_missing_expired_and_forged_tokens_and_every_other_role_and_changes_nothing()
    {
        await using var host = await TestHost.StartAsync(AllModules(), settings: [new("Limits:PermitsPerSecond", "0")]);
        var before = DatabaseCensus.Take(host.DataDirectory);
        Assert.NotEmpty(before);

        using var channel = host.Channel();
        var invoker = channel.CreateCallInvoker();
        var expired = DevelopmentTokens.Mint(TestTokens.SigningKey, "test-user", [HotlineRoles.Administrator], HotlineClaims.AllBranches,
            lifetime: TimeSpan.FromHours(1), now: DateTimeOffset.UtcNow.AddHours(-2));
        var forged = DevelopmentTokens.Mint("another-key-that-is-not-ours-0123456789-xyz", "intruder", [HotlineRoles.Administrator], HotlineClaims.AllBranches);
        var unauthenticated = new (string What, Metadata? Headers)[]
        {
            ("no token", null), ("expired token", TestTokens.Bearer(expired)), ("wrong signature", TestTokens.Bearer(forged)),
            ("not a JWT", TestTokens.Bearer("not-a-token")),
        };

        var failures = new List<string>();
        var calls = 0;
        foreach (var rpc in GrpcSurface.All())
        {
            foreach (var (what, headers) in unauthenticated)
            {
                calls++;
                var refusal = await RawCall.EmptyAsync(invoker, rpc.Descriptor, headers);
                if (refusal?.StatusCode != StatusCode.Unauthenticated)
                    failures.Add($"{rpc.Name} with {what}: {Describe(refusal)}, expected Unauthenticated");
            }
            var allowed = rpc.AllowedRoles ?? HotlineRoles.All.ToHashSet();
            foreach (var role in HotlineRoles.All.Where(r => !allowed.Contains(r)))
            {
                calls++;
                var refusal = await RawCall.EmptyAsync(invoker, rpc.Descriptor, TestTokens.As(role, HotlineClaims.AllBranches, role == HotlineRoles.Engineer ? Guid.NewGuid().ToString() : null));
                if (refusal?.StatusCode != StatusCode.PermissionDenied)
                    failures.Add($"{rpc.Name} as {role}: {Describe(refusal)}, expected PermissionDenied");
            }
        }

        Assert.True(calls > 200, $"only {calls} refused calls made");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, DatabaseCensus.Take(host.DataDirectory));
    }

    private static string Describe(RpcException? refusal) => refusal is null ? "OK" : $"{refusal.StatusCode} ({refusal.Status.Detail})";
}
