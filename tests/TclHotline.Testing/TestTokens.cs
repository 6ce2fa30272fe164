using Grpc.Core;
using TclHotline.ServiceDefaults.Security;

namespace TclHotline.Testing;

/// <summary>Tokens signed with the tests' development key, for every role and branch.</summary>
public static class TestTokens
{
    public const string SigningKey = "tests-only-signing-key-0123456789-abcdefghij";

    public static string For(string role, string branch = HotlineClaims.AllBranches, string? engineerId = null, string subject = "test-user", TimeSpan? lifetime = null, string? dealerId = null) =>
        DevelopmentTokens.Mint(SigningKey, subject, [role], branch, engineerId, lifetime, dealerId: dealerId);

    public static Metadata Bearer(string token) => new() { { "Authorization", "Bearer " + token } };

    public static Metadata As(string role, string branch = HotlineClaims.AllBranches, string? engineerId = null) =>
        Bearer(For(role, branch, engineerId));
}
