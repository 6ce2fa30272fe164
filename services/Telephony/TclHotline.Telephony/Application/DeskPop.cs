using Google.Protobuf;
using TclHotline.Grpc.Telephony.V1;

namespace TclHotline.Telephony.Application;

/// <summary>
/// A screen pop for an agent's desk, committed by any instance: the live feed behind WatchAgentDesk. The
/// pop travels as its protobuf bytes, the form the desk receives it in.
/// </summary>
public sealed record DeskPop(string AgentId, byte[] Pop)
{
    public static DeskPop For(string agentId, ScreenPop pop) => new(agentId, pop.ToByteArray());

    public ScreenPop ToScreenPop() => ScreenPop.Parser.ParseFrom(Pop);
}
