using Google.Protobuf;
using TclHotline.Intake.Api;
using TclHotline.Intake.Data;
using TclHotline.Intake.Domain.Fees;
using TclHotline.Intake.Domain.Warranty;

// In the root namespace: a TclHotline.Intake.Tests.Domain namespace would hide TclHotline.Intake.Domain from the tests here.
namespace TclHotline.Intake.Tests;

/// <summary>Decisions kept with an order read back whole, in the domain's JSON and in the contract's JSON stored before it.</summary>
public sealed class StoredDecisionsTests
{
    private static readonly JsonFormatter ContractJson = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    private static readonly WarrantyDecision Decision = new()
    {
        AsOf = new DateOnly(2025, 6, 1),
        Coverage = WarrantyCoverage.MainPartsOnly,
        InWarranty = true,
        StartDate = new DateOnly(2024, 3, 1),
        StartBasis = WarrantyStartBasis.ProductionDate,
        Production = new ProductionPeriod(new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 31), ProductionDateSource.SerialNumber),
        WholeUnitEnd = new DateOnly(2025, 3, 1),
        MainPartsEnd = new DateOnly(2027, 3, 1),
        WholeUnitExtensionDays = 12,
        MainPartsExtensionDays = 3,
        Remedies = [Remedy.Repair, Remedy.Exchange],
        ExchangeEligible = true,
        FaultReportsInPeriod = 2,
        InvoiceNeedsVerification = true,
        MissingProofs = [Proof.Invoice],
        RulesApplied = [5, 9, 11],
    };

    private static readonly FeeEstimate Estimate = new(true, 66.5m, "CNY",
        [new(FeeLineKind.Base, 50m, "Base fee", null), new(FeeLineKind.Travel, 16.5m, "Travel", 15)],
        "Out of warranty.", true, [13, 15], Provisional: true);

    private static readonly SettledFee Settled = new(
        new FeeSettlement(120m, "CNY", "In warranty, but charged: user damage.", [13], [new(FeeLineKind.Exclusion, 120m, "user damage", null)],
            120m, "dropped", ["panel"], WarrantyExclusion.UserDamage),
        3, new DateTimeOffset(2025, 6, 1, 8, 30, 0, TimeSpan.Zero));

    /// <summary>The value as the contract shows it is the same after a trip through either stored form.</summary>
    private static void ReadsBackFromEitherForm<T, TContract>(T value, Func<T, string> write, Func<string, T> read, Func<T, TContract> contract)
        where TContract : IMessage
    {
        var expected = contract(value);
        Assert.Equal(expected, contract(read(write(value))));
        Assert.Equal(expected, contract(read(ContractJson.Format(expected))));
    }

    [Fact]
    public void A_warranty_decision_reads_back_from_either_form() =>
        ReadsBackFromEitherForm(Decision, StoredDecisions.Write, StoredDecisions.Warranty, IntakeContract.ToContract);

    [Fact]
    public void A_fee_estimate_reads_back_from_either_form() =>
        ReadsBackFromEitherForm(Estimate, StoredDecisions.Write, StoredDecisions.Fee, IntakeContract.ToContract);

    [Fact]
    public void A_settlement_reads_back_from_either_form() =>
        ReadsBackFromEitherForm(Settled, StoredDecisions.Write, StoredDecisions.Settlement, IntakeContract.ToContract);

    [Fact]
    public void The_domain_form_names_fields_and_values_as_the_domain_does()
    {
        var json = StoredDecisions.Write(Decision);
        Assert.Contains("\"Coverage\":\"MainPartsOnly\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Remedies\":[\"Repair\",\"Exchange\"]", json, StringComparison.Ordinal);
    }
}
