using TclHotline.Intake.Data;

namespace TclHotline.Intake.Application;

/// <summary>One page of orders; the token asks for the next one, empty on the last page.</summary>
public sealed record OrderPage(IReadOnlyList<ServiceOrderRow> Orders, string NextPageToken);
