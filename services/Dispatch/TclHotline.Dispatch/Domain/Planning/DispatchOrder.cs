using TclHotline.Dispatch.Domain.Network;

namespace TclHotline.Dispatch.Domain.Planning;

/// <summary>What dispatch needs to know of a service order to send someone (from ServiceOrderOpened).</summary>
/// <param name="RequestedVisitAt">The start of the visit time the customer asked for, when they asked for one.</param>
public sealed record DispatchOrder(
    Guid OrderId,
    OrderType Type,
    string BranchCode,
    string DistrictCode,
    bool IsUrban,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? RequestedVisitAt = null,
    string FaultCategory = "")
{
    public IReadOnlySet<Skill> RequiredSkills(DispatchOptions options)
    {
        var skills = new HashSet<Skill> { options.SkillByOrderType[Type] };
        if (options.SkillByFaultCategory.TryGetValue(FaultCategory, out var extra))
        {
            skills.Add(extra);
        }

        return skills;
    }
}
