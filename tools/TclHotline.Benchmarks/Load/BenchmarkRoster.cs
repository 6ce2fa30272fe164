using Grpc.Core;
using Grpc.Net.Client;
using TclHotline.Grpc.Dispatch.V1;

namespace TclHotline.Benchmarks.Load;

/// <summary>
/// Adds engineers to the Changsha outlets through the roster API before the load, so that the city can
/// take the benchmark's thousands of urban orders a day: the seed network's fourteen engineers fill their
/// daily capacity after a few dozen visits, after which every order is escalated at once and no
/// registration → engineer assigned figure exists.
/// </summary>
public static class BenchmarkRoster
{
    private static readonly string[] ChangshaOutlets = ["CS-FR", "CS-YL", "CS-KF", "CS-YH"];

    public static async Task AddAsync(string dispatchAddress, Metadata headers, int engineers, int dailyCapacity)
    {
        using var channel = GrpcChannel.ForAddress(dispatchAddress);
        var roster = new RosterService.RosterServiceClient(channel);
        for (var i = 1; i <= engineers; i++)
        {
            var engineer = new Engineer
            {
                EngineerId = $"CS-BENCH-{i:000}",
                Name = $"压测工程师{i:000}",
                OutletId = ChangshaOutlets[i % ChangshaOutlets.Length],
                DailyCapacity = dailyCapacity,
                Skills = { Skill.Repair, Skill.Panel, Skill.Installation, Skill.WallMount, Skill.EngineeringSurvey },
                // Round the clock, every day: the figures must not depend on the hour the benchmark runs at.
                Shifts = { new Shift { Start = "00:00", End = "23:59" } },
                VisitDurations =
                {
                    new VisitDuration { OrderType = OrderType.Repair, Minutes = 60 },
                    new VisitDuration { OrderType = OrderType.PreSaleRepair, Minutes = 45 },
                    new VisitDuration { OrderType = OrderType.Installation, Minutes = 60 },
                    new VisitDuration { OrderType = OrderType.WallMount, Minutes = 90 },
                    new VisitDuration { OrderType = OrderType.EngineeringSurvey, Minutes = 60 },
                },
            };
            await roster.CreateEngineerAsync(new CreateEngineerRequest { Engineer = engineer }, headers);
        }
    }
}
