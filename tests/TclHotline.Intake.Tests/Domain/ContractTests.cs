using System.Reflection;
using TclHotline.Intake.Domain.Calls;
using Proto = TclHotline.Grpc.Intake.V1;

namespace TclHotline.Intake.Tests.Domain;

/// <summary>The validator names its fields as intake.proto does (the enums are in the foundation tests' ProtoEnumParityTests).</summary>
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
}
