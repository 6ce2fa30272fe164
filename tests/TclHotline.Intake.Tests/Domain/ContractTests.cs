using System.Reflection;
using TclHotline.Intake.Domain.Calls;
using Proto = TclHotline.Grpc.Intake.V1;
using TclHotline.Intake.Tests.Support;

namespace TclHotline.Intake.Tests.Domain;

/// <summary>The domain and intake.proto must agree: field names in errors, enum names and numbers.</summary>
public class ContractTests
{
    [Fact]
    public void Every_field_the_validator_names_exists_in_RegisterCallRequest()
    {
        var names = typeof(RegisterCallFields).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetValue(null)!).ToList();
        Assert.NotEmpty(names);
        var missing = names.Where(n => Proto.RegisterCallRequest.Descriptor.FindFieldByName(n) is null);
        Assert.Empty(missing);
    }

    [Theory]
    [InlineData(typeof(TclHotline.Intake.Domain.OrderType), typeof(Proto.OrderType))]
    // Stored by name here and in telephony's projection, which stores the contract's names: the same words.
    [InlineData(typeof(TclHotline.Intake.Domain.OrderStatus), typeof(Proto.OrderStatus))]
    [InlineData(typeof(TclHotline.Intake.Domain.FaultCategory), typeof(Proto.FaultCategory))]
    [InlineData(typeof(TclHotline.Intake.Domain.BracketSource), typeof(Proto.BracketSource))]
    [InlineData(typeof(TclHotline.Intake.Domain.ComplaintCategory), typeof(Proto.ComplaintCategory))]
    [InlineData(typeof(TclHotline.Intake.Domain.Regions.AreaKind), typeof(Proto.AreaKind))]
    [InlineData(typeof(TclHotline.Intake.Domain.Warranty.WarrantyCoverage), typeof(Proto.WarrantyCoverage))]
    [InlineData(typeof(TclHotline.Intake.Domain.Warranty.WarrantyStartBasis), typeof(Proto.WarrantyStartBasis))]
    [InlineData(typeof(TclHotline.Intake.Domain.Warranty.ProductionDateSource), typeof(Proto.ProductionDateSource))]
    [InlineData(typeof(TclHotline.Intake.Domain.Warranty.Remedy), typeof(Proto.Remedy))]
    [InlineData(typeof(TclHotline.Intake.Domain.Warranty.Proof), typeof(Proto.Proof))]
    [InlineData(typeof(TclHotline.Intake.Domain.Fees.FeeLineKind), typeof(Proto.FeeLineKind))]
    public void Domain_enums_match_the_contracts_names_and_numbers(Type domain, Type proto)
    {
        Assert.Equal(Members(proto), Members(domain));
    }

    private static List<(string, int)> Members(Type enumType) =>
        Enum.GetValues(enumType).Cast<object>().Select(v => (v.ToString()!, Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture))).OrderBy(m => m.Item2).ToList();
}
