using TclHotline.ServiceDefaults.Database;

namespace TclHotline.Returns;

/// <summary>The returns service's own database (<c>ConnectionStrings:returns</c>, or data/returns.db on SQLite).</summary>
public sealed class ReturnsDatabase(DatabaseSettings settings, TimeProvider time) : ServiceDatabase("returns", settings, time);
