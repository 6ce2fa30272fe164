using TclHotline.ServiceDefaults.Database;

namespace TclHotline.Dispatch;

/// <summary>The dispatch service's own database (<c>ConnectionStrings:dispatch</c>, or data/dispatch.db on SQLite).</summary>
public sealed class DispatchDatabase(DatabaseSettings settings, TimeProvider time) : ServiceDatabase("dispatch", settings, time);
