using TclHotline.Messages.Dispatch;
using TclHotline.Messages.Intake;
using TclHotline.Returns.Tests.Support;

namespace TclHotline.Returns.Tests.Functional;

/// <summary>The order events intake and dispatch publish, as the returns service receives them.</summary>
public static class OrderEvents
{
    public static ServiceOrderOpened Opened(Guid orderId, string serial, DateTimeOffset registeredAt, string branch = ReturnsHost.Changsha) => new(
        orderId, "WO" + orderId.ToString("N")[..10].ToUpperInvariant(), registeredAt, "Repair", branch, "43", "4301", "430102", true,
        "李先生", "13800138000", "五一大道 1 号", "55C8K", serial, "Panel", true, false, null, null);

    public static VisitCompleted Completed(Guid orderId, string serial, DateTimeOffset at, int daysInRepair, int daysWaitingForParts) => new(
        orderId, Guid.NewGuid(), "ENG-1", ReturnsHost.Changsha, serial, at, true, false, "屏线松动", [], [], 0m, daysInRepair, daysWaitingForParts);
}
