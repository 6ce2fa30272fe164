using TclHotline.Intake.Domain;
using TclHotline.Intake.Domain.Fees;
using TclHotline.Intake.Domain.Warranty;
using TclHotline.Intake.Tests.Support;
using static TclHotline.Intake.Tests.Support.Clock;

namespace TclHotline.Intake.Tests.Domain;

public class FeeEstimatorTests
{
    [Theory]
    [InlineData(FaultCategory.Panel, "150")]     // "Repair:Panel" in the price list
    [InlineData(FaultCategory.MainBoard, "100")]
    [InlineData(FaultCategory.Sound, "50")]      // no "Repair:Sound": the order type's fee
    public void Rule13_out_of_warranty_the_estimate_is_the_base_fee_by_type_and_category(FaultCategory fault, string expected)
    {
        var estimate = Estimate.Estimator.Estimate(Estimate.Repair(fault));
        Assert.True(estimate.Chargeable);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), estimate.Total);
        var line = Assert.Single(estimate.Lines);
        Assert.Equal(FeeLineKind.Base, line.Kind);
        Assert.Equal([DomainRule.EstimateBeforeVisit], estimate.RulesApplied);
        Assert.Equal(("CNY", "Out of warranty."), (estimate.Currency, estimate.Reason));
    }

    [Fact]
    public void Rule13_the_price_list_comes_from_options()
    {
        var options = new FeeOptions { BaseFees = { ["Repair:Sound"] = 65m } };
        Assert.Equal(65m, new FeeEstimator(options).Estimate(Estimate.Repair(FaultCategory.Sound)).Total);
    }

    [Fact]
    public void Rule13_a_visit_type_without_a_base_fee_fails_at_start()
    {
        var options = new FeeOptions();
        options.BaseFees.Remove("WallMount");
        var error = Assert.Throws<InvalidOperationException>(() => new FeeEstimator(options));
        Assert.Contains("WallMount", error.Message);
    }

    [Theory]
    [InlineData(WarrantyCoverage.WholeUnit, FaultCategory.Sound, "whole unit is covered until 2025-09-01")]
    [InlineData(WarrantyCoverage.MainPartsOnly, FaultCategory.Panel, "main parts are covered until 2027-09-01")]
    public void Rule13_in_warranty_the_estimate_is_zero_with_the_reason(WarrantyCoverage coverage, FaultCategory fault, string reason)
    {
        var warranty = new WarrantyDecision
        {
            AsOf = D("2025-06-01"), Coverage = coverage, InWarranty = true,
            WholeUnitEnd = D("2025-09-01"), MainPartsEnd = D("2027-09-01"),
        };
        var request = Estimate.Repair(fault, warranty) with { DistanceKm = 80m, RequestedVisitAt = Local("2025-06-02", "22:00") };
        var estimate = Estimate.Estimator.Estimate(request);
        Assert.Equal((false, 0m), (estimate.Chargeable, estimate.Total));
        Assert.Empty(estimate.Lines);
        Assert.Contains(reason, estimate.Reason);
        Assert.Equal([DomainRule.WarrantyPeriods], estimate.RulesApplied);
    }

    [Fact]
    public void Rule13_an_undetermined_warranty_is_estimated_and_says_which_proof_is_missing()
    {
        var warranty = new WarrantyDecision
        {
            AsOf = D("2025-06-01"), Coverage = WarrantyCoverage.Undetermined,
            MissingProofs = [Proof.Invoice, Proof.ProductionDate],
        };
        var estimate = Estimate.Estimator.Estimate(Estimate.Repair(FaultCategory.Sound, warranty));
        Assert.Equal((true, 50m), (estimate.Chargeable, estimate.Total));
        Assert.Contains("missing Invoice and ProductionDate", estimate.Reason);
    }

    [Theory]
    [InlineData(OrderType.Consultation)]
    [InlineData(OrderType.Complaint)]
    public void Rule13_no_visit_no_fee(OrderType type)
    {
        var estimate = Estimate.Estimator.Estimate(Estimate.Repair() with { OrderType = type });
        Assert.Equal((false, 0m), (estimate.Chargeable, estimate.Total));
        Assert.Empty(estimate.RulesApplied);
    }

    [Theory]
    [InlineData(null, "0", false)]   // distance unknown until an outlet is chosen
    [InlineData("12", "0", true)]
    [InlineData("30", "0", true)]    // exactly 30 km: nothing
    [InlineData("30.5", "0.5", true)]
    [InlineData("45", "15", true)]   // 15 km beyond, one way, 1 yuan each
    public void Rule15_travel_beyond_30_km_costs_1_yuan_per_km_one_way(string? km, string travel, bool included)
    {
        var request = Estimate.Repair() with { DistanceKm = km is null ? null : decimal.Parse(km, System.Globalization.CultureInfo.InvariantCulture) };
        var estimate = Estimate.Estimator.Estimate(request);
        var expected = decimal.Parse(travel, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, estimate.Lines.Where(l => l.Kind == FeeLineKind.Travel).Sum(l => l.Amount));
        Assert.Equal(50m + expected, estimate.Total);
        Assert.Equal(expected > 0, estimate.RulesApplied.Contains(DomainRule.TravelExcess));
        Assert.Equal(included, estimate.TravelIncluded);
    }

    [Fact]
    public void Rule15_the_free_distance_and_rate_come_from_options()
    {
        var estimator = new FeeEstimator(new FeeOptions { FreeTravelKm = 20m, TravelFeePerKm = 1.5m });
        Assert.Equal(50m + 15m, estimator.Estimate(Estimate.Repair() with { DistanceKm = 30m }).Total);
    }

    [Theory]
    [InlineData("20:59", false)]
    [InlineData("21:00", true)]
    [InlineData("23:30", true)]
    [InlineData("00:00", true)]
    [InlineData("07:59", true)]
    [InlineData("08:00", false)]
    [InlineData("14:00", false)]
    public void Rule16_a_visit_asked_for_between_21_and_08_branch_time_costs_50_percent_more(string localTime, bool night)
    {
        var request = Estimate.Repair(FaultCategory.Panel) with { RequestedVisitAt = Local("2025-06-02", localTime) };
        var estimate = Estimate.Estimator.Estimate(request);
        Assert.Equal(night ? 225m : 150m, estimate.Total);
        Assert.Equal(night, estimate.RulesApplied.Contains(DomainRule.NightVisitSurcharge));
    }

    [Theory]
    [InlineData("2025-06-02T12:59:00Z", false)] // 20:59 in Beijing
    [InlineData("2025-06-02T13:00:00Z", true)]  // 21:00 in Beijing, though 13:00 UTC
    public void Rule16_the_window_is_in_the_branchs_time_zone(string utc, bool night)
    {
        var at = DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);
        var estimate = Estimate.Estimator.Estimate(Estimate.Repair() with { RequestedVisitAt = at });
        Assert.Equal(night, estimate.Lines.Any(l => l.Kind == FeeLineKind.NightSurcharge));
    }

    [Fact]
    public void Rule16_surcharge_is_on_the_base_fee_only()
    {
        var request = Estimate.Repair(FaultCategory.Panel) with { DistanceKm = 40m, RequestedVisitAt = Local("2025-06-02", "22:00") };
        var estimate = Estimate.Estimator.Estimate(request);
        Assert.Equal([150m, 10m, 75m], estimate.Lines.Select(l => l.Amount));
        Assert.Equal(235m, estimate.Total);
        Assert.Equal([DomainRule.EstimateBeforeVisit, DomainRule.TravelExcess, DomainRule.NightVisitSurcharge], estimate.RulesApplied);
    }

    [Fact]
    public void Rule16_the_window_and_rate_come_from_options()
    {
        var estimator = new FeeEstimator(new FeeOptions { NightStarts = new TimeOnly(22, 0), NightEnds = new TimeOnly(6, 0), NightSurchargeRate = 1m });
        Assert.Equal(50m, estimator.Estimate(Estimate.Repair() with { RequestedVisitAt = Local("2025-06-02", "21:30") }).Total);
        Assert.Equal(100m, estimator.Estimate(Estimate.Repair() with { RequestedVisitAt = Local("2025-06-02", "05:59") }).Total);
    }

    [Theory]
    [InlineData(true, "0", "0", 14)]       // declined: nothing, not even the inspection
    [InlineData(false, "235", "235", 13)]  // repaired at the estimate
    [InlineData(false, "300", "300", 13)]  // more, with a reason: an extra line
    public void Rule14_a_declined_repairable_fault_is_charged_nothing(bool declined, string fee, string charged, int rule)
    {
        var estimate = Estimate.Estimator.Estimate(Estimate.Repair(FaultCategory.Panel) with
        {
            DistanceKm = 40m,
            RequestedVisitAt = Local("2025-06-02", "22:00"),
        });
        var settlement = Estimate.Estimator.SettleAtCompletion(estimate, new CompletionCharge(
            decimal.Parse(fee, System.Globalization.CultureInfo.InvariantCulture), declined, "power board", ["power board"], null));
        Assert.Equal(decimal.Parse(charged, System.Globalization.CultureInfo.InvariantCulture), settlement.Charged);
        Assert.Equal(settlement.Charged, settlement.Lines.Sum(l => l.Amount));
        Assert.Contains(rule, settlement.RulesApplied);
    }

    [Theory]
    [InlineData(false, false, true)]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    [InlineData(true, true, false)]
    public void Rule17_an_unrepairable_panel_no_longer_supplied_gets_depreciation_or_top_up_exchange(bool repairable, bool supplied, bool offered)
    {
        var decision = FeeEstimator.DecidePanelExchange(repairable, supplied);
        if (offered)
        {
            Assert.Equal([PanelExchangeOffer.DepreciationExchange, PanelExchangeOffer.TopUpExchange], decision.Offers);
            Assert.Equal([DomainRule.PanelExchangeOffer], decision.RulesApplied);
        }
        else
        {
            Assert.Empty(decision.Offers);
            Assert.Empty(decision.RulesApplied);
        }
    }
}
