using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using TclHotline.Dispatch.Tests.Support;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Testing;
using Proto = TclHotline.Grpc.Dispatch.V1;

namespace TclHotline.Dispatch.Tests.Functional;

/// <summary>
/// Every dispatch RPC that takes an idempotency key: the same key with the same request replays the first reply
/// to its caller; with another body it is refused naming idempotency_key; and a caller from another branch never
/// receives the stored reply, not even with the same subject, the same request and the same key.
/// </summary>
public class IdempotencyKeyTests(DispatchService service) : IClassFixture<DispatchService>
{
    private const string Wuhan = "WH";

    /// <summary>A first request, the same key with another body, who sends it, and how.</summary>
    public sealed record Keyed(IMessage Request, IMessage Changed, string Role, string? EngineerId, Func<GrpcChannel, IMessage, Task<IMessage>> Send);

    public static TheoryData<string> Rpcs => new(["CreateOutlet", "CreateEngineer", "AssignEngineer", "BookAppointment", "RescheduleVisit", "CompleteVisit"]);

    [Theory]
    [MemberData(nameof(Rpcs))]
    public async Task The_same_key_replays_only_to_its_caller_and_request_and_never_to_another_branch(string rpc)
    {
        var keyed = await PrepareAsync(rpc);
        var subject = $"{rpc}-owner-{Guid.NewGuid():N}";
        var owner = Channel(subject, keyed.Role, "CS", keyed.EngineerId);

        var first = await keyed.Send(owner, keyed.Request);
        Assert.Equal(first, await keyed.Send(owner, keyed.Request));

        var changed = await Assert.ThrowsAsync<RpcException>(() => keyed.Send(owner, keyed.Changed));
        Assert.Equal(StatusCode.AlreadyExists, changed.StatusCode);
        Assert.Contains("idempotency_key", changed.Status.Detail);

        // The same subject, request and key from a Wuhan token, and a Wuhan colleague: the branch is checked first.
        foreach (var other in new[] { Channel(subject, HotlineRoles.Dispatcher, Wuhan), Channel("wuhan-dispatcher", HotlineRoles.Dispatcher, Wuhan) })
        {
            var refusal = await Assert.ThrowsAsync<RpcException>(() => keyed.Send(other, keyed.Request));
            Assert.Equal(StatusCode.PermissionDenied, refusal.StatusCode);
        }
    }

    private GrpcChannel Channel(string subject, string role, string branch, string? engineerId = null) =>
        service.Host.Channel(DevelopmentTokens.Mint(TestTokens.SigningKey, subject, [role], branch, engineerId));

    private static string Key() => Guid.NewGuid().ToString();

    private Task<Keyed> PrepareAsync(string rpc) => rpc switch
    {
        "CreateOutlet" => Task.FromResult(CreateOutlet()),
        "CreateEngineer" => Task.FromResult(CreateEngineer()),
        "AssignEngineer" => AssignEngineerAsync(),
        "BookAppointment" => BookAppointmentAsync(),
        "RescheduleVisit" => RescheduleVisitAsync(),
        "CompleteVisit" => CompleteVisitAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(rpc), rpc, null),
    };

    private static Keyed CreateOutlet()
    {
        var request = new Proto.CreateOutletRequest
        {
            Outlet = new Proto.Outlet
            {
                OutletId = "CS-IK-" + Random.Shared.Next(100000, 999999), BranchCode = "CS", Name = "芙蓉测试网点", Kind = Proto.OutletKind.Own,
                Coverage = { new Proto.DistrictCoverage { DistrictCode = "430102", TravelMinutes = 20, DistanceKm = 5 } },
            },
            IdempotencyKey = Key(),
        };
        var changed = request.Clone();
        changed.Outlet.Name = "另一个网点";
        return new(request, changed, HotlineRoles.Dispatcher, null,
            async (channel, r) => await new Proto.RosterService.RosterServiceClient(channel).CreateOutletAsync((Proto.CreateOutletRequest)r));
    }

    private static Keyed CreateEngineer()
    {
        var request = new Proto.CreateEngineerRequest { Engineer = Clients.RoundTheClockEngineer("CS-IK-" + Random.Shared.Next(100000, 999999)), IdempotencyKey = Key() };
        var changed = request.Clone();
        changed.Engineer.Name = "另一位工程师";
        return new(request, changed, HotlineRoles.Dispatcher, null,
            async (channel, r) => await new Proto.RosterService.RosterServiceClient(channel).CreateEngineerAsync((Proto.CreateEngineerRequest)r));
    }

    private async Task<Keyed> AssignEngineerAsync()
    {
        var (order, _) = await service.AssignedAsync();
        var engineer = await service.CreateRoundTheClockEngineerAsync("CS-IK-" + Random.Shared.Next(100000, 999999));
        var request = new Proto.AssignEngineerRequest
        {
            OrderId = order.OrderId.ToString(), EngineerId = engineer.EngineerId, Reason = "knows the customer", IdempotencyKey = Key(),
        };
        var changed = request.Clone();
        changed.Reason = "another reason";
        return new(request, changed, HotlineRoles.Dispatcher, null, async (channel, r) => await Dispatch(channel).AssignEngineerAsync((Proto.AssignEngineerRequest)r));
    }

    private async Task<Keyed> BookAppointmentAsync()
    {
        // Liuyang (430181) is outside the city: remote, the order waits for an appointment.
        var order = DispatchService.Order(district: "430181", urban: false);
        await service.PublishAsync(order);
        await service.AwaitAsync<Messages.Sla.DeadlineSet>(order.OrderId);
        var slots = (await service.Dispatch().ProposeAppointmentsAsync(new Proto.ProposeAppointmentsRequest { OrderId = order.OrderId.ToString() })).Slots;
        Assert.True(slots.Count >= 2, "fewer than two appointment windows proposed");
        var request = new Proto.BookAppointmentRequest { OrderId = order.OrderId.ToString(), WindowStart = slots[0].WindowStart, IdempotencyKey = Key() };
        var changed = request.Clone();
        changed.WindowStart = slots[1].WindowStart;
        return new(request, changed, HotlineRoles.Dispatcher, null, async (channel, r) => await Dispatch(channel).BookAppointmentAsync((Proto.BookAppointmentRequest)r));
    }

    private async Task<Keyed> RescheduleVisitAsync()
    {
        // On a round-the-clock engineer any time the customer names fits the shift.
        var (order, _) = await service.AssignedAsync();
        var engineer = await service.CreateRoundTheClockEngineerAsync("CS-IK-" + Random.Shared.Next(100000, 999999));
        var current = await service.Dispatch().AssignEngineerAsync(new Proto.AssignEngineerRequest { OrderId = order.OrderId.ToString(), EngineerId = engineer.EngineerId });
        // Customers name whole minutes.
        var customerTime = new DateTimeOffset(TestClock.Now.AddDays(2).Ticks / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, TimeSpan.Zero);
        var request = new Proto.RescheduleVisitRequest
        {
            OrderId = order.OrderId.ToString(), VisitId = current.CurrentVisit.VisitId, Cause = Proto.RescheduleCause.Customer,
            NewStart = Clients.Stamp(customerTime), Note = "the customer is away until then", IdempotencyKey = Key(),
        };
        var changed = request.Clone();
        changed.Note = "another note";
        return new(request, changed, HotlineRoles.Dispatcher, null, async (channel, r) => await Dispatch(channel).RescheduleVisitAsync((Proto.RescheduleVisitRequest)r));
    }

    private async Task<Keyed> CompleteVisitAsync()
    {
        var (order, visit, _) = await service.ArrivedAsync(chargeable: false, total: 0m);
        var request = new Proto.CompleteVisitRequest
        {
            Report = Clients.Report(order, visit), SerialNumber = order.SerialNumber, Completion = new Proto.Completion { Repaired = true },
            IdempotencyKey = Key(),
        };
        var changed = request.Clone();
        changed.Completion.FaultFound = "T-CON";
        return new(request, changed, HotlineRoles.Engineer, visit.EngineerId, async (channel, r) => await Dispatch(channel).CompleteVisitAsync((Proto.CompleteVisitRequest)r));
    }

    private static Proto.DispatchService.DispatchServiceClient Dispatch(GrpcChannel channel) => new(channel);
}
