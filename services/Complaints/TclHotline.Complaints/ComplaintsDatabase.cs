using TclHotline.ServiceDefaults.Database;

namespace TclHotline.Complaints;

/// <summary>The complaints service's own database (<c>ConnectionStrings:complaints</c>, or data/complaints.db on SQLite).</summary>
public sealed class ComplaintsDatabase(DatabaseSettings settings, TimeProvider time) : ServiceDatabase("complaints", settings, time);
