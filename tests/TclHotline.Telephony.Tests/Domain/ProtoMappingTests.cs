using TclHotline.Telephony.Application;
using TclHotline.Telephony.Data;
using Proto = TclHotline.Grpc.Telephony.V1;

namespace TclHotline.Telephony.Tests.Domain;

/// <summary>What the PBX reports survives storage (the enum names are kept equal by the foundation tests' ProtoEnumParityTests).</summary>
public sealed class ProtoMappingTests
{
    [Theory]
    [InlineData(Proto.HangUpParty.Caller)]
    [InlineData(Proto.HangUpParty.Agent)]
    [InlineData(Proto.HangUpParty.System)]
    public void Who_hung_up_survives_storage(Proto.HangUpParty party) =>
        Assert.Equal(party, CallMapping.ToProto(new CallRow { CallId = "c", State = "Ended", HungUpBy = CallMapping.PartyName(party) }).HungUpBy);
}
