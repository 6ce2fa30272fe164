namespace TclHotline.Returns.Domain;

/// <summary>The dealers the branches deliver to, from configuration (<c>Returns:Dealers</c>).</summary>
public sealed class Dealers(ReturnsOptions options)
{
    public DealerOptions? Find(string? code) =>
        code is not null && options.Dealers.TryGetValue(code, out var dealer) ? dealer : null;
}
