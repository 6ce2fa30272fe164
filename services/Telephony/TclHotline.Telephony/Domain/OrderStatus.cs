using System.Collections.Frozen;
using System.Reflection;
using Google.Protobuf.Reflection;
using IntakeStatus = TclHotline.Grpc.Intake.V1.OrderStatus;

namespace TclHotline.Telephony.Domain;

/// <summary>
/// An order's status as telephony follows it from intake's, dispatch's and returns' events, in intake's own words:
/// the values of the intake contract's OrderStatus, stored by name as intake stores its own, and shown to the desk
/// by their contract name (ORDER_STATUS_AWAITING_EXCHANGE), as intake's API shows them.
/// </summary>
public static class OrderStatus
{
    /// <summary>Statuses after which nothing more happens to an order, as intake counts them.</summary>
    public static readonly IReadOnlyList<string> Closed =
        [nameof(IntakeStatus.Completed), nameof(IntakeStatus.Cancelled), nameof(IntakeStatus.Answered)];

    private static readonly FrozenDictionary<IntakeStatus, string> Words = Enum.GetValues<IntakeStatus>().ToFrozenDictionary(
        s => s, s => typeof(IntakeStatus).GetField(s.ToString())!.GetCustomAttribute<OriginalNameAttribute>()!.Name);

    public static bool IsOpen(IntakeStatus status) => !Closed.Contains(status.ToString());

    /// <summary>
    /// Dispatch closes its order on every completed visit, and intake completes it, except (rule 17) when the panel
    /// can be neither repaired nor supplied: then it awaits the exchange the returns service settles.
    /// </summary>
    public static IntakeStatus AfterVisit(bool panelUnrepairable, bool panelNoLongerSupplied) =>
        panelUnrepairable && panelNoLongerSupplied ? IntakeStatus.AwaitingExchange : IntakeStatus.Completed;

    /// <summary>The contract's name of a status.</summary>
    public static string Word(IntakeStatus status) => Words.TryGetValue(status, out var word) ? word : status.ToString();
}
