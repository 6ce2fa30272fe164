using TclHotline.ServiceDefaults.Database;

namespace TclHotline.Intake;

/// <summary>The intake service's own database (<c>ConnectionStrings:intake</c>, or data/intake.db on SQLite).</summary>
public sealed class IntakeDatabase(DatabaseSettings settings, TimeProvider time) : ServiceDatabase("intake", settings, time);
