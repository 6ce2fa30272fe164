namespace TclHotline.ServiceDefaults.Security;

/// <summary>Claim names in our tokens.</summary>
public static class HotlineClaims
{
    public const string Subject = "sub";
    public const string Role = "role";

    /// <summary>The branch a user works for; "*" for headquarters roles that see every branch.</summary>
    public const string Branch = "branch";

    /// <summary>For engineers: which engineer they are, so they see and report only their own visits.</summary>
    public const string EngineerId = "engineer_id";

    /// <summary>For dealers: which dealer they are, so they see and report only their own units.</summary>
    public const string DealerId = "dealer_id";

    public const string AllBranches = "*";
}
