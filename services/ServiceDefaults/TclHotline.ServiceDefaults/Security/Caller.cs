using System.Security.Claims;
using Grpc.Core;
using TclHotline.ServiceDefaults.Grpc;

namespace TclHotline.ServiceDefaults.Security;

/// <summary>Who is calling, from the token: their roles, branch scope and, for engineers and dealers, which one.</summary>
public sealed record Caller(string UserId, IReadOnlySet<string> Roles, string Branch, string? EngineerId, string? DealerId = null)
{
    public bool IsHeadquarters => Branch == HotlineClaims.AllBranches || Roles.Contains(HotlineRoles.Administrator);

    public bool IsIn(string role) => Roles.Contains(role);

    public bool CanSeeBranch(string branchCode) => IsHeadquarters || string.Equals(Branch, branchCode, StringComparison.Ordinal);

    /// <summary>Refuses a branch-scoped caller acting on another branch (PermissionDenied, naming nothing of the data).</summary>
    public void EnsureBranch(string branchCode)
    {
        if (!CanSeeBranch(branchCode)) throw new AccessDeniedException("not permitted for this branch");
    }

    /// <summary>The branch a list is limited to: the caller's own unless headquarters, who may pick any (or all: null).</summary>
    public string? ScopeBranch(string? requested)
    {
        if (IsHeadquarters) return string.IsNullOrEmpty(requested) ? null : requested;
        if (!string.IsNullOrEmpty(requested)) EnsureBranch(requested);
        return Branch;
    }

    public static Caller From(ServerCallContext context) => From(context.GetHttpContext().User);

    public static Caller From(ClaimsPrincipal user) => new(
        user.FindFirstValue(HotlineClaims.Subject) ?? "",
        user.FindAll(HotlineClaims.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal),
        user.FindFirstValue(HotlineClaims.Branch) ?? "",
        user.FindFirstValue(HotlineClaims.EngineerId),
        user.FindFirstValue(HotlineClaims.DealerId));
}
