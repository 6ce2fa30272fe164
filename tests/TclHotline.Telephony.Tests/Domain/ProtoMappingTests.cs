using TclHotline.Telephony.Application;
using TclHotline.Telephony.Data;
using Domain = TclHotline.Telephony.Domain;
using Proto = TclHotline.Grpc.Telephony.V1;

namespace TclHotline.Telephony.Tests.Domain;

/// <summary>Every state the domain stores has its own value in the contract, so none reaches a client as unspecified.</summary>
public sealed class ProtoMappingTests
{
    [Fact]
    public void Every_call_state_maps_to_its_own_proto_state()
    {
        var mapped = Enum.GetValues<TclHotline.Telephony.Domain.CallState>().Select(s => CallMapping.ToProto(new CallRow { CallId = "c", State = s.ToString() }).State).ToList();
        Assert.DoesNotContain(Proto.CallState.Unspecified, mapped);
        Assert.Equal(mapped.Count, mapped.Distinct().Count());
    }

    [Fact]
    public void Every_callback_state_and_reason_maps_to_its_own_proto_value()
    {
        var states = Enum.GetValues<TclHotline.Telephony.Domain.CallbackState>().Select(CallbackMapping.ToProto).ToList();
        Assert.DoesNotContain(Proto.CallbackState.Unspecified, states);
        Assert.Equal(states.Count, states.Distinct().Count());

        var reasons = Enum.GetValues<TclHotline.Telephony.Domain.CallbackReason>()
            .Select(r => CallbackMapping.ToProto(new CallbackRow { Reason = r.ToString(), State = nameof(TclHotline.Telephony.Domain.CallbackState.Open) }).Reason).ToList();
        Assert.DoesNotContain(Proto.CallbackReason.Unspecified, reasons);
        Assert.Equal(reasons.Count, reasons.Distinct().Count());
    }

    [Theory]
    [InlineData(Proto.HangUpParty.Caller)]
    [InlineData(Proto.HangUpParty.Agent)]
    [InlineData(Proto.HangUpParty.System)]
    public void Who_hung_up_survives_storage(Proto.HangUpParty party) =>
        Assert.Equal(party, CallMapping.ToProto(new CallRow { CallId = "c", State = "Ended", HungUpBy = CallMapping.PartyName(party) }).HungUpBy);
}
