using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using TclHotline.Benchmarks.Load;
using TclHotline.Intake;
using TclHotline.Intake.Api;
using TclHotline.Intake.Application;
using TclHotline.Intake.Domain.Calls;
using TclHotline.ServiceDefaults.Grpc;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Testing;

namespace TclHotline.Benchmarks.Micro;

/// <summary>
/// One registration as RegisterCall does it, without gRPC: validation, then the registrar's unit of work
/// on a real SQLite file (WAL). On SQLite the unit holds the file's only write turn from its first
/// statement to its commit, so this time bounds the registrations per second one intake database takes.
/// </summary>
[MemoryDiagnoser]
public class CallRegistrarBenchmarks
{
    private TestHost _host = null!;
    private RegisterCallValidator _validator = null!;
    private CallRegistrar _registrar = null!;
    private readonly CallMix _mix = new(4242);

    [GlobalSetup]
    public async Task Setup()
    {
        // The outbox relay would compete for the write turn; the figure is the registration alone.
        _host = await TestHost.StartAsync([new IntakeModule()], [new("Outbox:PollInterval", "01:00:00")]);
        _validator = _host.Services.GetRequiredService<RegisterCallValidator>();
        _registrar = _host.Services.GetRequiredService<CallRegistrar>();
    }

    private static readonly Caller Agent = new("bench-agent", new HashSet<string> { HotlineRoles.Agent }, HotlineClaims.AllBranches, null);

    [GlobalCleanup]
    public async Task Cleanup() => await _host.DisposeAsync();

    [Benchmark]
    public async Task<string> RegisterCall()
    {
        var request = _mix.Next();
        var validation = _validator.Validate(IntakeContract.ToInput(request) with { AgentId = Agent.UserId });
        if (!validation.IsValid)
            return validation.Errors[0].Problem;
        var idempotent = IdempotentRequest.For(Agent, CallRegistrar.Operation, request.IdempotencyKey, request);
        var reply = await _registrar.RegisterAsync(validation.Registration!, idempotent, Agent, IntakeContract.RegisterReplies, CancellationToken.None);
        return reply.CallRecordId;
    }
}
