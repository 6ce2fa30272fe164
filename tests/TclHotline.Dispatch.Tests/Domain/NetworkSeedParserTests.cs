using TclHotline.Dispatch.Domain;
using TclHotline.Dispatch.Domain.Network;
using TclHotline.Dispatch.Seed;
using TclHotline.ServiceDefaults.Branches;

namespace TclHotline.Dispatch.Tests.Domain;

public class NetworkSeedParserTests
{
    private const string Valid = """
        {
          "outlets": [
            { "id": "O1", "branch": "CS", "name": "芙蓉", "kind": "Own",
              "coverage": [ { "district": "430102", "travelMinutes": 20, "distanceKm": 5.5 } ] },
            { "id": "O2", "branch": "CS", "name": "岳麓", "kind": "Contracted", "provider": "湘江服务",
              "coverage": [ { "district": "430104", "travelMinutes": 15, "distanceKm": 4 } ] }
          ],
          "engineers": [
            { "id": "E1", "name": "刘伟", "outlet": "O1", "skills": ["Repair"],
              "shifts": [ { "days": ["Mon", "Tuesday"], "start": "18:00", "end": "02:00" } ],
              "visitMinutes": { "Repair": 90, "PreSaleRepair": 60 }, "dailyCapacity": 4, "active": true }
          ]
        }
        """;

    private static readonly NetworkSeedParser Parser = new(new DispatchOptions(), BranchCatalogue.Shipped());

    [Fact]
    public void A_valid_seed_is_read_with_every_field()
    {
        var network = Parser.Parse(Valid);

        var engineer = network.Engineer("E1")!;
        var shift = Assert.Single(engineer.Shifts);
        Assert.Equal(
            ("O1", 4, true, TimeSpan.FromMinutes(90)),
            (engineer.OutletId, engineer.DailyCapacity, engineer.Active, engineer.VisitDurations[OrderType.Repair]));
        Assert.Equal((new TimeOnly(18, 0), new TimeOnly(2, 0), true), (shift.Start, shift.End, shift.CrossesMidnight));
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday], shift.Days.Order());
        Assert.Equal(new DistrictCoverage("430102", TimeSpan.FromMinutes(20), 5.5m), network.Outlet("O1")!.CoverageOf("430102"));
        Assert.Equal(("湘江服务", OutletKind.Contracted), (network.Outlet("O2")!.ProviderName, network.Outlet("O2")!.Kind));
    }

    [Fact]
    public void The_shipped_seed_parses()
    {
        var network = Parser.Parse(NetworkSeed.DefaultJson());

        Assert.Contains(network.Branches, b => b.Code == "CS");
        Assert.Contains(network.Branches, b => b.Code == "WH");
    }

    [Theory]
    [InlineData("\"skills\": [\"Repair\"]", "\"skills\": [\"Plumbing\"]", "engineers[0].skills[0]: 'Plumbing' is not one of")]
    [InlineData("\"skills\": [\"Repair\"]", "\"skills\": [\"1\"]", "engineers[0].skills[0]: '1' is not one of")]
    [InlineData("\"start\": \"18:00\"", "\"start\": \"25:00\"", "engineers[0].shifts[0].start: '25:00' is not a time of day HH:mm")]
    [InlineData("\"Tuesday\"", "\"Tue_\"", "engineers[0].shifts[0].days[1]: 'Tue_' is not a weekday")]
    [InlineData("\"outlet\": \"O1\"", "\"outlet\": \"O9\"", "engineer E1: outlet 'O9' is unknown")]
    [InlineData("\"dailyCapacity\": 4", "\"dailyCapacity\": 0", "engineer E1: daily capacity must be at least 1")]
    [InlineData("\"dailyCapacity\": 4, ", "", "engineers[0].dailyCapacity: required")]
    [InlineData("\"PreSaleRepair\": 60", "\"Installation\": 60", "engineer E1: has skill Repair but no visit duration for PreSaleRepair")]
    [InlineData("\"end\": \"02:00\"", "\"end\": \"18:00\"", "engineer E1: shift 18:00-18:00 is empty")]
    [InlineData("\"branch\": \"CS\", \"name\": \"芙蓉\"", "\"branch\": \"XX\", \"name\": \"芙蓉\"", "outlet O1: branch 'XX' is unknown")]
    [InlineData("\"district\": \"430102\"", "\"district\": \"420106\"", "outlet O1: district 420106 is outside branch CS's area")]
    [InlineData("\"district\": \"430102\"", "\"district\": \"4301\"", "outlet O1: district '4301' is not a six-digit GB/T 2260 code")]
    [InlineData("\"travelMinutes\": 20", "\"travelMinutes\": 0", "outlet O1: travel time to 430102 must be positive")]
    [InlineData(", \"provider\": \"湘江服务\"", "", "outlet O2: a contracted outlet needs its provider's name")]
    [InlineData("\"kind\": \"Own\"", "\"kind\": \"Franchise\"", "outlets[0].kind: 'Franchise' is not one of Own, Contracted")]
    [InlineData("\"id\": \"O2\"", "\"id\": \"O1\"", "outlet O1 is defined more than once")]
    public void Every_problem_is_reported_with_where_it_is(string find, string replace, string expectedProblem)
    {
        Assert.Contains(find, Valid);

        var error = Assert.Throws<InvalidNetworkException>(() => Parser.Parse(Valid.Replace(find, replace)));

        Assert.Contains(error.Problems, p => p.StartsWith(expectedProblem, StringComparison.Ordinal));
    }

    [Theory]
    // A misspelt field would silently lose its value: refused.
    [InlineData("\"dailyCapacity\"", "\"dailyCapacty\"", "seed: not a valid network document")]
    [InlineData("\"outlets\": [", "\"outlets\": [[", "seed: not a valid network document")]
    // The branches are the branch catalogue's: a seed listing its own is refused, not half-read.
    [InlineData("\"outlets\": [", "\"branches\": [], \"outlets\": [", "seed: not a valid network document")]
    public void Malformed_json_or_unknown_fields_are_refused(string find, string replace, string expectedProblem)
    {
        var error = Assert.Throws<InvalidNetworkException>(() => Parser.Parse(Valid.Replace(find, replace)));

        Assert.StartsWith(expectedProblem, Assert.Single(error.Problems));
    }

    [Fact]
    public void Several_problems_are_reported_together()
    {
        var broken = Valid.Replace("\"Repair\"]", "\"Plumbing\"]").Replace("\"18:00\"", "\"6pm\"");

        var error = Assert.Throws<InvalidNetworkException>(() => Parser.Parse(broken));

        Assert.Equal(2, error.Problems.Count);
    }
}
