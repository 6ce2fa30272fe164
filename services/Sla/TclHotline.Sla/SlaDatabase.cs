using TclHotline.ServiceDefaults.Database;

namespace TclHotline.Sla;

/// <summary>The sla service's own database (<c>ConnectionStrings:sla</c>, or data/sla.db on SQLite).</summary>
public sealed class SlaDatabase(DatabaseSettings settings, TimeProvider time) : ServiceDatabase("sla", settings, time);
